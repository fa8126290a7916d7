// What: imports inspections (T2) from a dataset file, idempotent: one inspection per station, date and
//       inspector (MERGE), whichever way it was recorded; the file's findings and answers are kept.
// Params: $rows: [{id, stationCode, inspectedOn, inspector, findings, askedAboutIllegalFundraising,
//         illegalActivityFound}] (stations checked to exist before).
// Returns: nothing.
UNWIND $rows AS row
MATCH (s:Station {code: row.stationCode})
MERGE (s)-[:HAS_INSPECTION]->(i:Inspection {inspectedOn: row.inspectedOn, inspector: row.inspector})
ON CREATE SET i.id = row.id, i.stationCode = s.code
SET i.findings = row.findings,
    i.askedAboutIllegalFundraising = row.askedAboutIllegalFundraising,
    i.illegalActivityFound = row.illegalActivityFound
