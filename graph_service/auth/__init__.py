"""Who is calling and what they may do (rules A1, A2): principals, bearer tokens, the permission
table, personal-data masking and the audit trail. The GraphQL side lives in
`graph_service.api.extensions.access` (one schema extension that applies all of it)."""
