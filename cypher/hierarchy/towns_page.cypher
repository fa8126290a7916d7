// What: one page of a county's towns in code order (keyset: codes after $after).
// Params: $countyCode, $after (code or null), $limit (page size + 1, to know whether more follow).
// Returns: node (all properties).
MATCH (t:Town {countyCode: $countyCode})
WHERE $after IS NULL OR t.code > $after
RETURN t {.*} AS node
ORDER BY t.code
LIMIT $limit
