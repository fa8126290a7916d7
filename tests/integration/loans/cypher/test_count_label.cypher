// What (tests only): how many nodes carry a label (label from the test's allow-list).
// Params: $label (string).
// Returns: total.
MATCH (n)
WHERE $label IN labels(n)
RETURN count(n) AS total
