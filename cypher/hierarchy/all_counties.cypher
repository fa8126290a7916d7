// What: every county, by code.
// Params: none.
// Returns: node (all properties).
MATCH (c:County)
RETURN c {.*} AS node
ORDER BY c.code
