// What: every live loan (ACTIVE/OVERDUE, R1) in the compact form the stress engine (K3) needs, as one
//       row holding one list (the systemic batch runs every village, so it needs them all).
// Params: none.
// Returns: loans: [[code, householdCode, villageCode, outstandingFen, overdue (bool)]].
MATCH (l:Loan)
WHERE l.status IN ['ACTIVE', 'OVERDUE']
RETURN collect([l.code, l.householdCode, l.villageCode, l.outstandingFen, l.status = 'OVERDUE']) AS loans
