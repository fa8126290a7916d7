// What: records one training of a station's staff (T6).
// Params: $code (station), $row: {id, kind, on, topics}.
// Returns: node (all properties) of the station.
MATCH (s:Station {code: $code})
CREATE (s)-[:HAS_TRAINING]->(t:Training)
SET t = $row, t.stationCode = s.code
RETURN s {.*} AS node
