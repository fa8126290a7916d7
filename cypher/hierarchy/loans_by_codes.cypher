// What: Loan nodes by code, for the per-request data loader (one round trip for a whole batch).
// Params: $codes: [string]; $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: node (all properties) per code found; codes not found are absent.
MATCH (n:Loan)
WHERE n.code IN $codes
  AND ($scopeVillage IS NULL OR n.villageCode = $scopeVillage)
  AND ($scopeTown IS NULL OR EXISTS { MATCH (:Village {code: n.villageCode, townCode: $scopeTown}) })
  AND ($scopeBank IS NULL OR n.bankCode = $scopeBank)
RETURN n {.*} AS node
