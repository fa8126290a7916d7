// What: the codes already in the database for one label, to check a file's references before writing.
// Params: $label: one of County, Town, Village, Household, Bank, Station, Loan (the caller checks it
//         against an allow-list; a dynamic label, never a string-built one).
// Returns: code, borrower (the household code of a loan, else null).
MATCH (n:$($label))
OPTIONAL MATCH (h:Household)-[:HAS_LOAN]->(n)
RETURN n.code AS code, h.code AS borrower
