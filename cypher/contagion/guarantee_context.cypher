// What: what addGuarantee/releaseGuarantee check before writing (K1): the guarantor, the loan, its
//       borrower and status, and the current guarantee between them if any.
// Params: $guarantorCode, $loanCode.
// Returns: one row: guarantor (bool), loan (bool), borrowerCode, status, amountFen (null: no guarantee).
OPTIONAL MATCH (g:Household {code: $guarantorCode})
OPTIONAL MATCH (l:Loan {code: $loanCode})
OPTIONAL MATCH (g)-[r:GUARANTEES]->(l)
RETURN g IS NOT NULL AS guarantor, l IS NOT NULL AS loan, l.householdCode AS borrowerCode,
       l.status AS status, r.amountFen AS amountFen
