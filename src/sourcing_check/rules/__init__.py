"""Stage 3, rules: frameworks compiled from YAML, their lint, predicates and evaluation."""
