// What: creates or updates towns and links each to its county (idempotent by code).
// Params: $countyCode, $rows: [{code, name, kind}].
// Returns: nothing.
MATCH (c:County {code: $countyCode})
UNWIND $rows AS row
MERGE (t:Town {code: row.code})
ON CREATE SET t.loanBalanceFen = 0, t.overdueBalanceFen = 0, t.frozen = false
SET t.name = row.name, t.kind = row.kind, t.countyCode = c.code
MERGE (t)-[:IN_COUNTY]->(c)
