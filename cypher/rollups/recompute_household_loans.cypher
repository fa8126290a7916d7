// What: full recomputation of every household's loan figures from its loans (L1, R6): outstandingFen
//       = Σ outstanding of its ACTIVE and OVERDUE loans, overdueLoanCount = its OVERDUE loans. The
//       loan mutations keep both incrementally; this is the reference they must agree with.
// Params: none.
// Returns: households (count).
MATCH (h:Household)
CALL (h) {
  OPTIONAL MATCH (l:Loan {householdCode: h.code})
  WHERE l.status IN ['ACTIVE', 'OVERDUE']
  RETURN coalesce(sum(l.outstandingFen), 0) AS outstanding,
         count(CASE WHEN l.status = 'OVERDUE' THEN 1 END) AS overdue
}
SET h.outstandingFen = outstanding, h.overdueLoanCount = overdue
RETURN count(h) AS households
