"""Cell values as answers: typed by the question (numbers, yes/no, dates, lists), never guessed.

A value that does not fit is passed on unchanged, so that validation reports it at its cell
with the question's help (e.g. a text in a number cell).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sourcing_check.errors import Problem
from sourcing_check.models.sheet_words import split_list
from sourcing_check.models.sheets import Leaf

_NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_TRUE = {"true", "yes"}
_FALSE = {"false", "no"}


@functools.cache
def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@functools.cache
def quote_sheet(name: str) -> str:
    """A sheet name as a cell reference writes it: ``Answers``, ``'Pay rates'``."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        return name
    return "'" + name.replace("'", "''") + "'"


@dataclass
class Grid:
    """One sheet's non-empty values by row and column (1-based), and cells whose format
    changes what a number means."""

    name: str
    rows: dict[int, dict[int, Any]]
    percent: set[tuple[int, int]] = field(default_factory=set)
    #: Numbers shown as TRUE/FALSE (LibreOffice saves our yes/no cells so).
    shown_as_boolean: set[tuple[int, int]] = field(default_factory=set)
    #: Merged ranges: (first row, first column, last row, last column).
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    def ref(self, row: int, column: int) -> str:
        """The cell's reference, e.g. ``'Pay rates'!C3``."""
        return f"{quote_sheet(self.name)}!{column_letter(column)}{row}"

    def headings(self) -> dict[str, int]:
        """Row 1: heading text -> column."""
        return {str(v).strip(): c for c, v in self.rows.get(1, {}).items()}


def merged_down(label: str, grid: Grid, columns: Collection[int] | None = None) -> list[Problem]:
    """Cells merged over several rows (of ``columns``, by default any) below the headings:
    the value shows in every row but is held by the first cell only, so the rows below would
    read as empty (or as a value hidden under the merge). Each is a problem at its first cell."""
    problems = []
    for top, left, bottom, right in grid.merged:
        spanned = range(left, right + 1) if columns is None else set(columns)
        if bottom == top or top == 1 or not any(left <= c <= right for c in spanned):
            continue
        held = any(
            c in grid.rows.get(r, {})
            for r in range(top, bottom + 1)
            for c in range(left, right + 1)
        )
        if held:
            whole = f"{column_letter(left)}{top}:{column_letter(right)}{bottom}"
            problems.append(
                Problem(
                    label,
                    f"the cells {whole} are merged over {bottom - top + 1} rows: the value "
                    "shows in each row, but only its first cell holds it, so the rows below "
                    "read as empty",
                    hint="unmerge the cells and write the value in each row it applies to",
                    code="I113",
                    place=grid.ref(top, left),
                )
            )
    return problems


def typed(leaf: Leaf, raw: Any) -> Any:
    """The answer a cell holds for ``leaf``, typed as the YAML reader would type it."""
    if leaf.kind == "list":
        text = as_text(raw)
        return split_list(text) if isinstance(text, str) else raw
    if leaf.kind in ("text", "choice"):
        return as_text(raw)
    if leaf.kind == "boolean":
        if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE
        return raw
    if leaf.kind in ("number", "integer"):
        return _number(raw)
    if leaf.kind == "date":
        if isinstance(raw, dt.datetime) and raw.time() == dt.time():
            return raw.date().isoformat()
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw.isoformat()
        return raw.strip() if isinstance(raw, str) else raw
    return raw


def as_text(raw: Any) -> Any:
    """Text as written; a number or date typed into a text cell becomes its text."""
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        return str(int(raw)) if raw.is_integer() else repr(raw)
    if isinstance(raw, dt.datetime) and raw.time() == dt.time():
        return raw.date().isoformat()
    return raw


def _number(raw: Any) -> Any:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else Decimal(repr(raw))
    if isinstance(raw, str) and _NUMBER.fullmatch(raw.strip()):
        number = Decimal(raw.strip())
        return int(number) if number == number.to_integral_value() else number
    return raw.strip() if isinstance(raw, str) else raw
