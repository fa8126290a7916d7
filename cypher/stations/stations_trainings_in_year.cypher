// What: every station opened by the end of a year with its trainings of that year (T6 gaps).
// Params: $from, $to (the year's first and last day).
// Returns: node (all properties), trainings: [{kind, on}], in station code order.
MATCH (s:Station)
WHERE s.openedOn <= $to
RETURN s {.*} AS node,
       COLLECT { MATCH (s)-[:HAS_TRAINING]->(t:Training) WHERE $from <= t.on <= $to RETURN t {.kind, .on} } AS trainings
ORDER BY s.code
