// What: records an objection filed during publicity (S9). While it is pending the assessment does
//       not come into force (apply_assessments skips it) until resolve_objection.
// Params: $id (string), $reason (string), $filedOn (date).
// Returns: node (the assessment, all properties).
MATCH (a:Assessment {id: $id})
SET a.objectionStatus = 'PENDING', a.objectionReason = $reason, a.objectionFiledOn = $filedOn
RETURN a {.*} AS node
