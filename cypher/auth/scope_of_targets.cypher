// What: where the nodes a mutation names belong (A2 scope check before it runs): for each code found,
//       its town, village and bank (null where the node has none). One round trip for every target.
// Params: $towns, $villages, $households, $banks, $stations, $loans: [code]; $assessments, $incidents:
//         [id] (every list may be empty).
// Returns: label, code, townCode, villageCode, bankCode; codes that do not exist are absent.
CALL () {
  UNWIND $towns AS code
  MATCH (t:Town {code: code})
  RETURN 'Town' AS label, t.code AS code, t.code AS townCode, null AS villageCode, null AS bankCode
  UNION ALL
  UNWIND $villages AS code
  MATCH (v:Village {code: code})
  RETURN 'Village' AS label, v.code AS code, v.townCode AS townCode, v.code AS villageCode, null AS bankCode
  UNION ALL
  UNWIND $households AS code
  MATCH (h:Household {code: code})
  OPTIONAL MATCH (v:Village {code: h.villageCode})
  RETURN 'Household' AS label, h.code AS code, v.townCode AS townCode, h.villageCode AS villageCode, null AS bankCode
  UNION ALL
  UNWIND $banks AS code
  MATCH (b:Bank {code: code})
  RETURN 'Bank' AS label, b.code AS code, null AS townCode, null AS villageCode, b.code AS bankCode
  UNION ALL
  UNWIND $stations AS code
  MATCH (s:Station {code: code})
  OPTIONAL MATCH (v:Village {code: s.villageCode})
  RETURN 'Station' AS label, s.code AS code, v.townCode AS townCode, s.villageCode AS villageCode, s.bankCode AS bankCode
  UNION ALL
  UNWIND $loans AS code
  MATCH (l:Loan {code: code})
  OPTIONAL MATCH (v:Village {code: l.villageCode})
  RETURN 'Loan' AS label, l.code AS code, v.townCode AS townCode, l.villageCode AS villageCode, l.bankCode AS bankCode
  UNION ALL
  UNWIND $assessments AS id
  MATCH (a:Assessment {id: id})
  OPTIONAL MATCH (h:Household {code: a.householdCode})
  OPTIONAL MATCH (v:Village {code: h.villageCode})
  RETURN 'Assessment' AS label, a.id AS code, v.townCode AS townCode, h.villageCode AS villageCode, null AS bankCode
  UNION ALL
  UNWIND $incidents AS id
  MATCH (i:Incident {id: id})
  OPTIONAL MATCH (s:Station {code: i.stationCode})
  OPTIONAL MATCH (v:Village {code: s.villageCode})
  RETURN 'Incident' AS label, i.id AS code, v.townCode AS townCode, s.villageCode AS villageCode, s.bankCode AS bankCode
}
RETURN label, code, townCode, villageCode, bankCode
