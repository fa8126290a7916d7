// What: naive baseline — one town's villages: run once per town (the N+1 pattern).
// Params: $code (town).
// Returns: code, name.
MATCH (v:Village)-[:IN_TOWN]->(:Town {code: $code})
RETURN v.code AS code, v.name AS name
ORDER BY code
