// What: TEST ONLY — freezes villages or towns from a given moment (what the roll-ups set: R3) and
//       sets a village's systemic batch figures (K3), so the hierarchy's projections can be compared
//       with whole nodes for every kind of date-time.
// Params: $rows: [{code, since: ISO date-time string, zone offset or [Region/City]}]; $systemic: village code.
// Returns: nothing.
UNWIND $rows AS row
MATCH (n) WHERE (n:Village OR n:Town OR n:County) AND n.code = row.code
SET n.frozen = true, n.frozenSince = datetime(row.since)
WITH count(*) AS done
MATCH (v:Village {code: $systemic})
SET v.systemicDefaultFen = 1, v.systemicSpilloverFen = 1, v.systemicDistressedCount = 1,
    v.systemicComputedAt = datetime('2026-06-30T02:00:00Z')
