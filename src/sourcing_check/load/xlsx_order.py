"""A workbook's problems in the form's order: sheet by sheet (as the tabs run), then row by
row and column by column, so that a supplier fixes them top to bottom."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sourcing_check.errors import Problem
from sourcing_check.models.document import Document

#: A place as a problem names it: ``Answers!C14``, ``'Pay rates'!K2``, ``Answers!C4:C6`` (a
#: merged range, by its first cell) or a whole sheet (``Notes``).
_PLACE = re.compile(
    r"(?:'(?P<quoted>(?:[^']|'')*)'|(?P<plain>[^!]*))(?:!(?P<col>[A-Z]+)(?P<row>[0-9]+))?"
)


def in_form_order(document: Document, problems: Sequence[Problem]) -> list[Problem]:
    """``problems`` of a workbook by sheet, row and column; those placed nowhere (a sheet
    missing) first, a sheet that is not in the workbook after the others. A text file's
    problems are returned as they are (their lines order them when printed)."""
    if not document.sheets:
        return list(problems)
    tabs = {name: index for index, name in enumerate(document.sheets)}

    def position(problem: Problem) -> tuple[int, int, int, int]:
        found = _PLACE.match(problem.place)
        if not problem.place or found is None:
            return (-1, 0, 0, 0)
        quoted = found.group("quoted")
        sheet = quoted.replace("''", "'") if quoted is not None else found.group("plain")
        column = found.group("col") or ""
        row = int(found.group("row") or 0)
        return (tabs.get(sheet, len(tabs)), row, len(column), _letters(column))

    return sorted(problems, key=position)


def _letters(column: str) -> int:
    """A column's letters as a number of the same order among columns of that many letters."""
    value = 0
    for letter in column:
        value = value * 26 + ord(letter) - ord("A")
    return value
