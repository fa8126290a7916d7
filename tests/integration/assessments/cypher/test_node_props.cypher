// What: test only: the properties of one node by label and code (label from the test's own list).
// Params: $label (string), $code (string).
// Returns: node (all properties).
MATCH (n {code: $code}) WHERE $label IN labels(n)
RETURN n {.*} AS node
