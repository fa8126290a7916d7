// What: records one cash withdrawal or transfer at a station and adds it to the account's day totals (T4).
// Params: $code (station), $account, $day (date), $row: {id, kind, amountFen, at}.
// Returns: the day's totals after it: withdrawalCount, withdrawalFen, transferCount, transferFen.
MATCH (:Station {code: $code})-[:HAS_ACCOUNT_DAY]->(d:AccountDay {account: $account, day: $day})
CREATE (d)-[:HAS_TXN]->(t:StationTxn)
SET t = $row, t.stationCode = $code, t.account = $account
SET d.withdrawalCount = d.withdrawalCount + CASE WHEN $row.kind = 'WITHDRAWAL' THEN 1 ELSE 0 END,
    d.withdrawalFen = d.withdrawalFen + CASE WHEN $row.kind = 'WITHDRAWAL' THEN $row.amountFen ELSE 0 END,
    d.transferCount = d.transferCount + CASE WHEN $row.kind = 'TRANSFER' THEN 1 ELSE 0 END,
    d.transferFen = d.transferFen + CASE WHEN $row.kind = 'TRANSFER' THEN $row.amountFen ELSE 0 END
RETURN d.withdrawalCount AS withdrawalCount, d.withdrawalFen AS withdrawalFen,
       d.transferCount AS transferCount, d.transferFen AS transferFen
