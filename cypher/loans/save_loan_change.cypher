// What: writes one loan change computed under the locks of `lock_loan_chain`: the loan (on issue,
//       created just before by `create_loan`), its household's loan figures and standing (C1),
//       the new balances and freeze flags of its village, town and county (R1-R3) and the freeze /
//       lift events (R3). Constant work: five nodes by code, plus the events.
// Params: $loan (map: code + loan properties to set),
//         $household (map: code + properties to set), $village, $town, $county (maps: code +
//         loanBalanceFen, overdueBalanceFen, frozen, frozenSince), $events (list of maps: id, at,
//         level, code, ratio, balanceFen, overdueFen, frozen, causeLoanCode, causeAction, cause).
// Returns: loan (property map after the change).
MATCH (h:Household {code: $household.code})
MATCH (l:Loan {code: $loan.code})
SET l += $loan, h += $household
WITH l
MATCH (v:Village {code: $village.code})
MATCH (t:Town {code: $town.code})
MATCH (c:County {code: $county.code})
SET v += $village, t += $town, c += $county
WITH l, v, t
CALL (v, t) {
  UNWIND $events AS e
  CREATE (f:FreezeEvent)
  SET f = e
  WITH f, CASE f.level WHEN 'VILLAGE' THEN v ELSE t END AS target
  CREATE (f)-[:FREEZE_OF]->(target)
}
RETURN l {.*} AS loan
