// What: how many freeze and lift events (R3) match the filters of `freeze_events_page`.
// Params: $level ('VILLAGE' | 'TOWN' | null), $code (string or null).
// Returns: total.
MATCH (e:FreezeEvent)
WHERE ($level IS NULL OR e.level = $level) AND ($code IS NULL OR e.code = $code)
RETURN count(e) AS total
