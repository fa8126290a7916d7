// What: test-only: sets a village's frozenSince directly (the freeze itself is the roll-ups' concern).
// Params: $code, $at (datetime).
// Returns: nothing.
MATCH (v:Village {code: $code})
SET v.frozenSince = $at
