// What: TEST ONLY — sets title flags of villages or towns directly (what the roll-ups set: R4, R5),
//       so list filters can be tested without building qualifying households.
// Params: $label ('Village' or 'Town', from the test), $codes: [code], $flag: bool.
// Returns: nothing.
MATCH (n:$($label))
WHERE n.code IN $codes
SET n.isCreditVillage = CASE WHEN $label = 'Village' THEN $flag ELSE n.isCreditVillage END,
    n.isCreditTown = CASE WHEN $label = 'Town' THEN $flag ELSE n.isCreditTown END
