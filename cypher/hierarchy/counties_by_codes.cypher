// What: County nodes by code, for the per-request data loader (one round trip for a whole batch).
// Params: $codes: [string].
// Returns: node per code found (every property the model lists; frozenSince as [epochSeconds, nanosecond,
//          offsetSeconds], which loaders.py turns into a datetime); codes not found are absent.
MATCH (n:County)
WHERE n.code IN $codes
RETURN n {.code, .name, .loanBalanceFen, .overdueBalanceFen, .frozen,
    frozenSince: CASE WHEN n.frozenSince IS NULL THEN null ELSE [n.frozenSince.epochSeconds, n.frozenSince.nanosecond, n.frozenSince.offsetSeconds] END,
    .townCount, .creditTownCount} AS node
