// What: naive baseline — the county's risk figures aggregated at read time over every loan (R2).
// Params: $code (county).
// Returns: loanBalanceFen, overdueBalanceFen.
MATCH (c:County {code: $code})
OPTIONAL MATCH (c)<-[:IN_COUNTY]-(:Town)<-[:IN_TOWN]-(:Village)<-[:IN_VILLAGE]-(:Household)-[:HAS_LOAN]->(l:Loan)
WHERE l.status IN ['ACTIVE', 'OVERDUE']
RETURN coalesce(sum(l.outstandingFen), 0) AS loanBalanceFen,
       coalesce(sum(CASE WHEN l.status = 'OVERDUE' THEN l.outstandingFen ELSE 0 END), 0) AS overdueBalanceFen
