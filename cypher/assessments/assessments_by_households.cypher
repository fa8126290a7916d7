// What: every assessment of each household (S8 history), newest first, for the per-request loader.
// Params: $codes: [string].
// Returns: householdCode, assessments (list of maps, newest first) per household code given.
UNWIND $codes AS code
OPTIONAL MATCH (h:Household {code: code})
RETURN code AS householdCode, COLLECT {
  MATCH (h)-[:HAS_ASSESSMENT]->(a:Assessment)
  RETURN a {.*} AS a ORDER BY a.assessedOn DESC, a.createdAt DESC, a.id DESC
} AS assessments
