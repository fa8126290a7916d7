// What: a spread sample of household codes for the bench (every `step`-th in code order).
// Params: $step (int > 0), $limit (int).
// Returns: code.
MATCH (h:Household)
WITH h.code AS code ORDER BY code
WITH collect(code) AS codes
UNWIND range(0, size(codes) - 1, $step) AS i
RETURN codes[i] AS code
LIMIT $limit
