// What: naive baseline — one town's risk figures aggregated at read time over all its villages'
//       loans (R2). Run once per town.
// Params: $code (town).
// Returns: loanBalanceFen, overdueBalanceFen.
MATCH (t:Town {code: $code})
OPTIONAL MATCH (t)<-[:IN_TOWN]-(:Village)<-[:IN_VILLAGE]-(:Household)-[:HAS_LOAN]->(l:Loan)
WHERE l.status IN ['ACTIVE', 'OVERDUE']
RETURN coalesce(sum(l.outstandingFen), 0) AS loanBalanceFen,
       coalesce(sum(CASE WHEN l.status = 'OVERDUE' THEN l.outstandingFen ELSE 0 END), 0) AS overdueBalanceFen
