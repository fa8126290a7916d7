// What: removes the guarantee between a household and a loan (idempotent).
// Params: $guarantorCode, $loanCode.
// Returns: released (count of relationships removed: 0 or 1).
OPTIONAL MATCH (:Household {code: $guarantorCode})-[r:GUARANTEES]->(:Loan {code: $loanCode})
DELETE r
RETURN count(r) AS released
