// What: naive baseline — one village's risk figures aggregated at read time from its households'
//       loans (R1), instead of the stored roll-up. Run once per village.
// Params: $code (village).
// Returns: loanBalanceFen, overdueBalanceFen.
MATCH (v:Village {code: $code})
OPTIONAL MATCH (v)<-[:IN_VILLAGE]-(:Household)-[:HAS_LOAN]->(l:Loan)
WHERE l.status IN ['ACTIVE', 'OVERDUE']
RETURN coalesce(sum(l.outstandingFen), 0) AS loanBalanceFen,
       coalesce(sum(CASE WHEN l.status = 'OVERDUE' THEN l.outstandingFen ELSE 0 END), 0) AS overdueBalanceFen
