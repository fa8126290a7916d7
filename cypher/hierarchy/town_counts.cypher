// What: how many towns each county has (County.townCount, TownConnection.totalCount).
// Params: $codes: [county code].
// Returns: code, towns.
UNWIND $codes AS code
OPTIONAL MATCH (t:Town {countyCode: code})
RETURN code, count(t) AS towns
