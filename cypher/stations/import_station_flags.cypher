// What: sets the replacement flag (撤换, T3) of imported stations, computed by the policy code.
// Params: $rows: [{code, flagged}].
// Returns: nothing.
UNWIND $rows AS row
MATCH (s:Station {code: row.code})
SET s.flaggedForReplacement = row.flagged
