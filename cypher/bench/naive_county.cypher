// What: naive baseline (issue 9) — the county alone, no roll-ups read.
// Params: $code.
// Returns: code, name.
MATCH (c:County {code: $code})
RETURN c.code AS code, c.name AS name
