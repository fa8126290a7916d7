// What: creates or updates guarantees (K1): guarantor household -[:GUARANTEES {amountFen}]-> loan.
// Params: $rows: [{guarantorCode, loanCode, amountFen}].
// Returns: nothing.
UNWIND $rows AS row
MATCH (g:Household {code: row.guarantorCode})
MATCH (l:Loan {code: row.loanCode})
MERGE (g)-[r:GUARANTEES]->(l)
SET r.amountFen = row.amountFen
