// What: the inspections of many stations, for the per-request loader of Station.inspections (T2).
// Params: $codes: [string].
// Returns: code, inspections: [all properties], newest first.
UNWIND $codes AS code
MATCH (s:Station {code: code})
RETURN code, COLLECT { MATCH (s)-[:HAS_INSPECTION]->(i:Inspection) RETURN i {.*} ORDER BY i.inspectedOn DESC, i.id } AS inspections
