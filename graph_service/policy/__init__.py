"""Pure policy rules of the five plans (RULES.md): no I/O, unit-tested without a database."""
