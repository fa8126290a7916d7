// What: every guarantee on a live loan with its guarantor's credit line (0 until assessed), for the
//       stress engine (K3), as one row holding one list.
// Params: none.
// Returns: guarantees: [[guarantorCode, loanCode, amountFen, creditLineFen]].
MATCH (g:Household)-[r:GUARANTEES]->(l:Loan)
WHERE l.status IN ['ACTIVE', 'OVERDUE']
RETURN collect([g.code, l.code, r.amountFen, coalesce(g.creditLineFen, 0)]) AS guarantees
