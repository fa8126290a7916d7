// What: creates or updates households and links each to its village (idempotent by code).
//       A new household starts with no effective assessment: certificate NONE, line 0 (S7).
// Params: $rows: [{code, villageCode, headName, headIdNumber, headBirthDate (date), phone, members,
//         nonCompulsoryStudent, oneChild, twoDaughters, activeServiceman, partyMember}].
// Returns: nothing.
UNWIND $rows AS row
MATCH (v:Village {code: row.villageCode})
MERGE (h:Household {code: row.code})
ON CREATE SET h.certificate = 'NONE', h.creditLineFen = 0, h.isCreditHousehold = false,
              h.eligible = false, h.listStatus = 'NONE', h.outstandingFen = 0, h.overdueLoanCount = 0
SET h += row
MERGE (h)-[:IN_VILLAGE]->(v)
