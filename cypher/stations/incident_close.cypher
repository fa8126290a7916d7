// What: closes an incident of a station with the date and what was done (T5).
// Params: $code (station), $id (incident), $closedOn (date), $resolution.
// Returns: incident (all properties).
MATCH (:Station {code: $code})-[:HAS_INCIDENT]->(i:Incident {id: $id})
SET i.closedOn = $closedOn, i.resolution = $resolution
RETURN i {.*} AS incident
