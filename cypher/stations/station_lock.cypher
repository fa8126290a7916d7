// What: takes the write lock of a station for the rest of the transaction (the SET/REMOVE idiom
//       leaves no property behind): station writes that check-then-write serialise per station.
// Params: $code.
// Returns: node (all properties), ratings: [{quarter, qualified}] of its star ratings; no row if unknown.
MATCH (s:Station {code: $code})
SET s._lock = true
REMOVE s._lock
RETURN s {.*} AS node,
       COLLECT { MATCH (s)-[:HAS_RATING]->(r:StationRating) RETURN r {.quarter, .qualified} } AS ratings
