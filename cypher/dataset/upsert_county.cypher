// What: creates or updates the county (idempotent by code).
// Params: $code, $name.
// Returns: nothing.
MERGE (c:County {code: $code})
ON CREATE SET c.loanBalanceFen = 0, c.overdueBalanceFen = 0, c.frozen = false
SET c.name = $name
