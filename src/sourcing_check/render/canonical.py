"""The canonical JSON: always {"schema_version": 2, "assessments": [...]}, one per subject."""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.models.results import ASSESSMENT_SCHEMA_VERSION, Assessment, Assessments


def render_json(assessments: Sequence[Assessment]) -> str:
    """The canonical JSON document of ``assessments`` (one shape for one or several)."""
    document = Assessments(schema_version=ASSESSMENT_SCHEMA_VERSION, assessments=list(assessments))
    return document.model_dump_json(indent=2) + "\n"
