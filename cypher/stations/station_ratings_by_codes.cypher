// What: the star ratings of many stations, for the per-request loader of Station.ratings (T3).
// Params: $codes: [string].
// Returns: code, ratings: [all properties] in quarter order.
UNWIND $codes AS code
MATCH (s:Station {code: code})
RETURN code, COLLECT { MATCH (s)-[:HAS_RATING]->(r:StationRating) RETURN r {.*} ORDER BY r.quarter } AS ratings
