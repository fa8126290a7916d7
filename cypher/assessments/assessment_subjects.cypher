// What: the facts an assessment needs about each household (H2: the head's birth date), by code.
// Params: $codes: [string].
// Returns: code, birthDate (date), villageCode per household found; unknown codes are absent.
MATCH (h:Household)
WHERE h.code IN $codes
RETURN h.code AS code, h.headBirthDate AS birthDate, h.villageCode AS villageCode
