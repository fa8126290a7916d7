// What: one assessment by its id (for objections).
// Params: $id (string).
// Returns: node (all properties), or no row.
MATCH (a:Assessment {id: $id})
RETURN a {.*} AS node
