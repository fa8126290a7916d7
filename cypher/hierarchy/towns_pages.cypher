// What: County.towns — one keyset page of towns for each of many counties, in one round trip, and
//       (only when $withTotal) how many towns match the filters. Orderings are an allow-list (TownOrder):
//       the sort key k is ascending, descending orders negate it; ties are broken by code. Overdue
//       ratio bounds are exact integer comparisons: overdue * den >= num * balance (R1: ratio 0 when
//       the balance is 0).
// Params: $parentCodes [county code]; $order 'CODE'|'NAME'|'OVERDUE_RATIO_DESC'|'LOAN_BALANCE_DESC';
//         $after {k, code} or null; $limit (page size + 1); $withTotal (bool);
//         $frozen, $isCreditTown (bool or null); $kind (string or null); $nameContains (string or null);
//         $minRatioNum, $minRatioDen, $maxRatioNum, $maxRatioDen (ints or null: inclusive bounds).
//         $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: parentCode, total (0 unless $withTotal), page: [town properties + _k], in page order: the
//          properties the API reads, frozenSince as [epochSeconds, nanosecond, offsetSeconds]
//          (loaders.py turns it into a datetime: the driver's temporal decoding is slow).
UNWIND $parentCodes AS parentCode
CALL (parentCode) {
  // no row to match from unless $withTotal (a WHERE here is planned after the index seek)
  UNWIND CASE WHEN $withTotal THEN [parentCode] ELSE [] END AS counted
  MATCH (t:Town {countyCode: counted})
  WHERE t.code IS NOT NULL  // lets the (countyCode, code) index serve the lookup
    AND ($frozen IS NULL OR coalesce(t.frozen, false) = $frozen)
    AND ($isCreditTown IS NULL OR coalesce(t.isCreditTown, false) = $isCreditTown)
    AND ($kind IS NULL OR t.kind = $kind)
    AND ($nameContains IS NULL OR t.name CONTAINS $nameContains)
    AND ($scopeTown IS NULL OR t.code = $scopeTown)
    AND ($scopeVillage IS NULL OR EXISTS { MATCH (:Village {code: $scopeVillage, townCode: t.code}) })
    AND ($minRatioNum IS NULL OR CASE WHEN coalesce(t.loanBalanceFen, 0) > 0
         THEN t.overdueBalanceFen * $minRatioDen >= $minRatioNum * t.loanBalanceFen ELSE $minRatioNum <= 0 END)
    AND ($maxRatioNum IS NULL OR NOT coalesce(t.loanBalanceFen, 0) > 0
         OR t.overdueBalanceFen * $maxRatioDen <= $maxRatioNum * t.loanBalanceFen)
  RETURN count(t) AS total
}
CALL (parentCode) {
  MATCH (t:Town {countyCode: parentCode})
  WHERE t.code IS NOT NULL  // lets the (countyCode, code) index serve the lookup
    AND ($frozen IS NULL OR coalesce(t.frozen, false) = $frozen)
    AND ($isCreditTown IS NULL OR coalesce(t.isCreditTown, false) = $isCreditTown)
    AND ($kind IS NULL OR t.kind = $kind)
    AND ($nameContains IS NULL OR t.name CONTAINS $nameContains)
    AND ($scopeTown IS NULL OR t.code = $scopeTown)
    AND ($scopeVillage IS NULL OR EXISTS { MATCH (:Village {code: $scopeVillage, townCode: t.code}) })
    AND ($minRatioNum IS NULL OR CASE WHEN coalesce(t.loanBalanceFen, 0) > 0
         THEN t.overdueBalanceFen * $minRatioDen >= $minRatioNum * t.loanBalanceFen ELSE $minRatioNum <= 0 END)
    AND ($maxRatioNum IS NULL OR NOT coalesce(t.loanBalanceFen, 0) > 0
         OR t.overdueBalanceFen * $maxRatioDen <= $maxRatioNum * t.loanBalanceFen)
  WITH t, CASE $order
    WHEN 'NAME' THEN t.name
    WHEN 'OVERDUE_RATIO_DESC' THEN CASE WHEN coalesce(t.loanBalanceFen, 0) > 0
      THEN 0.0 - toFloat(t.overdueBalanceFen) / t.loanBalanceFen ELSE 0.0 END
    WHEN 'LOAN_BALANCE_DESC' THEN 0 - coalesce(t.loanBalanceFen, 0)
    ELSE t.code END AS k
  WHERE $after IS NULL OR k > $after.k OR (k = $after.k AND t.code > $after.code)
  WITH t, k ORDER BY k, t.code LIMIT $limit
  RETURN collect(t {.code, .name, .kind, .countyCode, .loanBalanceFen, .overdueBalanceFen, .frozen,
    frozenSince: CASE WHEN t.frozenSince IS NULL THEN null ELSE [t.frozenSince.epochSeconds, t.frozenSince.nanosecond, t.frozenSince.offsetSeconds] END,
    .villageCount, .creditVillageCount, .isCreditTown, _k: k}) AS page
}
RETURN parentCode, total, page
