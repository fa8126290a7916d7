// What: locks a station, then finds or creates the day record of one account at it, so that the cap
//       check and the write of a station transaction cannot interleave with another's (T4).
// Params: $code (station), $account, $day (date).
// Returns: one row: withdrawalCount, withdrawalFen, transferCount, transferFen so far that day; no row if the station is unknown.
MATCH (s:Station {code: $code})
SET s._lock = true
REMOVE s._lock
MERGE (s)-[:HAS_ACCOUNT_DAY]->(d:AccountDay {account: $account, day: $day})
ON CREATE SET d.stationCode = s.code, d.withdrawalCount = 0, d.withdrawalFen = 0, d.transferCount = 0, d.transferFen = 0
RETURN d.withdrawalCount AS withdrawalCount, d.withdrawalFen AS withdrawalFen,
       d.transferCount AS transferCount, d.transferFen AS transferFen
