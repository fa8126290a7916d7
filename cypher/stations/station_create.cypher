// What: creates a service station in its village with its host bank (registerStation, H4, T1).
//       CREATE, not MERGE: a used code fails on the station_code constraint (CONFLICT).
// Params: $row: {code, name, villageCode, bankCode, registeredOn, openedOn, manager}.
// Returns: node (all properties) of the new station.
MATCH (v:Village {code: $row.villageCode})
MATCH (b:Bank {code: $row.bankCode})
CREATE (s:Station)
SET s = $row, s.flaggedForReplacement = false
CREATE (s)-[:IN_VILLAGE]->(v)
CREATE (s)-[:HOSTED_BY]->(b)
RETURN s {.*} AS node
