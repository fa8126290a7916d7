// What: brings each household's standing (eligible, isCreditHousehold, stars, certificate,
//       creditLineFen, effectiveAssessmentId, effectiveSince) in line with its latest assessment in
//       force: effectiveOn <= today (S9), not cancelled, no objection pending. A household whose
//       in-force assessment is already the applied one is left alone (unless $force), so the
//       loans' own changes (C1 downgrade) stand until a new assessment comes into force (C2).
//       A black-listed household stays NONE / 0 / not a credit household whatever it says (C2).
//       Assessments in force (or cancelled) are marked applied. Call refresh_village_titles in the
//       same transaction for each returned village whose credit-household count changed (R4).
// Params: $codes: [string], $today (date), $force (bool).
// Returns: code, villageCode, creditChanged (bool) per household whose standing was set.
UNWIND $codes AS code
MATCH (h:Household {code: code})
CALL (h) {
  MATCH (h)-[:HAS_ASSESSMENT]->(done:Assessment)
  WHERE done.applied = false
    AND (done.status = 'CANCELLED' OR (done.effectiveOn <= $today AND coalesce(done.objectionStatus, '') <> 'PENDING'))
  SET done.applied = true
}
WITH h, COLLECT {
  MATCH (h)-[:HAS_ASSESSMENT]->(a:Assessment)
  WHERE a.status <> 'CANCELLED' AND a.effectiveOn <= $today AND coalesce(a.objectionStatus, '') <> 'PENDING'
  RETURN a ORDER BY a.assessedOn DESC, a.createdAt DESC, a.id DESC LIMIT 1
} AS latest
WITH h, latest[0] AS a
WHERE $force OR coalesce(a.id, '') <> coalesce(h.effectiveAssessmentId, '')
WITH h, a, coalesce(h.isCreditHousehold, false) AS before, coalesce(h.blacklisted, false) AS black
SET h.effectiveAssessmentId = a.id,
    h.effectiveSince = a.effectiveOn,
    h.eligible = coalesce(a.eligible, false),
    h.isCreditHousehold = NOT black AND coalesce(a.isCreditHousehold, false),
    h.stars = CASE WHEN black THEN null ELSE a.stars END,
    h.certificate = CASE WHEN black OR a IS NULL THEN 'NONE' ELSE a.certificate END,
    h.creditLineFen = CASE WHEN black OR a IS NULL THEN 0 ELSE a.creditLineFen END
RETURN h.code AS code, h.villageCode AS villageCode, before <> h.isCreditHousehold AS creditChanged
