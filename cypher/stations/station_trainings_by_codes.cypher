// What: the trainings of many stations, for the per-request loader of Station.trainings (T6).
// Params: $codes: [string].
// Returns: code, trainings: [all properties] in date order.
UNWIND $codes AS code
MATCH (s:Station {code: code})
RETURN code, COLLECT { MATCH (s)-[:HAS_TRAINING]->(t:Training) RETURN t {.*} ORDER BY t.on, t.id } AS trainings
