// What: the villages with the highest stored overdue ratio (R1), worst first; the stress test
//       defaults these, and contagion starts from them.
// Params: $limit (int).
// Returns: code, loanBalanceFen, overdueBalanceFen.
MATCH (v:Village)
WHERE v.loanBalanceFen > 0
RETURN v.code AS code, v.loanBalanceFen AS loanBalanceFen, v.overdueBalanceFen AS overdueBalanceFen
ORDER BY toFloat(v.overdueBalanceFen) / v.loanBalanceFen DESC, code
LIMIT $limit
