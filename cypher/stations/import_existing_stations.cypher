// What: the stations already in the database with their openings and stored ratings, to check a
//       dataset file's inspections and ratings before writing (T2, T3).
// Params: none.
// Returns: code, openedOn, ratings: [{quarter, environment, functions, volume, service, riskControl}].
MATCH (s:Station)
RETURN s.code AS code, s.openedOn AS openedOn,
       COLLECT { MATCH (s)-[:HAS_RATING]->(r:StationRating)
                 RETURN r {.quarter, .environment, .functions, .volume, .service, .riskControl} } AS ratings
