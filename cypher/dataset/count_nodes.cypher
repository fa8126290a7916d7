// What: counts the nodes of the graph (to know whether the demo county must be loaded).
// Params: none.
// Returns: nodes.
MATCH (n) RETURN count(n) AS nodes
