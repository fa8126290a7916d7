// What: the village-level exposure links (K1, K2) out of a frontier of villages: for each live loan
//       (ACTIVE/OVERDUE, outstanding > 0) of a frontier village, the households of other villages
//       guaranteeing it; summed per (loan village, guarantor village) as Σ min(amount, outstanding).
//       Guarantees inside one village are not links. Uses the loan_village index; the degree check
//       first skips the ~80% of loans nobody guarantees before their properties are read. One row
//       holding one list: a per-link record costs the driver far more than the list element.
// Params: $codes: [string] (the frontier's village codes).
// Returns: links: [[fromCode, toCode, exposureFen (int)]], one row (empty list: no link).
MATCH (l:Loan)
WHERE l.villageCode IN $codes
WITH l
WHERE COUNT { (l)<-[:GUARANTEES]-() } > 0 AND l.status IN ['ACTIVE', 'OVERDUE'] AND l.outstandingFen > 0
MATCH (g:Household)-[r:GUARANTEES]->(l)
WHERE g.villageCode <> l.villageCode
WITH l.villageCode AS fromCode, g.villageCode AS toCode,
     sum(CASE WHEN r.amountFen < l.outstandingFen THEN r.amountFen ELSE l.outstandingFen END) AS exposureFen
RETURN collect([fromCode, toCode, exposureFen]) AS links
