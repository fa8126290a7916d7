// What: the hierarchy and every village's current figures (R1: Σ outstanding of live loans and of
//       OVERDUE ones, summed live from the loans) that the stress engine projects on (K3, R2).
// Params: none.
// Returns: countyCode (string or null), towns: [townCode] (towns without villages included),
//          villages: [[villageCode, townCode, balanceFen, overdueFen]].
OPTIONAL MATCH (c:County)
WITH collect(c.code)[0] AS countyCode
OPTIONAL MATCH (t:Town)
WITH countyCode, collect(t.code) AS towns
OPTIONAL MATCH (v:Village)
CALL (v) {
  OPTIONAL MATCH (l:Loan {villageCode: v.code})
  WHERE l.status IN ['ACTIVE', 'OVERDUE']
  RETURN coalesce(sum(l.outstandingFen), 0) AS balance,
         coalesce(sum(CASE WHEN l.status = 'OVERDUE' THEN l.outstandingFen ELSE 0 END), 0) AS overdue
}
RETURN countyCode, towns, collect([v.code, v.townCode, balance, overdue]) AS villages
