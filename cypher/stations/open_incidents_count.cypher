// What: how many incidents are open (T5), for totalCount.
// Params: none.
// Returns: total.
MATCH (:Station)-[:HAS_INCIDENT]->(i:Incident)
WHERE i.closedOn IS NULL
RETURN count(i) AS total
