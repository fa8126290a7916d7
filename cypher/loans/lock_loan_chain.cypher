// What: takes exclusive locks, in hierarchy order, on a loan (when $loanCode names one), its household
//       ($householdCode, or else the loan's borrower), the household's village, town and county, by
//       writing a property and removing it again (locks are held until the transaction ends, so two
//       changes that share any of these nodes serialize: L1 can never be exceeded and no roll-up update
//       is lost). Then returns the state of each node as read under the lock.
// Params: $loanCode (string or null), $householdCode (string or null: the loan's borrower),
//         $bankCode (string or null).
// Returns: one row: loan, household, village, town, county (property maps, null when absent),
//          bankFound (boolean).
OPTIONAL MATCH (l:Loan {code: $loanCode})
WITH l
OPTIONAL MATCH (h:Household {code: coalesce($householdCode, l.householdCode)})
OPTIONAL MATCH (v:Village {code: h.villageCode})
OPTIONAL MATCH (t:Town {code: v.townCode})
OPTIONAL MATCH (c:County {code: t.countyCode})
FOREACH (n IN [x IN [l, h, v, t, c] WHERE x IS NOT NULL] | SET n._lock = true REMOVE n._lock)
WITH l, h, v, t, c
OPTIONAL MATCH (b:Bank {code: $bankCode})
RETURN l {.*} AS loan, h {.*} AS household, v {.*} AS village, t {.*} AS town, c {.*} AS county,
       b IS NOT NULL AS bankFound
