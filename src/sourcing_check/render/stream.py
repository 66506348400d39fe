"""Formats written one assessment at a time, for batches: a head, one item per assessment, and
a tail made from small summaries, so that a batch of 10,000 never holds its assessments.

The whole-output renderers of these formats are the same three parts joined, so a streamed
file and a rendered one are the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sourcing_check.models.results import Assessment, VerdictValue
from sourcing_check.render import canonical, text
from sourcing_check.render.views import subject_line


@dataclass(frozen=True)
class Summary:
    """What a batch keeps of one assessment once it is written."""

    verdict: VerdictValue
    label: str
    score: Decimal | None
    subject: str

    @classmethod
    def of(cls, a: Assessment) -> Summary:
        """The summary of ``a``."""
        return cls(a.verdict.value, a.verdict.label, a.overall.score, subject_line(a))


@dataclass(frozen=True)
class Stream:
    """A format as head(count), item(assessment, index, count) as UTF-8, and tail(summaries)."""

    head: Callable[[int], str]
    item: Callable[[Assessment, int, int], bytes]
    tail: Callable[[Sequence[Summary]], str]


def _nothing(*_args: object) -> str:
    return ""


def _jsonl_item(a: Assessment, _index: int, _count: int) -> bytes:
    return a.__pydantic_serializer__.to_json(a) + b"\n"


def _text_item(a: Assessment, index: int, count: int) -> bytes:
    return text.item(a, index, count).encode("utf-8")


def _text_tail(summaries: Sequence[Summary]) -> str:
    rows = [(s.label, s.score, s.subject) for s in summaries]
    return text.summary(rows) if len(rows) > 1 else ""


#: Formats that can be written as they are made, by the name the CLI offers.
STREAMS: dict[str, Stream] = {
    "json": Stream(canonical.head, canonical.item, lambda s: canonical.tail(len(s))),
    "jsonl": Stream(_nothing, _jsonl_item, _nothing),
    "text": Stream(_nothing, _text_item, _text_tail),
}


def render_jsonl(assessments: Sequence[Assessment]) -> str:
    """JSON Lines: one canonical assessment per line, for batches and log tools."""
    lines = b"".join(_jsonl_item(a, i, len(assessments)) for i, a in enumerate(assessments))
    return lines.decode("utf-8")
