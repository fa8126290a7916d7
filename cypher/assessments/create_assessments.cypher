// What: records assessments and links each to its household (S8: never overwritten: an existing id
//       is left exactly as it is, so re-importing a file changes nothing). A new assessment is not
//       yet applied to its household's standing (`applied = false`); see apply_assessments.
// Params: $rows: [{id, householdCode, assessedOn (date), effectiveOn (date), systemScore, panelScore,
//         compositeScore, bandScore, positives, negatives, vetoes, eligible, ineligibleReason,
//         isCreditHousehold, stars, certificate, creditLineFen, assessor, policyVersion}], $now (datetime).
// Returns: created (count of assessments new in this call).
UNWIND $rows AS row
MATCH (h:Household {code: row.householdCode})
MERGE (a:Assessment {id: row.id})
ON CREATE SET a += row, a.status = 'ACTIVE', a.applied = false, a.createdAt = $now, a.fresh = true
MERGE (h)-[:HAS_ASSESSMENT]->(a)
WITH a, coalesce(a.fresh, false) AS fresh
REMOVE a.fresh
RETURN count(CASE WHEN fresh THEN 1 END) AS created
