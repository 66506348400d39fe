"""The canonical JSON: always {"schema_version": 2, "assessments": [...]}, one per subject.

Written in three parts (head, one item per assessment, tail) so that a batch can stream it;
the text is what ``Assessments(...).model_dump_json(indent=2)`` gives for the same data.
"""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.models.results import ASSESSMENT_SCHEMA_VERSION, Assessment, Assessments

#: What pydantic writes around the one assessment of a document, indented as in the file.
_AROUND = (
    f'{{\n  "schema_version": {ASSESSMENT_SCHEMA_VERSION},\n  "assessments": [\n'.encode(),
    b"\n  ]\n}",
)


def head(count: int) -> str:
    """What comes before the first assessment."""
    opening = f'{{\n  "schema_version": {ASSESSMENT_SCHEMA_VERSION},\n  "assessments": '
    return opening + ("[]" if count == 0 else "[\n")


def item(a: Assessment, index: int, count: int) -> bytes:
    """One assessment, the ``index``-th of ``count``, as UTF-8 (pydantic's encoder, no copy
    through ``str``: a batch writes these bytes as they are). It is encoded inside a document
    of its own, already indented as in the file, and cut out of it."""
    document = Assessments.model_construct(
        schema_version=ASSESSMENT_SCHEMA_VERSION, assessments=[a]
    )
    text = Assessments.__pydantic_serializer__.to_json(document, indent=2)
    opening, closing = _AROUND
    body = memoryview(text)[len(opening) : len(text) - len(closing)]
    return b"".join((body, b",\n" if index < count - 1 else b"\n"))


def tail(count: int) -> str:
    """What comes after the last assessment."""
    return "\n}\n" if count == 0 else "  ]\n}\n"


def render_json(assessments: Sequence[Assessment]) -> str:
    """The canonical JSON document of ``assessments`` (one shape for one or several)."""
    count = len(assessments)
    items = b"".join(item(a, index, count) for index, a in enumerate(assessments))
    return head(count) + items.decode("utf-8") + tail(count)
