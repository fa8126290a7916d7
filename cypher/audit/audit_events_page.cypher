// What: one keyset page of audit events, newest first, optionally only those naming a code (A1).
// Params: $target (a code, or null for all), $after {k: at as ISO text, code: id} or null (the last
//         event of the previous page), $limit (page size + 1).
// Returns: node (all properties of the event).
MATCH (e:AuditEvent)
WHERE ($target IS NULL OR $target IN e.targetCodes)
  AND ($after IS NULL OR e.at < datetime($after.k) OR (e.at = datetime($after.k) AND e.id < $after.code))
RETURN e {.*} AS node
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
