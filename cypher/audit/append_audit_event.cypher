// What: appends one audit event (A1). The only statement that writes an :AuditEvent; nothing ever
//       updates or deletes one (append-only). Accepted mutations run it inside their own transaction.
// Params: $id (uuid string), $actor, $role (or null for anonymous), $action (mutation name),
//         $targets ["Label:code"], $targetCodes [code], $input (JSON text), $before, $after (JSON text
//         of the changed properties per target), $outcome ACCEPTED|REFUSED|FORBIDDEN|UNAUTHENTICATED|ERROR,
//         $errorCodes [string], $message (or null).
// Returns: id, at.
CREATE (e:AuditEvent {
  id: $id, at: datetime.truncate('microsecond', datetime()), actor: $actor, role: $role, action: $action,
  targets: $targets, targetCodes: $targetCodes, input: $input, before: $before, after: $after,
  outcome: $outcome, errorCodes: $errorCodes, message: $message
})
RETURN e.id AS id, e.at AS at
