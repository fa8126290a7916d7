// What: villages whose borrowers are guaranteed from other villages (K1), most cross-village
//       guarantees first: contagion starts from these so that each trace has paths to follow.
// Params: $limit (int).
// Returns: code, links.
MATCH (g:Household)-[:GUARANTEES]->(l:Loan)
WHERE g.villageCode <> l.villageCode
RETURN l.villageCode AS code, count(*) AS links
ORDER BY links DESC, code
LIMIT $limit
