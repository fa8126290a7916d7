// What: stores the systemic-risk measure of each village (batch `graph-service systemic`): the
//       outstanding that would default county-wide if the village alone defaulted (K3 engine until
//       nothing changes), the part outside the village, the households distressed, and when.
// Params: $rows: [{code, defaultFen, spilloverFen, distressed}], $now (datetime), $policyVersion.
// Returns: villages (count updated).
UNWIND $rows AS row
MATCH (v:Village {code: row.code})
SET v.systemicDefaultFen = row.defaultFen,
    v.systemicSpilloverFen = row.spilloverFen,
    v.systemicDistressedCount = row.distressed,
    v.systemicComputedAt = $now,
    v.systemicPolicyVersion = $policyVersion
RETURN count(v) AS villages
