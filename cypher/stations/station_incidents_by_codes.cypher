// What: the incidents of many stations, for the per-request loader of Station.incidents (T5).
// Params: $codes: [string].
// Returns: code, incidents: [all properties], newest discovery first.
UNWIND $codes AS code
MATCH (s:Station {code: code})
RETURN code, COLLECT { MATCH (s)-[:HAS_INCIDENT]->(i:Incident) RETURN i {.*} ORDER BY i.discoveredOn DESC, i.id } AS incidents
