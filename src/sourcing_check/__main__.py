"""Allow ``python -m sourcing_check``."""

from sourcing_check.cli import main

main()
