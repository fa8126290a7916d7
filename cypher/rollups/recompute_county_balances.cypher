// What: full recomputation of each county's balances as sums over its towns (R2). The county has no
//       freeze threshold of its own in the plans, so its frozen flag stays false.
// Params: none.
// Returns: counties (count).
MATCH (c:County)
CALL (c) {
  OPTIONAL MATCH (t:Town {countyCode: c.code})
  RETURN coalesce(sum(t.loanBalanceFen), 0) AS balance, coalesce(sum(t.overdueBalanceFen), 0) AS overdue
}
SET c.loanBalanceFen = balance, c.overdueBalanceFen = overdue, c.frozen = false
RETURN count(c) AS counties
