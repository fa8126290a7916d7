// What: creates or updates banks (idempotent by code).
// Params: $rows: [{code, name}].
// Returns: nothing.
UNWIND $rows AS row
MERGE (b:Bank {code: row.code})
SET b.name = row.name
