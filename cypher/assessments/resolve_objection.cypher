// What: resolves a pending objection (S9): upheld cancels the assessment (status CANCELLED, never
//       deleted, S8); rejected lets it come into force. Run apply_assessments for the household next.
// Params: $id (string), $upheld (bool), $note (string), $resolvedOn (date).
// Returns: node (the assessment, all properties).
MATCH (a:Assessment {id: $id})
SET a.objectionStatus = CASE WHEN $upheld THEN 'UPHELD' ELSE 'REJECTED' END,
    a.objectionNote = $note,
    a.objectionResolvedOn = $resolvedOn,
    a.status = CASE WHEN $upheld THEN 'CANCELLED' ELSE a.status END
RETURN a {.*} AS node
