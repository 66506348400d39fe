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

from sourcing_check.models.document import in_input
from sourcing_check.models.numbers import plain_json
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
    if type(data) is not View:
        return [_answer(pointer, data, documents) for pointer in pointers]
    memo: dict[str, Answer] = data.shown  # one answer a pointer, however many findings show it
    made = []
    for pointer in pointers:
        answer = memo.get(pointer)
        if answer is None:
            answer = memo[pointer] = _located(pointer, data.cache[pointer], documents)
        made.append(answer)
    return made


def _answer(pointer: str, data: dict[str, Any], documents: dict[str, LoadedInput | None]) -> Answer:
    """The answer at ``pointer``, shown and located: the straightforward way, which
    ``_located`` (the evaluator's, given the value a View resolved) must equal."""
    root, inner = in_input(pointer)
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


def _located(pointer: str, value: Any, documents: dict[str, LoadedInput | None]) -> Answer:
    """``_answer`` for the ``value`` at ``pointer`` already resolved (the evaluator's memo
    holds it), with the common cases inline: about twice as fast, the same answer."""
    root, inner = in_input(pointer)
    loaded = documents.get(root)
    if value is ABSENT:
        value = None
    elif type(value) not in _AS_THEY_ARE:
        value = shown(value)
    if loaded is None:
        if root != "facts":
            value = None  # an input not given has no answers
        return {
            "pointer": pointer,
            "value": value,
            "file": "",
            "line": None,
            "column": None,
            "place": None,
        }
    document = loaded.document
    line, column = document.locate(inner)
    return {
        "pointer": pointer,
        "value": value,
        "file": document.name,
        "line": line or None,
        "column": column or None,
        "place": (document.cell(inner) or None) if document.cells else None,
    }


def shown(value: Any) -> Any:
    """An answer for display; a large structure is cut to the start of its JSON text (so
    that a reader sees true, null and "quotes", as in the input, never Python's spelling)."""
    if type(value) in _AS_THEY_ARE:
        return value
    if type(value) is list and _short_texts(value):
        return list(value)  # what ``_shown`` gives, without writing the JSON
    return _shown(value)


def _shown(value: Any) -> Any:
    """``shown`` the general way."""
    if isinstance(value, str | bool | int | float | Decimal | dt.date):
        return plain_json(value, numbers=True)
    result = plain_json(value, numbers=True)
    text = json.dumps(result, ensure_ascii=False)  # JSON's spelling, as the JSON output's
    if len(text) > _MAX_SHOWN:
        return text[: _MAX_SHOWN - 3] + "..."
    return result


def _short_texts(value: list[Any]) -> bool:
    """True when ``value`` is a list of texts whose JSON is surely within ``_MAX_SHOWN``: a
    character is written as at most six (``\\u001f``), each text adds its quotes and a comma
    and a space, the list its brackets."""
    room = _MAX_SHOWN - 2
    for item in value:
        if type(item) is not str:
            return False
        room -= 6 * len(item) + 4
        if room < 0:
            return False
    return True
