// What: waits until every index is online (after the schema statements).
// Params: none.
// Returns: nothing.
CALL db.awaitIndexes(300)
