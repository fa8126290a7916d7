// What: full recomputation of every town's balances as sums over its villages (R2: ratio of sums,
//       never a mean of ratios) and its freeze flag (R3, exact integers). Run after the villages.
// Params: $townPercent (int), $now (datetime).
// Returns: towns (count), frozen (count).
MATCH (t:Town)
CALL (t) {
  OPTIONAL MATCH (v:Village {townCode: t.code})
  RETURN coalesce(sum(v.loanBalanceFen), 0) AS balance, coalesce(sum(v.overdueBalanceFen), 0) AS overdue
}
WITH t, balance, overdue, balance > 0 AND overdue * 100 >= $townPercent * balance AS frozen
SET t.loanBalanceFen = balance,
    t.overdueBalanceFen = overdue,
    t.frozenSince = CASE WHEN NOT frozen THEN null WHEN coalesce(t.frozen, false) THEN t.frozenSince ELSE $now END,
    t.frozen = frozen
RETURN count(t) AS towns, sum(CASE WHEN frozen THEN 1 ELSE 0 END) AS frozen
