// What: full recomputation of every town's balances as sums over its villages (R2: ratio of sums,
//       never a mean of ratios) and its freeze flag (R3, exact integers). Run after the villages.
//       A flag that flips writes a FreezeEvent (R3: every freeze and lift is an event) caused by the
//       recomputation.
// Params: $townPercent (int), $now (datetime).
// Returns: towns (count), frozen (count).
MATCH (t:Town)
CALL (t) {
  OPTIONAL MATCH (v:Village {townCode: t.code})
  RETURN coalesce(sum(v.loanBalanceFen), 0) AS balance, coalesce(sum(v.overdueBalanceFen), 0) AS overdue
}
WITH t, balance, overdue, balance > 0 AND overdue * 100 >= $townPercent * balance AS frozen
WITH t, balance, overdue, frozen, coalesce(t.frozen, false) <> frozen AS flipped
SET t.loanBalanceFen = balance,
    t.overdueBalanceFen = overdue,
    t.frozenSince = CASE WHEN NOT frozen THEN null WHEN coalesce(t.frozen, false) THEN t.frozenSince ELSE $now END,
    t.frozen = frozen
WITH t, balance, overdue, frozen, flipped
CALL (t, balance, overdue, frozen, flipped) {
  WITH * WHERE flipped
  CREATE (f:FreezeEvent {
    id: randomUUID(), at: $now, level: 'TOWN', code: t.code,
    ratio: CASE WHEN balance > 0 THEN toFloat(overdue) / balance ELSE 0.0 END,
    balanceFen: balance, overdueFen: overdue, frozen: frozen,
    causeLoanCode: '', causeAction: 'recomputeRollups', cause: 'recomputeRollups'
  })
  CREATE (f)-[:FREEZE_OF]->(t)
}
RETURN count(t) AS towns, sum(CASE WHEN frozen THEN 1 ELSE 0 END) AS frozen
