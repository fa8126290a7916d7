// What: one page of freeze and lift events (R3), newest first, optionally of one level and/or one
//       village or town code; keyset paging on (at, id) descending.
// Params: $level ('VILLAGE' | 'TOWN' | null), $code (string or null), $afterAt (datetime or null),
//         $afterId (string or null), $limit (int).
// Returns: node (the event's properties) per event.
MATCH (e:FreezeEvent)
WHERE ($level IS NULL OR e.level = $level)
  AND ($code IS NULL OR e.code = $code)
  AND ($afterAt IS NULL OR e.at < $afterAt OR (e.at = $afterAt AND e.id < $afterId))
RETURN e {.*} AS node
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
