// What: creates or updates villages and links each to its town (idempotent by code).
// Params: $rows: [{code, name, townCode, hasBankBranch}].
// Returns: nothing.
UNWIND $rows AS row
MATCH (t:Town {code: row.townCode})
MERGE (v:Village {code: row.code})
ON CREATE SET v.loanBalanceFen = 0, v.overdueBalanceFen = 0, v.frozen = false
SET v.name = row.name, v.townCode = row.townCode, v.hasBankBranch = row.hasBankBranch
MERGE (v)-[:IN_TOWN]->(t)
