// What: Town nodes by code as the API's callers may see them (A2): the caller's scope constrains the MATCH,
//       so a scoped caller gets no row outside it; one round trip for a whole batch (per-request loader).
// Params: $codes: [string]; $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: node per code found (every property the model lists; frozenSince as [epochSeconds, nanosecond,
//          offsetSeconds], which loaders.py turns into a datetime); codes not found are absent.
MATCH (n:Town)
WHERE n.code IN $codes
  AND ($scopeTown IS NULL OR n.code = $scopeTown)
  AND ($scopeVillage IS NULL OR EXISTS { MATCH (:Village {code: $scopeVillage, townCode: n.code}) })
RETURN n {.code, .name, .kind, .countyCode, .loanBalanceFen, .overdueBalanceFen, .frozen,
    frozenSince: CASE WHEN n.frozenSince IS NULL THEN null ELSE [n.frozenSince.epochSeconds, n.frozenSince.nanosecond, n.frozenSince.offsetSeconds] END,
    .villageCount, .creditVillageCount, .isCreditTown} AS node
