// What (tests only): the properties of nodes of one label by code (label from the test's allow-list).
// Params: $label (string), $codes: [string].
// Returns: node (property map) per node found.
MATCH (n)
WHERE $label IN labels(n) AND n.code IN $codes
RETURN n {.*} AS node
ORDER BY n.code
