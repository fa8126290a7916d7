// What: naive baseline — the county's towns, one query for the county (first level of the N+1).
// Params: $code (county).
// Returns: code, name, kind.
MATCH (t:Town)-[:IN_COUNTY]->(:County {code: $code})
RETURN t.code AS code, t.name AS name, t.kind AS kind
ORDER BY code
