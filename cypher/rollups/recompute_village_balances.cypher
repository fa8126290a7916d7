// What: full recomputation of every village's loan and overdue balance from its loans (R1) and its
//       freeze flag (R3: overdue * 100 >= percent * balance, exact integers). frozenSince keeps the
//       moment a freeze began and is cleared when it lifts.
//       A flag that flips writes a FreezeEvent (R3: every freeze and lift is an event) caused by the
//       recomputation.
// Params: $villagePercent (int), $now (datetime).
// Returns: villages (count), frozen (count).
MATCH (v:Village)
CALL (v) {
  OPTIONAL MATCH (l:Loan {villageCode: v.code})
  WHERE l.status IN ['ACTIVE', 'OVERDUE']
  RETURN coalesce(sum(l.outstandingFen), 0) AS balance,
         coalesce(sum(CASE WHEN l.status = 'OVERDUE' THEN l.outstandingFen ELSE 0 END), 0) AS overdue
}
WITH v, balance, overdue, balance > 0 AND overdue * 100 >= $villagePercent * balance AS frozen
WITH v, balance, overdue, frozen, coalesce(v.frozen, false) <> frozen AS flipped
SET v.loanBalanceFen = balance,
    v.overdueBalanceFen = overdue,
    v.frozenSince = CASE WHEN NOT frozen THEN null WHEN coalesce(v.frozen, false) THEN v.frozenSince ELSE $now END,
    v.frozen = frozen
WITH v, balance, overdue, frozen, flipped
CALL (v, balance, overdue, frozen, flipped) {
  WITH * WHERE flipped
  CREATE (f:FreezeEvent {
    id: randomUUID(), at: $now, level: 'VILLAGE', code: v.code,
    ratio: CASE WHEN balance > 0 THEN toFloat(overdue) / balance ELSE 0.0 END,
    balanceFen: balance, overdueFen: overdue, frozen: frozen,
    causeLoanCode: '', causeAction: 'recomputeRollups', cause: 'recomputeRollups'
  })
  CREATE (f)-[:FREEZE_OF]->(v)
}
RETURN count(v) AS villages, sum(CASE WHEN frozen THEN 1 ELSE 0 END) AS frozen
