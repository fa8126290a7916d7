// What: one village's stored loan balance (R1), to check that issueLoan propagated to it.
// Params: $code.
// Returns: loanBalanceFen.
MATCH (v:Village {code: $code})
RETURN v.loanBalanceFen AS loanBalanceFen
