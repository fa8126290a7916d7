// What: records a major incident (重大风险隐患或重大违规事件) reported for a station (T5).
// Params: $code (station), $row: {id, kind, discoveredOn, reportedOn, deadline, late, description}.
// Returns: incident (all properties).
MATCH (s:Station {code: $code})
CREATE (s)-[:HAS_INCIDENT]->(i:Incident)
SET i = $row, i.stationCode = s.code, i.closedOn = null
RETURN i {.*} AS incident
