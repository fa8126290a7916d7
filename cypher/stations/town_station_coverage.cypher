// What: station coverage of many towns (H4): villages, those with a bank branch, and those without a
//       branch and without a station open by $today (uncovered).
// Params: $codes (town codes), $today (date).
// Returns: code, villages, withBranch, needing, uncovered: [village code] in code order.
UNWIND $codes AS code
MATCH (v:Village {townCode: code})
WITH code, v, coalesce(v.hasBankBranch, false) AS branch,
     EXISTS { MATCH (s:Station)-[:IN_VILLAGE]->(v) WHERE s.openedOn <= $today } AS station
ORDER BY v.code
RETURN code,
       count(v) AS villages,
       sum(CASE WHEN branch THEN 1 ELSE 0 END) AS withBranch,
       sum(CASE WHEN branch THEN 0 ELSE 1 END) AS needing,
       collect(CASE WHEN NOT branch AND NOT station THEN v.code END) AS uncovered
