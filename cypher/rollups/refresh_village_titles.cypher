// What: recounts one village's households and credit households and its credit-village title (R4, R5:
//       >= 70% effective credit households, not frozen, at least one household), then its town's
//       villages, credit villages and credit-town title (>= 65%, not frozen), then the county's towns
//       and credit towns. The work is bounded by one village, one town and one county, never by the
//       size of the whole county. Call it, in the same transaction, after anything that changes a
//       household's isCreditHousehold or a village's / town's frozen flag.
// Params: $villageCode, $villagePercent (int, 70), $townPercent (int, 65).
// Returns: isCreditVillage, isCreditTown (after the refresh).
MATCH (v:Village {code: $villageCode})
CALL (v) {
  // `h.code IS NOT NULL` lets the planner seek the composite (villageCode, code) index instead of
  // scanning every household once per village (a 400,000-household county timed out without it).
  OPTIONAL MATCH (h:Household {villageCode: v.code}) WHERE h.code IS NOT NULL
  RETURN count(h) AS households, count(CASE WHEN h.isCreditHousehold THEN 1 END) AS credit
}
SET v.householdCount = households,
    v.creditHouseholdCount = credit,
    v.isCreditVillage = NOT coalesce(v.frozen, false) AND households > 0 AND credit * 100 >= $villagePercent * households
WITH v
MATCH (t:Town {code: v.townCode})
CALL (t) {
  OPTIONAL MATCH (w:Village {townCode: t.code})
  RETURN count(w) AS villages, count(CASE WHEN w.isCreditVillage THEN 1 END) AS credit
}
SET t.villageCount = villages,
    t.creditVillageCount = credit,
    t.isCreditTown = NOT coalesce(t.frozen, false) AND villages > 0 AND credit * 100 >= $townPercent * villages
WITH v, t
MATCH (c:County {code: t.countyCode})
CALL (c) {
  OPTIONAL MATCH (u:Town {countyCode: c.code})
  RETURN count(u) AS towns, count(CASE WHEN u.isCreditTown THEN 1 END) AS credit
}
SET c.townCount = towns, c.creditTownCount = credit
RETURN v.isCreditVillage AS isCreditVillage, t.isCreditTown AS isCreditTown
