// What: test only: the number of Assessment nodes.
// Params: none.
// Returns: n.
MATCH (a:Assessment) RETURN count(a) AS n
