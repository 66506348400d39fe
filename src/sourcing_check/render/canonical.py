"""The canonical JSON assessment: one object, or {"assessments": [...]} for several.

Written in three parts (head, one item per assessment, tail) so that a batch can stream it;
the text is what ``json.dumps(..., indent=2, ensure_ascii=False)`` gives for the same data.
"""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.models.results import Assessment


def head(count: int) -> str:
    """What comes before the first assessment."""
    return "" if count == 1 else '{\n  "assessments": [\n'


def item(a: Assessment, index: int, count: int) -> bytes:
    """One assessment, the ``index``-th of ``count``, as UTF-8 (pydantic's encoder, no copy
    through ``str``: a batch writes these bytes as they are)."""
    body = a.__pydantic_serializer__.to_json(a, indent=2)
    if count == 1:
        return body + b"\n"
    return b"    " + body.replace(b"\n", b"\n    ") + (b",\n" if index < count - 1 else b"\n")


def tail(count: int) -> str:
    """What comes after the last assessment."""
    return "" if count == 1 else "  ]\n}\n"


def render_json(assessments: Sequence[Assessment]) -> str:
    """The canonical JSON: one assessment, or {"assessments": [...]} for several."""
    count = len(assessments)
    items = b"".join(item(a, index, count) for index, a in enumerate(assessments))
    return head(count) + items.decode("utf-8") + tail(count)
