// What: a chunk of stations in code order with their inspection dates in a period, for the
//       county-wide view of missed inspections (T2; the months are computed by the policy code).
// Params: $after (station code or null), $limit, $from, $to (dates).
// Returns: node (all properties), dates: [date].
MATCH (s:Station)
WHERE $after IS NULL OR s.code > $after
WITH s ORDER BY s.code LIMIT $limit
RETURN s {.*} AS node,
       COLLECT { MATCH (s)-[:HAS_INSPECTION]->(i:Inspection) WHERE $from <= i.inspectedOn <= $to RETURN i.inspectedOn } AS dates
ORDER BY s.code
