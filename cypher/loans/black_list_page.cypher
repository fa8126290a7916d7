// What: one page of the black list (黑榜, C1/C3): households whose credit was revoked, in code order.
// Params: $after (household code or null), $limit (int).
// Returns: node (household properties) per household.
MATCH (h:Household)
WHERE h.blacklisted = true AND ($after IS NULL OR h.code > $after)
RETURN h {.*} AS node
ORDER BY h.code
LIMIT $limit
