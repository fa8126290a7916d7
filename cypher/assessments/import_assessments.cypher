// What: the dataset import's assessments, household by household, in one statement per batch.
//       Records each assessment (S8: an existing id is left exactly as it is, so re-importing a file
//       changes nothing) with the `applied` flag the caller computed. When the caller knows the
//       household's latest assessment in force (`effectiveId`: a household new in this import, whose
//       only assessments are the file's), its standing is set from that assessment exactly as
//       apply_assessments sets it, black-listed households staying NONE (C2). Titles are not
//       refreshed here: the import ends with a full recompute (R4).
// Params: $households: [{code, effectiveId (string or null), assessments: [{id, assessedOn (date),
//         effectiveOn (date), systemScore, panelScore, compositeScore, bandScore, positives, negatives,
//         vetoes, eligible, ineligibleReason, isCreditHousehold, stars, certificate, creditLineFen,
//         assessor, policyVersion, applied (bool)}]}], $now (datetime).
// Returns: nothing.
UNWIND $households AS hh
MATCH (h:Household {code: hh.code})
CALL (h, hh) {
  UNWIND hh.assessments AS row
  MERGE (a:Assessment {id: row.id})
  ON CREATE SET a += row, a.householdCode = hh.code, a.status = 'ACTIVE', a.createdAt = $now
  MERGE (h)-[:HAS_ASSESSMENT]->(a)
}
WITH h, hh
WHERE hh.effectiveId IS NOT NULL
MATCH (a:Assessment {id: hh.effectiveId})
WITH h, a, coalesce(h.blacklisted, false) AS black
SET h.effectiveAssessmentId = a.id,
    h.effectiveSince = a.effectiveOn,
    h.eligible = coalesce(a.eligible, false),
    h.isCreditHousehold = NOT black AND coalesce(a.isCreditHousehold, false),
    h.stars = CASE WHEN black THEN null ELSE a.stars END,
    h.certificate = CASE WHEN black THEN 'NONE' ELSE a.certificate END,
    h.creditLineFen = CASE WHEN black THEN 0 ELSE a.creditLineFen END
