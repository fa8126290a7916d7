// What: Household.loans — one keyset page of loans for each of many households, in one round trip,
//       and (only when $withTotal) how many loans match. Orderings are an allow-list (LoanOrder): the
//       sort key k is ascending, descending orders negate it (dates as yyyymmdd integers); ties are
//       broken by code.
// Params: $parentCodes [household code]; $order 'CODE'|'ISSUED_ON_DESC'|'DUE_ON'|'OUTSTANDING_DESC';
//         $after {k, code} or null; $limit (page size + 1); $withTotal (bool);
//         $status ('ACTIVE'|'OVERDUE'|'REPAID'|'WRITTEN_OFF' or null).
//         $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: parentCode, total (0 unless $withTotal), page: [loan properties + _k], in page order.
UNWIND $parentCodes AS parentCode
OPTIONAL MATCH (parent:Household {code: parentCode})
WITH parentCode WHERE ($scopeVillage IS NULL OR parent.villageCode = $scopeVillage)
  AND ($scopeTown IS NULL OR EXISTS { MATCH (:Village {code: parent.villageCode, townCode: $scopeTown}) })
CALL (parentCode) {
  // no row to match from unless $withTotal (a WHERE here is planned after the index seek)
  UNWIND CASE WHEN $withTotal THEN [parentCode] ELSE [] END AS counted
  MATCH (l:Loan {householdCode: counted})
  WHERE ($status IS NULL OR l.status = $status)
    AND ($scopeBank IS NULL OR l.bankCode = $scopeBank)
  RETURN count(l) AS total
}
CALL (parentCode) {
  MATCH (l:Loan {householdCode: parentCode})
  WHERE ($status IS NULL OR l.status = $status)
    AND ($scopeBank IS NULL OR l.bankCode = $scopeBank)
  WITH l, CASE $order
    WHEN 'ISSUED_ON_DESC' THEN 0 - (l.issuedOn.year * 10000 + l.issuedOn.month * 100 + l.issuedOn.day)
    WHEN 'DUE_ON' THEN l.dueOn.year * 10000 + l.dueOn.month * 100 + l.dueOn.day
    WHEN 'OUTSTANDING_DESC' THEN 0 - coalesce(l.outstandingFen, 0)
    ELSE l.code END AS k
  WHERE $after IS NULL OR k > $after.k OR (k = $after.k AND l.code > $after.code)
  WITH l, k ORDER BY k, l.code LIMIT $limit
  RETURN collect(l {.*, _k: k}) AS page
}
RETURN parentCode, total, page
