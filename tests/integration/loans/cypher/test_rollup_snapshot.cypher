// What (tests only): every roll-up the loan mutations keep, in a stable order, to compare the
//       incremental figures with a full recomputation (R6).
// Params: none.
// Returns: kind, code, balance, overdue, frozen, overdueCount, credit (one row per node).
CALL () {
  MATCH (n:Village)
  RETURN 'Village' AS kind, n.code AS code, n.loanBalanceFen AS balance, n.overdueBalanceFen AS overdue,
         coalesce(n.frozen, false) AS frozen, null AS overdueCount, n.isCreditVillage AS credit
  UNION ALL
  MATCH (n:Town)
  RETURN 'Town' AS kind, n.code AS code, n.loanBalanceFen AS balance, n.overdueBalanceFen AS overdue,
         coalesce(n.frozen, false) AS frozen, null AS overdueCount, n.isCreditTown AS credit
  UNION ALL
  MATCH (n:County)
  RETURN 'County' AS kind, n.code AS code, n.loanBalanceFen AS balance, n.overdueBalanceFen AS overdue,
         coalesce(n.frozen, false) AS frozen, n.creditTownCount AS overdueCount, null AS credit
  UNION ALL
  MATCH (n:Household)
  RETURN 'Household' AS kind, n.code AS code, coalesce(n.outstandingFen, 0) AS balance, null AS overdue,
         false AS frozen, coalesce(n.overdueLoanCount, 0) AS overdueCount, n.isCreditHousehold AS credit
}
RETURN kind, code, balance, overdue, frozen, overdueCount, credit
ORDER BY kind, code
