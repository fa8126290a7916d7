// What: how many households are on the black list (C3).
// Params: none.
// Returns: total.
MATCH (h:Household)
WHERE h.blacklisted = true
RETURN count(h) AS total
