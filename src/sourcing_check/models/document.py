"""A loaded input document: its plain data, the source map of every value, and its hash."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcing_check.errors import Problem


@functools.lru_cache(maxsize=4096)
def in_input(pointer: str) -> tuple[str, str]:
    """The input a subject pointer reads ('vendor', 'project') and the pointer within that
    input: '/vendor/pay/rates/0' -> ('vendor', '/pay/rates/0')."""
    root, _, rest = pointer[1:].partition("/")
    return root, "/" + rest if rest else ""


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
    """A loaded input file: its data, where each value came from, and its hash.

    A text file locates values by (line, column) in ``positions``; a spreadsheet by cell, in
    ``cells`` (pointer -> e.g. ``Answers!E14``), which problems then name instead.
    """

    path: Path
    name: str
    data: Any
    positions: dict[str, tuple[int, int]] = field(repr=False)
    sha256: str
    cells: dict[str, str] = field(default_factory=dict, repr=False)
    #: A workbook's sheets in the order of its tabs (the order its problems are listed in).
    sheets: tuple[str, ...] = ()

    def locate(self, pointer: str) -> tuple[int, int]:
        """Return (line, column) of ``pointer`` or of its nearest located ancestor."""
        positions = self.positions
        while True:
            found = positions.get(pointer)
            if found is not None:
                return found
            if not pointer:
                return (0, 0)
            pointer = pointer[: pointer.rfind("/")]

    def cell(self, pointer: str) -> str:
        """Return the cell of ``pointer`` or of its nearest placed ancestor ('' when none)."""
        while True:
            if pointer in self.cells:
                return self.cells[pointer]
            if not pointer:
                return ""
            pointer = pointer.rsplit("/", 1)[0]

    def problem(self, pointer: str, message: str, hint: str = "", *, code: str) -> Problem:
        """Return a Problem with a code from the catalogue (``errors.CODES``) at ``pointer``."""
        if self.cells:
            return Problem(self.name, message, 0, 0, pointer, hint, code, self.cell(pointer))
        line, column = self.locate(pointer)
        return Problem(self.name, message, line, column, pointer, hint, code)


def value_at(data: Any, pointer: str) -> Any:
    """The value at a JSON pointer of plain data, or None (no escaping: our field names)."""
    for token in pointer.split("/")[1:]:
        if isinstance(data, dict):
            data = data.get(token)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return None
    return data
