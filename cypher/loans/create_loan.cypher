// What: creates a new loan node with its HAS_LOAN and FROM_BANK links (issueLoan). CREATE, not
//       MERGE: a loan code already used makes the unique constraint refuse it, so a repeated or
//       concurrent request with the same code never lends twice (answered as CONFLICT).
// Params: $loan (map: code, householdCode, bankCode, villageCode and the other loan properties).
// Returns: nothing.
MATCH (h:Household {code: $loan.householdCode})
MATCH (b:Bank {code: $loan.bankCode})
CREATE (l:Loan {code: $loan.code})
SET l = $loan
CREATE (h)-[:HAS_LOAN]->(l)
CREATE (l)-[:FROM_BANK]->(b)
