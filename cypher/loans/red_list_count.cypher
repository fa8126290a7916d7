// What: how many households are on the red list (C3), with the same test as `red_list_page`.
// Params: $cutoff (date).
// Returns: total.
MATCH (h:Household)
WHERE h.isCreditHousehold = true
  AND coalesce(h.blacklisted, false) = false
  AND coalesce(h.overdueLoanCount, 0) = 0
  AND (h.lastOverdueOn IS NULL OR h.lastOverdueOn <= $cutoff)
RETURN count(h) AS total
