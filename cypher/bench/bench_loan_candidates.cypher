// What: households that may borrow `amountFen` now (L3): a certificate, not black-listed, no overdue
//       loan, room under the line, village and town not frozen. For the bench's issueLoan sample.
// Params: $amountFen (int), $limit (int).
// Returns: code.
MATCH (h:Household)
WHERE h.certificate IN ['RED', 'BLUE']
  AND coalesce(h.listStatus, 'NONE') <> 'BLACK_LIST' AND NOT coalesce(h.blacklisted, false)
  AND coalesce(h.overdueLoanCount, 0) = 0
  AND coalesce(h.creditLineFen, 0) - coalesce(h.outstandingFen, 0) >= $amountFen
MATCH (v:Village {code: h.villageCode})
WHERE NOT coalesce(v.frozen, false)
MATCH (t:Town {code: v.townCode})
WHERE NOT coalesce(t.frozen, false)
RETURN h.code AS code
ORDER BY code
LIMIT $limit
