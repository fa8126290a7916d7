// What: imports quarterly star ratings (T3) from a dataset file, idempotent: one rating per station and
//       quarter (MERGE; a stored rating is never replaced), and returns each station's rating history
//       so the caller can set its replacement flag with the policy code, as rateStation does.
// Params: $rows: [{stationCode, quarter, environment, functions, volume, service, riskControl, total,
//         stars, qualified, policyVersion}] (stations checked to exist before).
// Returns: code, ratings: [{quarter, qualified}] of every rating of each station in the rows.
UNWIND $rows AS row
MATCH (s:Station {code: row.stationCode})
MERGE (s)-[:HAS_RATING]->(r:StationRating {quarter: row.quarter})
ON CREATE SET r = row
WITH DISTINCT s
RETURN s.code AS code,
       COLLECT { MATCH (s)-[:HAS_RATING]->(r:StationRating) RETURN r {.quarter, .qualified} } AS ratings
