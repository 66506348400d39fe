"""YAML (and JSON, a subset of it) into plain data plus a source map, under our limits.

YAML is read event by event from the (C, where available) safe parser and built here, so that
we control every surprise: YAML 1.1 booleans such as ``yes``/``no``/``on``/``off`` and dates
stay strings, non-integer numbers become exact ``Decimal`` values, duplicate keys and tags are
errors, aliases may not expand past a small bound (billion laughs), and nesting is bounded.
"""

from __future__ import annotations

import re
import typing
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.reader import ReaderError

from sourcing_check.errors import InputError, Problem
from sourcing_check.models.document import join_pointer

MAX_DEPTH = 64
MAX_ALIAS_NODES = 1000
#: Integers longer than this stay exact as Decimal: Python refuses to convert 4,301+ digits
#: to int, and the models refuse any number this long with a located problem anyway.
MAX_INT_DIGITS = 100

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+")
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?")
_STR_TAG = "tag:yaml.org,2002:str"


def plain_scalar(text: str) -> Any:
    """Type an unquoted scalar: null, booleans, int, exact Decimal, else the text itself."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text) and len(text) <= MAX_INT_DIGITS:
        return int(text)
    if _DECIMAL.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # an exponent past Decimal's range: left as text
            return text
    return text


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at ``index`` in ``text``."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _syntax_hint(text: str, line: int, column: int) -> str:
    """What to look at for a syntax error at (line, column): a tab, which YAML does not
    indent with, or indentation and quoting in general."""
    lines = text.splitlines()
    shown = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in shown[: max(column, 1)]:
        return "a tab in the indentation: YAML indents with spaces only; replace the tab"
    return "check indentation and quoting around this line"


def parse_yaml(text: str, label: str) -> tuple[Any, dict[str, tuple[int, int]]]:
    """Parse YAML text into plain data and a map from JSON pointer to (line, column)."""
    builder = _Builder(label)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.problem:
            message = f"{exc.context}, {exc.problem}"
            if exc.context_mark is not None and exc.context_mark is not mark:
                message = (
                    f"{exc.context} (started at line {exc.context_mark.line + 1}), {exc.problem}"
                )
        raise InputError(
            [
                Problem(
                    label,
                    f"YAML syntax error: {message}",
                    line,
                    column,
                    hint=_syntax_hint(text, line, column),
                    code="I104",
                )
            ]
        ) from None
    except ReaderError as exc:
        raise InputError([_reader_problem(exc, text, label)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(label, f"YAML error: {exc}", code="I104")]) from None
    return builder.result, builder.positions


def _reader_problem(exc: ReaderError, text: str, label: str) -> Problem:
    """A character YAML does not allow, located (the C reader counts bytes, not characters)."""
    index = exc.position
    if _Loader is not yaml.SafeLoader:
        index = len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore"))
    line, column = line_column(text, index)
    return Problem(
        label,
        f"the file holds the character U+{exc.character:04X}, which YAML does not allow",
        line,
        column,
        hint="remove it: control characters are often copied in from other programs",
        code="I104",
    )


class _Frame:
    __slots__ = ("anchor", "key", "pointer", "value")

    def __init__(self, value: dict[str, Any] | list[Any], pointer: str, anchor: str | None):
        self.value = value
        self.pointer = pointer
        self.anchor = anchor
        self.key: str | None = None


class _Builder:
    """Builds plain data from parser events, enforcing our limits as it goes."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.stack: list[_Frame] = []
        self.anchors: dict[str, Any] = {}
        self.positions: dict[str, tuple[int, int]] = {}
        self.result: Any = None
        self.documents = 0
        self.alias_nodes = 0
        self._sizes: dict[int, int] = {}

    def fail(self, event: Any, code: str, message: str, hint: str = "") -> typing.NoReturn:
        mark = event.start_mark
        pointer = self.stack[-1].pointer if self.stack else ""
        raise InputError(
            [Problem(self.label, message, mark.line + 1, mark.column + 1, pointer, hint, code)]
        )

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(
                    event,
                    "I109",
                    "the file holds more than one YAML document",
                    "keep one questionnaire or plan per file; remove the extra '---'",
                )
        elif isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._check_tag(event)
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            pointer = self._place(event, container)
            if len(self.stack) >= MAX_DEPTH:
                self.fail(
                    event,
                    "I105",
                    f"the data is nested more than {MAX_DEPTH} levels deep",
                    "questionnaires and plans are shallow; check the structure",
                )
            self.stack.append(_Frame(container, pointer, event.anchor))
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = self.stack.pop()
            if frame.anchor is not None:
                self.anchors[frame.anchor] = frame.value
        elif isinstance(event, yaml.AliasEvent):
            anchor = str(event.anchor)
            if anchor not in self.anchors:
                self.fail(
                    event,
                    "I104",
                    f"unknown alias *{anchor}",
                    f"*{anchor} repeats a value marked &{anchor} earlier in the file; to write "
                    f"text that starts with '*', quote it: \"*{anchor}\"",
                )
            value = self.anchors[anchor]
            self.alias_nodes += self._size(value)
            if self.alias_nodes > MAX_ALIAS_NODES:
                self.fail(
                    event,
                    "I106",
                    f"aliases expand to more than {MAX_ALIAS_NODES} values",
                    "write the values out instead of repeating them with aliases",
                )
            self._place(event, value)

    def _check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag not in (None, "!", _STR_TAG, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self.fail(
                event,
                "I108",
                f"YAML tags such as {tag!r} are not allowed",
                "remove the tag; plain values are enough",
            )

    def _scalar(self, event: Any) -> None:
        self._check_tag(event)
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.value, dict) and frame.key is None:
            key = event.value
            if key in frame.value:
                self.fail(
                    event,
                    "I107",
                    f"duplicate key {key!r}",
                    "each key may appear once in a mapping; remove or merge the repeat",
                )
            frame.key = key
            mark = event.start_mark
            self.positions[join_pointer(frame.pointer, key)] = (mark.line + 1, mark.column + 1)
            return
        value = self._resolve(event)
        self._place(event, value)
        if event.anchor is not None:
            self.anchors[event.anchor] = value

    @staticmethod
    def _resolve(event: Any) -> Any:
        text: str = event.value
        if event.style or event.tag in ("!", _STR_TAG) or not event.implicit[0]:
            return text
        return plain_scalar(text)

    def _place(self, event: Any, value: Any) -> str:
        """Attach ``value`` to the current container and return its pointer."""
        mark = event.start_mark
        if not self.stack:
            self.result = value
            self.positions[""] = (mark.line + 1, mark.column + 1)
            return ""
        frame = self.stack[-1]
        if isinstance(frame.value, dict):
            if frame.key is None:
                self.fail(event, "I110", "mapping keys must be plain strings")
            key = frame.key
            assert key is not None
            frame.value[key] = value
            frame.key = None
            return join_pointer(frame.pointer, key)
        pointer = join_pointer(frame.pointer, len(frame.value))
        frame.value.append(value)
        self.positions[pointer] = (mark.line + 1, mark.column + 1)
        return pointer

    def _size(self, value: Any) -> int:
        if not isinstance(value, dict | list):
            return 1
        known = self._sizes.get(id(value))
        if known is not None:
            return known
        children = value.values() if isinstance(value, dict) else value
        total = 1 + sum(self._size(child) for child in children)
        self._sizes[id(value)] = total
        return total
