// What: Village nodes by code, for the per-request data loader (one round trip for a whole batch).
// Params: $codes: [string]; $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: node (all properties) per code found; codes not found are absent.
MATCH (n:Village)
WHERE n.code IN $codes
  AND ($scopeTown IS NULL OR n.townCode = $scopeTown)
  AND ($scopeVillage IS NULL OR n.code = $scopeVillage)
RETURN n {.*} AS node
