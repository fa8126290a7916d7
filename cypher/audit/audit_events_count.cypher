// What: how many audit events there are, or name a code (auditEvents.totalCount, A1).
// Params: $target (a code, or null for all).
// Returns: total.
MATCH (e:AuditEvent)
WHERE $target IS NULL OR $target IN e.targetCodes
RETURN count(e) AS total
