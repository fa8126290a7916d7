// What: one keyset page of households whose effective outcome took effect before $cutoff (S10:
//       older than 365 days), oldest first.
// Params: $cutoff (date), $afterSince (ISO date string or null), $afterCode (string or null), $limit (int).
// Returns: node (household properties with `_k`: effectiveSince as an ISO string, the cursor key).
MATCH (h:Household)
WHERE h.effectiveSince < $cutoff
  AND ($afterSince IS NULL OR h.effectiveSince > date($afterSince)
       OR (h.effectiveSince = date($afterSince) AND h.code > $afterCode))
RETURN h {.*, _k: toString(h.effectiveSince)} AS node
ORDER BY h.effectiveSince, h.code
LIMIT $limit
