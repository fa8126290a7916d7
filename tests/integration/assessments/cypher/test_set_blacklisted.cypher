// What: test only: marks households black-listed (the loans area owns this property, C1/C2).
// Params: $codes: [string].
// Returns: nothing.
MATCH (h:Household) WHERE h.code IN $codes
SET h.blacklisted = true
