"""The only code that opens input files: YAML or JSON into plain data plus a source map.

YAML is read event by event from the (C, where available) safe parser and built here, so that
we control every surprise: YAML 1.1 booleans such as ``yes``/``no``/``on``/``off`` and dates
stay strings, non-integer numbers become exact ``Decimal`` values, duplicate keys and tags are
errors, aliases may not expand past a small bound (billion laughs), and files over a size or
nesting limit are refused before they cost anything.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from sourcing_check.errors import InputError, Problem

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_NODES = 1000

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+")
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?")
_STR_TAG = "tag:yaml.org,2002:str"


def escape_pointer_token(token: str | int) -> str:
    """Escape one JSON-pointer reference token (RFC 6901)."""
    text = str(token)
    if "~" in text or "/" in text:
        return text.replace("~", "~0").replace("/", "~1")
    return text


def join_pointer(pointer: str, token: str | int) -> str:
    """Return ``pointer`` extended by one reference token."""
    return f"{pointer}/{escape_pointer_token(token)}"


@dataclass(frozen=True)
class Document:
    """A loaded input file: its data, where each value came from, and its hash."""

    path: Path
    name: str
    data: Any
    positions: dict[str, tuple[int, int]] = field(repr=False)
    sha256: str

    def locate(self, pointer: str) -> tuple[int, int]:
        """Return (line, column) of ``pointer`` or of its nearest located ancestor."""
        while True:
            if pointer in self.positions:
                return self.positions[pointer]
            if not pointer:
                return (0, 0)
            pointer = pointer.rsplit("/", 1)[0]

    def problem(self, pointer: str, message: str, hint: str = "") -> Problem:
        """Return a Problem located at ``pointer`` in this document."""
        line, column = self.locate(pointer)
        return Problem(self.name, message, line, column, pointer, hint)


def read_document(path: Path, *, name: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read and parse one YAML or JSON file; raise InputError with a located problem."""
    label = name if name is not None else str(path)
    raw, text = _read_text(path, label, max_bytes)
    if path.suffix.lower() == ".json":
        _check_json(text, label)
        text = text.replace("\t", " ")  # tabs can only be whitespace in valid JSON
    data, positions = parse_yaml(text, label)
    return Document(path, label, data, positions, hashlib.sha256(raw).hexdigest())


def read_csv_rows(path: Path, *, name: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read a CSV file with a header row into a list of row mappings (empty cells left out).

    Cells are typed like plain YAML scalars: whole numbers become int, other numbers exact
    Decimal, everything else stays text. Positions are ``/ROW/COLUMN`` -> (line, field).
    """
    label = name if name is not None else str(path)
    raw, text = _read_text(path, label, max_bytes)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip() for cell in next(reader, [])]
        rows: list[dict[str, Any]] = []
        positions: dict[str, tuple[int, int]] = {"": (1, 1)}
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            line = reader.line_num
            if len(record) > len(header):
                raise InputError(
                    [
                        Problem(
                            label,
                            f"row has {len(record)} cells but the header "
                            f"names {len(header)} columns",
                            line,
                            1,
                        )
                    ]
                )
            row: dict[str, Any] = {}
            positions[f"/{len(rows)}"] = (line, 1)
            for index, cell in enumerate(record):
                if cell.strip():
                    row[header[index]] = plain_scalar(cell.strip())
                    positions[join_pointer(f"/{len(rows)}", header[index])] = (line, index + 1)
            rows.append(row)
    except csv.Error as exc:
        raise InputError([Problem(label, f"CSV error: {exc}", reader.line_num, 1)]) from None
    return Document(path, label, rows, positions, hashlib.sha256(raw).hexdigest())


def plain_scalar(text: str) -> Any:
    """Type an unquoted scalar: null, booleans, int, exact Decimal, else the text itself."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return Decimal(text)
    return text


def _read_text(path: Path, label: str, max_bytes: int) -> tuple[bytes, str]:
    raw = _read_bytes(path, label, max_bytes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            [
                Problem(
                    label,
                    f"the file is not valid UTF-8 "
                    f"(byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                    line,
                    column,
                    hint="save the file as UTF-8 (most editors offer 'UTF-8' in 'Save as')",
                )
            ]
        ) from None
    return raw, text


def _read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError(
                [
                    Problem(
                        label,
                        "is a directory, expected a YAML or JSON file",
                        hint="name the file itself, e.g. examples/vendor.yaml",
                    )
                ]
            )
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(
            [Problem(label, "no such file", hint="check the path and the working directory")]
        ) from None
    except PermissionError:
        raise InputError([Problem(label, "permission denied while opening the file")]) from None
    except OSError as exc:
        raise InputError([Problem(label, f"cannot read the file: {exc.strerror}")]) from None
    if len(raw) > max_bytes:
        raise InputError(
            [
                Problem(
                    label,
                    f"the file is larger than the {max_bytes // (1024 * 1024)} MiB limit",
                    hint="questionnaires and plans are small; check that this is the right file",
                )
            ]
        )
    return raw


def _check_json(text: str, label: str) -> None:
    try:
        json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError(
            [Problem(label, f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno)]
        ) from None
    except RecursionError:
        raise InputError(
            [Problem(label, f"the data is nested more than {MAX_DEPTH} levels deep")]
        ) from None


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
                    hint="check indentation and quoting around this line",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(label, f"YAML error: {exc}")]) from None
    return builder.result, builder.positions


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

    def fail(self, event: Any, message: str, hint: str = "") -> typing.NoReturn:
        mark = event.start_mark
        pointer = self.stack[-1].pointer if self.stack else ""
        raise InputError(
            [Problem(self.label, message, mark.line + 1, mark.column + 1, pointer, hint)]
        )

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(
                    event,
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
                self.fail(event, f"unknown alias *{anchor}")
            value = self.anchors[anchor]
            self.alias_nodes += self._size(value)
            if self.alias_nodes > MAX_ALIAS_NODES:
                self.fail(
                    event,
                    f"aliases expand to more than {MAX_ALIAS_NODES} values",
                    "write the values out instead of repeating them with aliases",
                )
            self._place(event, value)

    def _check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag not in (None, "!", _STR_TAG, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self.fail(
                event,
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
                self.fail(event, "mapping keys must be plain strings")
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
