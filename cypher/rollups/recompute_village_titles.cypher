// What: full recomputation of every village's household counts and credit-village title (R4, R5).
//       Run after the balances (it reads v.frozen).
// Params: $villagePercent (int, 70).
// Returns: villages (count), creditVillages (count).
MATCH (v:Village)
CALL (v) {
  // `h.code IS NOT NULL` lets the planner seek the composite (villageCode, code) index instead of
  // scanning every household once per village (a 400,000-household county timed out without it).
  OPTIONAL MATCH (h:Household {villageCode: v.code}) WHERE h.code IS NOT NULL
  RETURN count(h) AS households, count(CASE WHEN h.isCreditHousehold THEN 1 END) AS credit
}
WITH v, households, credit,
     NOT coalesce(v.frozen, false) AND households > 0 AND credit * 100 >= $villagePercent * households AS title
SET v.householdCount = households, v.creditHouseholdCount = credit, v.isCreditVillage = title
RETURN count(v) AS villages, count(CASE WHEN title THEN 1 END) AS creditVillages
