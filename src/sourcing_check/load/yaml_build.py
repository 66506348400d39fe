"""Plain data and a source map built from YAML parser events, under our limits.

One loop over the events keeps the open container, its pointer and the pending mapping key in
local variables (the parents wait on a stack), so that a scalar, by far the most common event,
costs a few comparisons and one store. Containers, aliases and errors, the rarer cases, are
handled by small functions beside it. What is built, and every problem, is as documented in
``yaml_reader``.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from sourcing_check.errors import InputError, Problem
from sourcing_check.models.document import escape_pointer_token

MAX_DEPTH = 64
MAX_ALIAS_NODES = 1000
#: Integers longer than this stay exact as Decimal: Python refuses to convert 4,301+ digits
#: to int, and the models refuse any number this long with a located problem anyway.
MAX_INT_DIGITS = 100

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
#: The characters a number can start with: any other text is neither int nor Decimal.
_NUMBER_START = frozenset("0123456789+-.")
#: The plain words that type as null or a boolean, and their values (one lookup in the loop).
_WORDS: dict[str, Any] = {
    **dict.fromkeys(_NULLS),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
}
_INT = re.compile(r"[-+]?[0-9]+")
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?")
_STR_TAG = "tag:yaml.org,2002:str"
#: The tags allowed (besides none): the non-specific '!' and the plain string, map and seq.
_TAGS = frozenset(("!", _STR_TAG, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))

_SCALAR = yaml.ScalarEvent
_MAPPING_START = yaml.MappingStartEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_MAPPING_END = yaml.MappingEndEvent
_SEQUENCE_END = yaml.SequenceEndEvent

Positions = dict[str, tuple[int, int]]


def plain_scalar(text: str) -> Any:
    """Type an unquoted scalar: null, booleans, int, exact Decimal, else the text itself."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[0] not in _NUMBER_START:
        return text
    return _number(text)


def _number(text: str) -> Any:
    """Type a plain scalar that starts like a number: int, exact Decimal, else the text."""
    if _INT.fullmatch(text) and len(text) <= MAX_INT_DIGITS:
        return int(text)
    if _DECIMAL.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # an exponent past Decimal's range: left as text
            return text
    return text


def token(key: str) -> str:
    """``key`` as a JSON-pointer reference token (escaped only when it must be)."""
    return escape_pointer_token(key) if "~" in key or "/" in key else key


class _Build:
    """What the loop shares with the rarer cases: the result, anchors and counts."""

    __slots__ = ("alias_nodes", "anchors", "documents", "label", "positions", "result", "sizes")

    def __init__(self, label: str) -> None:
        self.label = label
        self.positions: Positions = {}
        self.anchors: dict[str, Any] = {}
        self.result: Any = None
        self.documents = 0
        self.alias_nodes = 0
        self.sizes: dict[int, int] = {}

    def fail(
        self, event: Any, pointer: str, code: str, message: str, hint: str = ""
    ) -> typing.NoReturn:
        """Raise the problem at ``event``, inside the container at ``pointer``."""
        mark = event.start_mark
        raise InputError(
            [Problem(self.label, message, mark.line + 1, mark.column + 1, pointer, hint, code)]
        )

    def size(self, value: Any) -> int:
        """How many values ``value`` holds, itself included (remembered per container)."""
        if not isinstance(value, dict | list):
            return 1
        known = self.sizes.get(id(value))
        if known is not None:
            return known
        children = value.values() if isinstance(value, dict) else value
        total = 1 + sum(self.size(child) for child in children)
        self.sizes[id(value)] = total
        return total


def build(events: Iterable[Any], label: str) -> tuple[Any, Positions]:
    """Plain data and a map from JSON pointer to (line, column), from parser events."""
    run = _Build(label)
    positions, anchors = run.positions, run.anchors
    stack: list[tuple[Any, str, str | None]] = []  # the parents: (container, pointer, anchor)
    container: Any = None  # the open dict or list; None at the top level
    pointer = ""  # the open container's pointer
    key: str | None = None  # a key read in the open dict, waiting for its value
    wants_key = False  # the open container is a dict and the next scalar is a key
    anchor: str | None = None  # the open container's anchor
    scalar, mapping_start, sequence_start, words = _SCALAR, _MAPPING_START, _SEQUENCE_START, _WORDS
    for event in events:
        kind = type(event)
        if kind is scalar:
            tag = event.tag
            if tag is not None and tag not in _TAGS:
                _bad_tag(run, event, pointer)
            text = event.value
            if wants_key:
                if text in container:
                    _duplicate(run, event, pointer, text)
                key, wants_key = text, False
                mark = event.start_mark
                if "/" in text or "~" in text:
                    text = escape_pointer_token(text)
                positions[f"{pointer}/{text}"] = (mark.line + 1, mark.column + 1)
                continue
            if event.style or tag is not None:
                value = text  # quoted or tagged: the text as written
            elif (value := words.get(text, text)) is text and text[0] in _NUMBER_START:
                value = _number(text)  # else null, a boolean or a word left as it is
            if key is not None:
                container[key] = value
                key, wants_key = None, True
            else:
                mark = event.start_mark
                if container is not None:
                    positions[f"{pointer}/{len(container)}"] = (mark.line + 1, mark.column + 1)
                    container.append(value)
                else:
                    run.result = value
                    positions[""] = (mark.line + 1, mark.column + 1)
            if event.anchor is not None:
                anchors[event.anchor] = value
        elif kind is mapping_start or kind is sequence_start:
            new, inner = _open(run, event, container, pointer, key, len(stack))
            stack.append((container, pointer, anchor))
            container, pointer, key, anchor = new, inner, None, event.anchor
            wants_key = kind is mapping_start
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            if anchor is not None:
                anchors[anchor] = container
            container, pointer, anchor = stack.pop()
            key, wants_key = None, type(container) is dict
        else:
            key = _other(run, event, container, pointer, key)
            wants_key = key is None and type(container) is dict
    return run.result, positions


def _open(
    run: _Build, event: Any, container: Any, pointer: str, key: str | None, depth: int
) -> tuple[Any, str]:
    """The new dict or list a start event opens, attached where it belongs, and its pointer
    (``depth``: how many containers are open around it)."""
    if event.tag is not None and event.tag not in _TAGS:
        _bad_tag(run, event, pointer)
    new: Any = {} if type(event) is _MAPPING_START else []
    if key is not None:  # the common case, a mapping's value: _place inlined
        container[key] = new
        inner = f"{pointer}/{escape_pointer_token(key) if '/' in key or '~' in key else key}"
    else:
        inner = _place(run, event, container, pointer, key, new)
    if depth >= MAX_DEPTH:
        _too_deep(run, event, pointer)
    return new, inner


def _other(run: _Build, event: Any, container: Any, pointer: str, key: str | None) -> str | None:
    """Handle an alias or the start of a document; return the key still waiting for a value."""
    if isinstance(event, yaml.AliasEvent):
        _place(run, event, container, pointer, key, _alias(run, event, pointer))
        return None
    if isinstance(event, yaml.DocumentStartEvent):
        run.documents += 1
        if run.documents > 1:
            _second_document(run, event)
    return key


def _place(
    run: _Build, event: Any, container: Any, pointer: str, key: str | None, value: Any
) -> str:
    """Attach a new container or an alias's value to the open container; return its pointer."""
    mark = event.start_mark
    if container is None:
        run.result = value
        run.positions[""] = (mark.line + 1, mark.column + 1)
        return ""
    if key is not None:
        container[key] = value
        return f"{pointer}/{token(key)}"
    if type(container) is dict:
        run.fail(event, pointer, "I110", "mapping keys must be plain strings")
    inner = f"{pointer}/{len(container)}"
    container.append(value)
    run.positions[inner] = (mark.line + 1, mark.column + 1)
    return inner


def _alias(run: _Build, event: Any, pointer: str) -> Any:
    """The value an alias repeats, counted against the bound on what aliases expand to."""
    anchor = str(event.anchor)
    if anchor not in run.anchors:
        run.fail(
            event,
            pointer,
            "I104",
            f"unknown alias *{anchor}",
            f"*{anchor} repeats a value marked &{anchor} earlier in the file; to write "
            f"text that starts with '*', quote it: \"*{anchor}\"",
        )
    value = run.anchors[anchor]
    run.alias_nodes += run.size(value)
    if run.alias_nodes > MAX_ALIAS_NODES:
        run.fail(
            event,
            pointer,
            "I106",
            f"aliases expand to more than {MAX_ALIAS_NODES} values",
            "write the values out instead of repeating them with aliases",
        )
    return value


def _bad_tag(run: _Build, event: Any, pointer: str) -> typing.NoReturn:
    run.fail(
        event,
        pointer,
        "I108",
        f"YAML tags such as {event.tag!r} are not allowed",
        "remove the tag; plain values are enough",
    )


def _duplicate(run: _Build, event: Any, pointer: str, key: str) -> typing.NoReturn:
    run.fail(
        event,
        pointer,
        "I107",
        f"duplicate key {key!r}",
        "each key may appear once in a mapping; remove or merge the repeat",
    )


def _too_deep(run: _Build, event: Any, pointer: str) -> typing.NoReturn:
    run.fail(
        event,
        pointer,
        "I105",
        f"the data is nested more than {MAX_DEPTH} levels deep",
        "questionnaires and plans are shallow; check the structure",
    )


def _second_document(run: _Build, event: Any) -> typing.NoReturn:
    run.fail(
        event,
        "",
        "I109",
        "the file holds more than one YAML document",
        "keep one questionnaire or plan per file; remove the extra '---'",
    )
