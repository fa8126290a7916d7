// What: the live loans (ACTIVE/OVERDUE, outstanding > 0) a stress test (K3) can default: those of the
//       chosen villages, the chosen loans, and the loans of households that guarantee a loan (only
//       they can be distressed). Other loans only count in the village figures (stress_villages).
// Params: $villageCodes: [string], $loanCodes: [string].
// Returns: loans: [[code, householdCode, villageCode, outstandingFen, overdue (bool)]], one row.
CALL () {
  MATCH (h:Household)-[:HAS_LOAN]->(l:Loan)
  WHERE EXISTS { (h)-[:GUARANTEES]->(:Loan) }
  RETURN l
  UNION
  MATCH (l:Loan)
  WHERE l.villageCode IN $villageCodes
  RETURN l
  UNION
  MATCH (l:Loan)
  WHERE l.code IN $loanCodes
  RETURN l
}
WITH l
WHERE l.status IN ['ACTIVE', 'OVERDUE'] AND l.outstandingFen > 0
RETURN collect([l.code, l.householdCode, l.villageCode, l.outstandingFen, l.status = 'OVERDUE']) AS loans
