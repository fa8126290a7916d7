// What: Station nodes by code as the API's callers may see them (A2): the caller's scope constrains the MATCH,
//       so a scoped caller gets no row outside it; one round trip for a whole batch (per-request loader).
// Params: $codes: [string]; $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: node (all properties) per code found; codes not found are absent.
MATCH (n:Station)
WHERE n.code IN $codes
  AND ($scopeVillage IS NULL OR n.villageCode = $scopeVillage)
  AND ($scopeTown IS NULL OR EXISTS { MATCH (:Village {code: n.villageCode, townCode: $scopeTown}) })
  AND ($scopeBank IS NULL OR n.bankCode = $scopeBank)
RETURN n {.*} AS node
