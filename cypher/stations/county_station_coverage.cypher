// What: station coverage of a county (H4), over the villages of all its towns.
// Params: $code (county), $today (date).
// Returns: one row: villages, withBranch, needing, uncovered: [village code] in code order.
MATCH (t:Town {countyCode: $code})
MATCH (v:Village {townCode: t.code})
WITH v, coalesce(v.hasBankBranch, false) AS branch,
     EXISTS { MATCH (s:Station)-[:IN_VILLAGE]->(v) WHERE s.openedOn <= $today } AS station
ORDER BY v.code
RETURN count(v) AS villages,
       sum(CASE WHEN branch THEN 1 ELSE 0 END) AS withBranch,
       sum(CASE WHEN branch THEN 0 ELSE 1 END) AS needing,
       collect(CASE WHEN NOT branch AND NOT station THEN v.code END) AS uncovered
