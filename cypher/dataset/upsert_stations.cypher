// What: creates or updates service stations, linked to their village and host bank (idempotent by code).
// Params: $rows: [{code, name, villageCode, bankCode, registeredOn, openedOn, manager}].
// Returns: nothing.
UNWIND $rows AS row
MATCH (v:Village {code: row.villageCode})
MATCH (b:Bank {code: row.bankCode})
MERGE (s:Station {code: row.code})
SET s += row
MERGE (s)-[:IN_VILLAGE]->(v)
MERGE (s)-[:HOSTED_BY]->(b)
