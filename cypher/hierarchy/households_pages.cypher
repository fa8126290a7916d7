// What: Village.households — one keyset page of households for each of many villages, in one round
//       trip, and (only when $withTotal) how many households match the filters. Orderings are an
//       allow-list (HouseholdOrder): the sort key k is ascending, descending orders negate it; ties are
//       broken by code. Standing properties may be absent before a first assessment: certificate
//       defaults to NONE, isCreditHousehold to false, stars to none (S6, S7).
// Params: $parentCodes [village code]; $order 'CODE'|'NAME'|'STARS_DESC'|'CREDIT_LINE_DESC'|'OUTSTANDING_DESC';
//         $after {k, code} or null; $limit (page size + 1); $withTotal (bool);
//         $certificate ('RED'|'BLUE'|'NONE' or null); $isCreditHousehold (bool or null);
//         $stars (int or null; 0 = no stars); $nameContains (string or null, on the head's name).
//         $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: parentCode, total (0 unless $withTotal), page: [household properties + _k], in page order.
UNWIND $parentCodes AS parentCode
WITH parentCode WHERE ($scopeVillage IS NULL OR parentCode = $scopeVillage)
  AND ($scopeTown IS NULL OR EXISTS { MATCH (:Village {code: parentCode, townCode: $scopeTown}) })
CALL (parentCode) {
  // no row to match from unless $withTotal (a WHERE here is planned after the index seek)
  UNWIND CASE WHEN $withTotal THEN [parentCode] ELSE [] END AS counted
  MATCH (h:Household {villageCode: counted})
  WHERE ($certificate IS NULL OR coalesce(h.certificate, 'NONE') = $certificate)
    AND ($isCreditHousehold IS NULL OR coalesce(h.isCreditHousehold, false) = $isCreditHousehold)
    AND ($stars IS NULL OR coalesce(h.stars, 0) = $stars)
    AND ($nameContains IS NULL OR h.headName CONTAINS $nameContains)
  RETURN count(h) AS total
}
CALL (parentCode) {
  MATCH (h:Household {villageCode: parentCode})
  WHERE ($certificate IS NULL OR coalesce(h.certificate, 'NONE') = $certificate)
    AND ($isCreditHousehold IS NULL OR coalesce(h.isCreditHousehold, false) = $isCreditHousehold)
    AND ($stars IS NULL OR coalesce(h.stars, 0) = $stars)
    AND ($nameContains IS NULL OR h.headName CONTAINS $nameContains)
  WITH h, CASE $order
    WHEN 'NAME' THEN h.headName
    WHEN 'STARS_DESC' THEN 0 - coalesce(h.stars, 0)
    WHEN 'CREDIT_LINE_DESC' THEN 0 - coalesce(h.creditLineFen, 0)
    WHEN 'OUTSTANDING_DESC' THEN 0 - coalesce(h.outstandingFen, 0)
    ELSE h.code END AS k
  WHERE $after IS NULL OR k > $after.k OR (k = $after.k AND h.code > $after.code)
  WITH h, k ORDER BY k, h.code LIMIT $limit
  RETURN collect(h {.*, _k: k}) AS page
}
RETURN parentCode, total, page
