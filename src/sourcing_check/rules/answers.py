"""The answers a finding shows: each value as shown and where it is written, made when read.

Locating an answer (file:line:column, or a workbook cell) and cutting its value to a short
text is work only a renderer needs, so a finding holds ``Answers`` that do it on first read:
an assessment that is only scored, or printed as a summary, never pays for it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from decimal import Decimal
from typing import Any

from sourcing_check.models.results import Answer, Answers
from sourcing_check.models.subject import LoadedInput
from sourcing_check.rules.subject_view import ABSENT, View, resolve

_MAX_SHOWN = 400
#: Answers shown as they are (the most common).
_AS_THEY_ARE = frozenset({str, bool, int})


def answers(
    pointers: tuple[str, ...], data: dict[str, Any], documents: dict[str, LoadedInput | None]
) -> Answers:
    """The answers at ``pointers``, shown and located when first read."""
    return Answers(functools.partial(_answers, pointers, data, documents))


def _answers(
    pointers: tuple[str, ...], data: dict[str, Any], documents: dict[str, LoadedInput | None]
) -> list[Answer]:
    memo: dict[str, Answer] = data.shown if type(data) is View else {}
    made = []
    for pointer in pointers:
        answer = memo.get(pointer)
        if answer is None:
            answer = memo[pointer] = _answer(pointer, data, documents)
        made.append(answer)
    return made


def _answer(pointer: str, data: dict[str, Any], documents: dict[str, LoadedInput | None]) -> Answer:
    root, inner = _split(pointer)
    loaded = documents.get(root)
    if loaded is None:
        # a fact (an applicability such as /facts/worker_risk/vulnerable) is computed, not
        # written: its value is shown, without a place; an input not given has none
        value = resolve(data, pointer) if root == "facts" else ABSENT
        return {
            "pointer": pointer,
            "value": None if value is ABSENT else shown(value),
            "file": "",
            "line": None,
            "column": None,
            "place": None,
        }
    value = resolve(data, pointer)
    document = loaded.document
    line, column = document.locate(inner)
    return {
        "pointer": pointer,
        "value": None if value is ABSENT else shown(value),
        "file": document.name,
        "line": line or None,
        "column": column or None,
        "place": (document.cell(inner) or None) if document.cells else None,
    }


@functools.lru_cache(maxsize=4096)
def _split(pointer: str) -> tuple[str, str]:
    """The input a pointer reads (vendor, project) and the pointer within that input."""
    root, _, rest = pointer[1:].partition("/")
    return root, "/" + rest if rest else ""


def plain_json(value: Any, *, numbers: bool = False) -> Any:
    """Plain JSON data; Decimals become exact strings, or numbers when ``numbers``."""
    if isinstance(value, dict):
        return {k: plain_json(v, numbers=numbers) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(v, numbers=numbers) for v in value]
    if isinstance(value, Decimal):
        if numbers:
            return int(value) if value == value.to_integral_value() else float(value)
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def shown(value: Any) -> Any:
    """An answer for display; a large structure is cut to the start of its JSON text (so
    that a reader sees true, null and "quotes", as in the input, never Python's spelling)."""
    if type(value) in _AS_THEY_ARE:
        return value
    if isinstance(value, str | bool | int | float | Decimal | dt.date):
        return plain_json(value, numbers=True)
    result = plain_json(value, numbers=True)
    text = json.dumps(result, ensure_ascii=False)  # JSON's spelling, as the JSON output's
    if len(text) > _MAX_SHOWN:
        return text[: _MAX_SHOWN - 3] + "..."
    return result
