// What: records one monthly inspection (巡检) of a station by its host bank (T2).
// Params: $code (station), $row: {id, inspectedOn, inspector, findings, askedAboutIllegalFundraising, illegalActivityFound}.
// Returns: node (all properties) of the station.
MATCH (s:Station {code: $code})
CREATE (s)-[:HAS_INSPECTION]->(i:Inspection)
SET i = $row, i.stationCode = s.code
RETURN s {.*} AS node
