// What: creates or updates loans (records of the past), linked to borrower and bank (idempotent by code).
//       Roll-ups are not touched here: the import ends with a full recomputation.
// Params: $rows: [{code, householdCode, bankCode, villageCode, principalFen, outstandingFen, purpose,
//         issuedOn, dueOn, daysOverdue, status}].
// Returns: nothing.
UNWIND $rows AS row
MATCH (h:Household {code: row.householdCode})
MATCH (b:Bank {code: row.bankCode})
MERGE (l:Loan {code: row.code})
SET l += row, l.villageCode = h.villageCode
MERGE (h)-[:HAS_LOAN]->(l)
MERGE (l)-[:FROM_BANK]->(b)
