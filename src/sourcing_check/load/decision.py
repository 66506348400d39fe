"""Read a decision file: validated, its shape problems coded D1xx."""

from __future__ import annotations

from pathlib import Path

from sourcing_check.load.documents import read_document
from sourcing_check.load.validation import ShapeCodes, validate_as
from sourcing_check.models.decision import DecisionFile, LoadedDecision

#: Shape problems in decision files.
DECISION_CODES = ShapeCodes(unknown="D101", missing="D102", invalid="D103")


def load_decision(path: Path) -> LoadedDecision:
    """Read and validate a decision file; raise InputError listing every problem."""
    document = read_document(path)
    return LoadedDecision(document, validate_as(document, DecisionFile, DECISION_CODES))
