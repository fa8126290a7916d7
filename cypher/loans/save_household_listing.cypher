// What: sets list-related properties of one household (C2: lifting it from the black list), after
//       `lock_loan_chain` has locked it and the caller has checked its debts are settled.
// Params: $code (household code), $props (map of properties to set).
// Returns: household (property map after the change).
MATCH (h:Household {code: $code})
SET h += $props
RETURN h {.*} AS household
