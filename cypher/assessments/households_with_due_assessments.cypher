// What: households with an assessment that has come into force (S9: effectiveOn <= today) but has
//       not been applied to their standing yet; the work list of apply_assessments.
// Params: $today (date).
// Returns: code per household (distinct), ordered by village so a batch touches few villages.
MATCH (a:Assessment)
WHERE a.applied = false AND a.effectiveOn <= $today
WITH DISTINCT a.householdCode AS code
MATCH (h:Household {code: code})
RETURN h.code AS code
ORDER BY h.villageCode, h.code
