// What: how many households are due for the annual review (S10: outcome effective before $cutoff).
// Params: $cutoff (date).
// Returns: total (count).
MATCH (h:Household)
WHERE h.effectiveSince < $cutoff
RETURN count(h) AS total
