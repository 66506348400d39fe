"""The canonical JSON assessment: one object, or {"assessments": [...]} for several."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sourcing_check.models.results import Assessment


def render_json(assessments: Sequence[Assessment]) -> str:
    """The canonical JSON: one assessment, or {"assessments": [...]} for several."""
    if len(assessments) == 1:
        return assessments[0].model_dump_json(indent=2) + "\n"
    body = {"assessments": [a.model_dump(mode="json") for a in assessments]}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
