// What: Town nodes by code, for the per-request data loader (one round trip for a whole batch).
// Params: $codes: [string]; $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: node (all properties) per code found; codes not found are absent.
MATCH (n:Town)
WHERE n.code IN $codes
  AND ($scopeTown IS NULL OR n.code = $scopeTown)
  AND ($scopeVillage IS NULL OR EXISTS { MATCH (:Village {code: $scopeVillage, townCode: n.code}) })
RETURN n {.*} AS node
