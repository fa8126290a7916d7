// What: one page of open (not closed) incidents, oldest discovery first (keyset on discoveredOn, id) (T5).
// Params: $afterDay (date or null), $afterId (string or null), $limit.
// Returns: incident (all properties).
MATCH (:Station)-[:HAS_INCIDENT]->(i:Incident)
WHERE i.closedOn IS NULL
  AND ($afterDay IS NULL OR i.discoveredOn > $afterDay OR (i.discoveredOn = $afterDay AND i.id > $afterId))
RETURN i {.*} AS incident
ORDER BY i.discoveredOn, i.id
LIMIT $limit
