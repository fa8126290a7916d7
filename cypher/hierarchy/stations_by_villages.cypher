// What: Village.stations — the service stations of many villages (H4), in one round trip.
// Params: $parentCodes: [village code];
//         $scopeTown, $scopeVillage, $scopeBank: the caller's scope (A2; null = no restriction).
// Returns: parentCode, node (station properties); in village then station code order.
UNWIND $parentCodes AS parentCode
MATCH (s:Station {villageCode: parentCode})
WHERE ($scopeVillage IS NULL OR parentCode = $scopeVillage)
  AND ($scopeTown IS NULL OR EXISTS { MATCH (:Village {code: parentCode, townCode: $scopeTown}) })
  AND ($scopeBank IS NULL OR s.bankCode = $scopeBank)
RETURN parentCode, s {.*} AS node
ORDER BY parentCode, s.code
