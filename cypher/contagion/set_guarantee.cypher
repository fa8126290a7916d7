// What: creates the guarantee guarantor -[:GUARANTEES {amountFen}]-> loan, or changes its amount
//       (idempotent: safe under transaction retries).
// Params: $guarantorCode, $loanCode, $amountFen (int > 0).
// Returns: guarantorCode, loanCode, amountFen.
MATCH (g:Household {code: $guarantorCode})
MATCH (l:Loan {code: $loanCode})
MERGE (g)-[r:GUARANTEES]->(l)
SET r.amountFen = $amountFen
RETURN g.code AS guarantorCode, l.code AS loanCode, r.amountFen AS amountFen
