// What: the properties of the nodes a mutation names, read inside its transaction just before and
//       just after its unit of work, so the audit event can say what changed (A1).
// Params: $towns, $villages, $households, $banks, $stations, $loans: [code]; $assessments, $incidents:
//         [id] (every list may be empty).
// Returns: label, code, props (all properties); codes that do not exist are absent.
CALL () {
  UNWIND $towns AS code MATCH (n:Town {code: code}) RETURN 'Town' AS label, n AS n
  UNION ALL
  UNWIND $villages AS code MATCH (n:Village {code: code}) RETURN 'Village' AS label, n AS n
  UNION ALL
  UNWIND $households AS code MATCH (n:Household {code: code}) RETURN 'Household' AS label, n AS n
  UNION ALL
  UNWIND $banks AS code MATCH (n:Bank {code: code}) RETURN 'Bank' AS label, n AS n
  UNION ALL
  UNWIND $stations AS code MATCH (n:Station {code: code}) RETURN 'Station' AS label, n AS n
  UNION ALL
  UNWIND $loans AS code MATCH (n:Loan {code: code}) RETURN 'Loan' AS label, n AS n
  UNION ALL
  UNWIND $assessments AS id MATCH (n:Assessment {id: id}) RETURN 'Assessment' AS label, n AS n
  UNION ALL
  UNWIND $incidents AS id MATCH (n:Incident {id: id}) RETURN 'Incident' AS label, n AS n
}
RETURN label, coalesce(n.code, n.id) AS code, properties(n) AS props
