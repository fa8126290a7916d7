// What: test-only: sets households' credit lines directly (assessments are another area's concern).
// Params: $rows: [{code, creditLineFen}].
// Returns: nothing.
UNWIND $rows AS row
MATCH (h:Household {code: row.code})
SET h.creditLineFen = row.creditLineFen
