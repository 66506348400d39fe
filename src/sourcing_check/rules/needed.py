"""What must be answered for a pointer a rule reads: a fact's missing inputs, or the answer
described by its field, placed by its cell when it is written in a workbook."""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel

from sourcing_check.models.introspect import walk
from sourcing_check.models.subject import LoadedInput
from sourcing_check.rules.places import any_workbook, placed


def needed(
    pointer: str, data: dict[str, Any], documents: dict[str, LoadedInput | None]
) -> list[str]:
    """What must be answered for a pointer a rule reads: a fact's own missing inputs, or the
    answer itself; each with its cell when it is written in a workbook."""
    facts: dict[str, Any] = data.get("facts", {})
    missing = fact_missing(pointer, facts) or [describe(pointer, documents)]
    return [placed(item, documents) for item in missing]


#: The inputs given, by name and model class, when none is a workbook (see ``text_inputs``).
Given = tuple[tuple[str, type[BaseModel] | None], ...]


def text_inputs(documents: dict[str, LoadedInput | None]) -> Given | None:
    """The inputs given (name, model class), which with the pointers decide how an answer
    still needed is worded; None when any is a workbook (its answers are named by cell)."""
    if any_workbook(documents):
        return None
    return tuple((k, None if v is None else type(v.model)) for k, v in documents.items())


def needed_for(
    unknown: list[str], data: dict[str, Any], documents: dict[str, LoadedInput | None]
) -> tuple[str, ...]:
    """``needed`` of each pointer of ``unknown`` once, in order: for answers of text inputs,
    worded once for every subject that leaves the same answers out and has the same inputs."""
    return needed_as(unknown, data, documents, text_inputs(documents))


def needed_as(
    unknown: list[str],
    data: dict[str, Any],
    documents: dict[str, LoadedInput | None],
    given: Given | None,
) -> tuple[str, ...]:
    """``needed_for`` with the documents' ``text_inputs`` already worked out (the evaluator
    works them out once a subject)."""
    pointers = tuple(dict.fromkeys(unknown))
    if given is None or any(p.startswith("/facts/") for p in pointers):
        return tuple(m for p in pointers for m in needed(p, data, documents))
    return _described_all(pointers, given)


def described(unknown: tuple[str, ...], given: Given) -> tuple[str, ...]:
    """``needed_as`` of answers of text inputs ``given`` when no fact is among ``unknown``."""
    return _described_all(tuple(dict.fromkeys(unknown)), given)


@functools.lru_cache(maxsize=4096)
def _described_all(pointers: tuple[str, ...], given: Given) -> tuple[str, ...]:
    """``describe`` of each of ``pointers`` with the inputs ``given`` (name, model class)."""
    kinds = dict(given)
    return tuple(_described_as(p, kinds.get(p[1:].partition("/")[0])) for p in pointers)


def describe(pointer: str, documents: dict[str, LoadedInput | None]) -> str:
    loaded = documents.get(pointer[1:].partition("/")[0])
    return _described_as(pointer, None if loaded is None else type(loaded.model))


def _described_as(pointer: str, model: type[BaseModel] | None) -> str:
    """A pointer described by its field of ``model``, or as of an input not given (None)."""
    if model is None:
        return f"{pointer} (no {pointer[1:].partition('/')[0]} input was given)"
    return _described(model, pointer)


@functools.cache
def _described(model: type[BaseModel], pointer: str) -> str:
    """A pointer with the description of its field, e.g. '/project/pay/rate (Gross pay...)'."""
    rest = pointer[1:].partition("/")[2]
    info = walk(model, tuple(rest.split("/")))
    description = getattr(info, "description", None)
    if not description:
        return pointer
    # in parentheses inside a sentence, a description ends without its own full stop
    return f"{pointer} ({description.strip().removesuffix('.')})"


def fact_missing(pointer: str, facts: dict[str, Any]) -> list[str]:
    """What a fact lacks for the key a pointer reads: its own list in 'missing_for' when the
    key needs less than the whole fact (a benchmark's age), else the fact's 'missing'."""
    if not pointer.startswith("/facts/"):
        return []
    parts = pointer.split("/")
    fact = facts.get(parts[2], {})
    own = fact.get("missing_for", {})
    if len(parts) > 3 and parts[3] in own:
        return list(own[parts[3]])
    return list(fact.get("missing", []))
