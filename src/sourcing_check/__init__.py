"""sourcing-check: check data-enrichment sourcing against responsible-sourcing guidelines."""

__version__ = "0.1.0"
