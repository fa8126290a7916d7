// What: locks one incident of a station for the rest of the transaction and returns it (closeIncident, T5).
//       Found through its station (indexed by code), never by a label scan.
// Params: $code (station), $id (incident).
// Returns: incident (all properties); no row if unknown.
MATCH (:Station {code: $code})-[:HAS_INCIDENT]->(i:Incident {id: $id})
SET i._lock = true
REMOVE i._lock
RETURN i {.*} AS incident
