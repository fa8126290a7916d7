// What: the villages of a contagion trace's answer (K2), as the API's callers may see them (A2: the
//       caller's scope constrains the MATCH), with exactly the properties `villages_in_scope` gives the
//       Village loader (a test checks they agree), but as one row holding one list: a trace lists
//       hundreds of villages, and a record each costs the driver ~4x what the list element does.
// Params: $codes: [string]; $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: nodes: [node] (one per code found; frozenSince as [epochSeconds, nanosecond, offsetSeconds]).
MATCH (n:Village)
WHERE n.code IN $codes
  AND ($scopeTown IS NULL OR n.townCode = $scopeTown)
  AND ($scopeVillage IS NULL OR n.code = $scopeVillage)
RETURN collect(n {.code, .name, .townCode, .hasBankBranch, .loanBalanceFen, .overdueBalanceFen, .frozen,
    frozenSince: CASE WHEN n.frozenSince IS NULL THEN null ELSE [n.frozenSince.epochSeconds, n.frozenSince.nanosecond, n.frozenSince.offsetSeconds] END,
    .householdCount, .creditHouseholdCount, .isCreditVillage}) AS nodes
