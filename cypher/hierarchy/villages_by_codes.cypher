// What: Village nodes by code in one round trip, unscoped (internal use;
//       the API's loader reads cypher/auth/*_in_scope, which apply the caller's scope, A2).
// Params: $codes: [string].
// Returns: node (all properties) per code found; codes not found are absent.
MATCH (n:Village)
WHERE n.code IN $codes
RETURN n {.*} AS node
