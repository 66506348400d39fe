"""The canonical JSON: always {"schema_version": 2, "assessments": [...]}, one per subject.

Written in three parts (head, one item per assessment, tail) so that a batch can stream it;
the text is what ``Assessments(...).model_dump_json(indent=2)`` gives for the same data.
"""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.models.results import ASSESSMENT_SCHEMA_VERSION, Assessment


def head(count: int) -> str:
    """What comes before the first assessment."""
    opening = f'{{\n  "schema_version": {ASSESSMENT_SCHEMA_VERSION},\n  "assessments": '
    return opening + ("[]" if count == 0 else "[\n")


def item(a: Assessment, index: int, count: int) -> str:
    """One assessment, the ``index``-th of ``count``."""
    body = a.model_dump_json(indent=2)
    return "    " + body.replace("\n", "\n    ") + (",\n" if index < count - 1 else "\n")


def tail(count: int) -> str:
    """What comes after the last assessment."""
    return "\n}\n" if count == 0 else "  ]\n}\n"


def render_json(assessments: Sequence[Assessment]) -> str:
    """The canonical JSON document of ``assessments`` (one shape for one or several)."""
    count = len(assessments)
    items = "".join(item(a, index, count) for index, a in enumerate(assessments))
    return head(count) + items + tail(count)
