// What: stores a station's quarterly star rating and its replacement flag, computed from every rating (T3).
// Params: $code (station), $row: {quarter, environment, functions, volume, service, riskControl, total,
//         stars, qualified, policyVersion}, $flagged (boolean).
// Returns: node (all properties) of the station.
MATCH (s:Station {code: $code})
CREATE (s)-[:HAS_RATING]->(r:StationRating)
SET r = $row, r.stationCode = s.code
SET s.flaggedForReplacement = $flagged
RETURN s {.*} AS node
