// What: full recomputation of every town's village counts and credit-town title (R4, R5), then each
//       county's town counts. Run after the village titles.
// Params: $townPercent (int, 65).
// Returns: towns (count), creditTowns (count).
MATCH (t:Town)
CALL (t) {
  OPTIONAL MATCH (w:Village {townCode: t.code})
  RETURN count(w) AS villages, count(CASE WHEN w.isCreditVillage THEN 1 END) AS credit
}
WITH t, villages, credit,
     NOT coalesce(t.frozen, false) AND villages > 0 AND credit * 100 >= $townPercent * villages AS title
SET t.villageCount = villages, t.creditVillageCount = credit, t.isCreditTown = title
WITH count(t) AS towns, count(CASE WHEN title THEN 1 END) AS creditTowns
CALL () {
  MATCH (c:County)
  OPTIONAL MATCH (u:Town {countyCode: c.code})
  WITH c, count(u) AS n, count(CASE WHEN u.isCreditTown THEN 1 END) AS credit
  SET c.townCount = n, c.creditTownCount = credit
}
RETURN towns, creditTowns
