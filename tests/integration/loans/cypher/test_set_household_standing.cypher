// What (tests only): sets households' standing directly (certificate, creditLineFen,
//       isCreditHousehold, stars...), standing in for the assessment code.
// Params: $rows: [{code, props: map}].
// Returns: households (count).
UNWIND $rows AS row
MATCH (h:Household {code: row.code})
SET h += row.props
RETURN count(h) AS households
