// What: County nodes by code, for the per-request data loader (one round trip for a whole batch).
// Params: $codes: [string].
// Returns: node (all properties) per code found; codes not found are absent.
MATCH (n:County)
WHERE n.code IN $codes
RETURN n {.*} AS node
