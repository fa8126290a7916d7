// What: the village -> town -> county hierarchy the stress engine projects figures on (K3, R2).
// Params: none.
// Returns: countyCode (string or null), villages: [[villageCode, townCode]], towns: [townCode]
//          (towns without villages included).
OPTIONAL MATCH (c:County)
WITH collect(c.code)[0] AS countyCode
OPTIONAL MATCH (t:Town)
WITH countyCode, collect(t.code) AS towns
OPTIONAL MATCH (v:Village)
RETURN countyCode, towns, collect([v.code, v.townCode]) AS villages
