// What: test-only: every node (labels, properties) and relationship (type, ends, properties), to
//       prove that a read-only operation changed nothing.
// Params: none.
// Returns: nodes, rels (lists; order unspecified).
CALL () {
  MATCH (n)
  RETURN collect([labels(n), properties(n)]) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  RETURN collect([type(r), coalesce(a.code, a.id), coalesce(b.code, b.id), properties(r)]) AS rels
}
RETURN nodes, rels
