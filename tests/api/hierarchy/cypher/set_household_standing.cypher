// What: TEST ONLY — sets households' credit standing directly (what an assessment would set: S6, S7),
//       so list filters and orderings can be tested without the assessment pipeline.
// Params: $rows: [{code, certificate, isCreditHousehold, stars, creditLineFen}].
// Returns: nothing.
UNWIND $rows AS row
MATCH (h:Household {code: row.code})
SET h.certificate = row.certificate, h.isCreditHousehold = row.isCreditHousehold,
    h.stars = row.stars, h.creditLineFen = row.creditLineFen
