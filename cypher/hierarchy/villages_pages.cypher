// What: Town.villages — one keyset page of villages for each of many towns, in one round trip, and
//       (only when $withTotal) how many villages match the filters. Orderings are an allow-list
//       (VillageOrder): the sort key k is ascending, descending orders negate it; ties are broken by
//       code. Overdue-ratio bounds compare exact integers: overdue * den >= num * balance (R1: the ratio
//       is 0 when the balance is 0).
// Params: $parentCodes [town code]; $order 'CODE'|'NAME'|'OVERDUE_RATIO_DESC'|'LOAN_BALANCE_DESC';
//         $after {k, code} or null; $limit (page size + 1); $withTotal (bool);
//         $frozen, $isCreditVillage (bool or null); $nameContains (string or null);
//         $minRatioNum, $minRatioDen, $maxRatioNum, $maxRatioDen (ints or null: inclusive bounds).
//         $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: parentCode, total (0 unless $withTotal), page: [village properties + _k], in page order: the
//          properties the API reads (not the systemic* batch figures), frozenSince as [epochSeconds,
//          nanosecond, offsetSeconds] (loaders.py turns it into a datetime: the driver's own
//          temporal decoding is the slowest part of a large page).
UNWIND $parentCodes AS parentCode
WITH parentCode WHERE $scopeTown IS NULL OR parentCode = $scopeTown
CALL (parentCode) {
  // no row to match from unless $withTotal (a WHERE here is planned after the index seek)
  UNWIND CASE WHEN $withTotal THEN [parentCode] ELSE [] END AS counted
  MATCH (v:Village {townCode: counted})
  WHERE v.code IS NOT NULL  // lets the (townCode, code) index serve the lookup
    AND ($frozen IS NULL OR coalesce(v.frozen, false) = $frozen)
    AND ($isCreditVillage IS NULL OR coalesce(v.isCreditVillage, false) = $isCreditVillage)
    AND ($nameContains IS NULL OR v.name CONTAINS $nameContains)
    AND ($scopeVillage IS NULL OR v.code = $scopeVillage)
    AND ($minRatioNum IS NULL OR CASE WHEN coalesce(v.loanBalanceFen, 0) > 0
         THEN v.overdueBalanceFen * $minRatioDen >= $minRatioNum * v.loanBalanceFen ELSE $minRatioNum <= 0 END)
    AND ($maxRatioNum IS NULL OR NOT coalesce(v.loanBalanceFen, 0) > 0
         OR v.overdueBalanceFen * $maxRatioDen <= $maxRatioNum * v.loanBalanceFen)
  RETURN count(v) AS total
}
CALL (parentCode) {
  MATCH (v:Village {townCode: parentCode})
  WHERE v.code IS NOT NULL  // lets the (townCode, code) index serve the lookup
    AND ($frozen IS NULL OR coalesce(v.frozen, false) = $frozen)
    AND ($isCreditVillage IS NULL OR coalesce(v.isCreditVillage, false) = $isCreditVillage)
    AND ($nameContains IS NULL OR v.name CONTAINS $nameContains)
    AND ($scopeVillage IS NULL OR v.code = $scopeVillage)
    AND ($minRatioNum IS NULL OR CASE WHEN coalesce(v.loanBalanceFen, 0) > 0
         THEN v.overdueBalanceFen * $minRatioDen >= $minRatioNum * v.loanBalanceFen ELSE $minRatioNum <= 0 END)
    AND ($maxRatioNum IS NULL OR NOT coalesce(v.loanBalanceFen, 0) > 0
         OR v.overdueBalanceFen * $maxRatioDen <= $maxRatioNum * v.loanBalanceFen)
  WITH v, CASE $order
    WHEN 'NAME' THEN v.name
    WHEN 'OVERDUE_RATIO_DESC' THEN CASE WHEN coalesce(v.loanBalanceFen, 0) > 0
      THEN 0.0 - toFloat(v.overdueBalanceFen) / v.loanBalanceFen ELSE 0.0 END
    WHEN 'LOAN_BALANCE_DESC' THEN 0 - coalesce(v.loanBalanceFen, 0)
    ELSE v.code END AS k
  WHERE $after IS NULL OR k > $after.k OR (k = $after.k AND v.code > $after.code)
  WITH v, k ORDER BY k, v.code LIMIT $limit
  RETURN collect(v {.code, .name, .townCode, .hasBankBranch, .loanBalanceFen, .overdueBalanceFen, .frozen,
    frozenSince: CASE WHEN v.frozenSince IS NULL THEN null ELSE [v.frozenSince.epochSeconds, v.frozenSince.nanosecond, v.frozenSince.offsetSeconds] END,
    .householdCount, .creditHouseholdCount, .isCreditVillage, _k: k}) AS page
}
RETURN parentCode, total, page
