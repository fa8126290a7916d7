// What: the villages with the largest stored systemic-risk measure (see store_systemic), most
//       dangerous first, ties by code.
// Params: $limit (int).
// Returns: node (all properties) per village, in rank order.
MATCH (v:Village)
WHERE v.systemicDefaultFen IS NOT NULL
RETURN v {.*} AS node
ORDER BY v.systemicDefaultFen DESC, v.code
LIMIT $limit
