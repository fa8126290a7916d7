// What: test only: everything an assessment changes, for comparing two ways of getting there:
//       each household's standing, each village's / town's / county's title counts, and each
//       assessment's bookkeeping (applied, status).
// Params: none.
// Returns: kind, key, props (map), one row per node.
MATCH (h:Household)
RETURN 'household' AS kind, h.code AS key,
       h {.effectiveAssessmentId, .effectiveSince, .eligible, .isCreditHousehold, .stars, .certificate,
          .creditLineFen} AS props
UNION ALL
MATCH (v:Village)
RETURN 'village' AS kind, v.code AS key, v {.householdCount, .creditHouseholdCount, .isCreditVillage} AS props
UNION ALL
MATCH (t:Town)
RETURN 'town' AS kind, t.code AS key, t {.villageCount, .creditVillageCount, .isCreditTown} AS props
UNION ALL
MATCH (c:County)
RETURN 'county' AS kind, c.code AS key, c {.townCount, .creditTownCount} AS props
UNION ALL
MATCH (h:Household)-[:HAS_ASSESSMENT]->(a:Assessment)
RETURN 'assessment' AS kind, a.id AS key,
       a {.householdCode, .applied, .status, .certificate, .effectiveOn, owner: h.code} AS props
