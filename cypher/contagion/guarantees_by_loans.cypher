// What: the guarantees of a batch of loans (K1), for the Loan.guarantees data loader.
// Params: $codes: [string] (loan codes).
// Returns: loanCode, guarantorCode, amountFen, ordered by loan then guarantor code.
MATCH (g:Household)-[r:GUARANTEES]->(l:Loan)
WHERE l.code IN $codes
RETURN l.code AS loanCode, g.code AS guarantorCode, r.amountFen AS amountFen
ORDER BY loanCode, guarantorCode
