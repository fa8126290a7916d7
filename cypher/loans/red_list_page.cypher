// What: one page of the red list (红榜, C3): credit households not on the black list, with no overdue
//       loan now and none after $cutoff (the last 12 months), in code order (keyset paging).
// Params: $cutoff (date), $after (household code or null), $limit (int).
// Returns: node (household properties) per household.
MATCH (h:Household)
WHERE h.isCreditHousehold = true
  AND coalesce(h.blacklisted, false) = false
  AND coalesce(h.overdueLoanCount, 0) = 0
  AND (h.lastOverdueOn IS NULL OR h.lastOverdueOn <= $cutoff)
  AND ($after IS NULL OR h.code > $after)
RETURN h {.*} AS node
ORDER BY h.code
LIMIT $limit
