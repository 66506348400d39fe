"""The sheets of a questionnaire workbook into answers: Answers rows, list sheets, Evidence.

Every value read is placed by cell (``Answers!C14``), and every cell that cannot be placed is
a located problem: a row whose pointer is unknown or repeated, a row deleted, an unknown
column, a comment on a question row, an evidence row for an unknown section. Nothing is
skipped silently except rows and cells that are empty.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from sourcing_check.errors import Problem
from sourcing_check.load.xlsx_values import Grid, merged_down, typed
from sourcing_check.models.document import value_at as at
from sourcing_check.models.sheets import (
    ANSWER_COLUMNS,
    ANSWERS,
    EVIDENCE,
    EVIDENCE_COLUMNS,
    NONE_WORD,
    Layout,
    Leaf,
    ListSheet,
    Row,
)

_COMMENT = Leaf("/comment", "Comment", "", "text")
_FRESH = "copy it from a fresh template ('sourcing-check init ... --format xlsx')"
#: Answers-sheet columns a person fills in; the others are ours and are not read.
_FILLED = ("Answer", "Comment", *ANSWER_COLUMNS[-4:])


def read_answers(
    label: str, layout: Layout, grids: dict[str, Grid]
) -> tuple[dict[str, Any], dict[str, str], list[Problem]]:
    """Read the answers: (data, cell of every pointer, problems)."""
    reader = _Reader(label, layout)
    if ANSWERS in grids:
        reader.answers(grids[ANSWERS])
    for spec in layout.lists:
        if spec.name in grids:
            reader.list_sheet(grids[spec.name], spec)
    if EVIDENCE in grids:
        reader.evidence(grids[EVIDENCE])
    return reader.data, reader.cells, reader.problems


class _Reader:
    """Collects data, cells and problems while the sheets are read."""

    def __init__(self, label: str, layout: Layout) -> None:
        self.label = label
        self.layout = layout
        self.data: dict[str, Any] = {}
        self.cells: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.said_none: dict[str, str] = {}

    def problem(
        self, place: str, message: str, pointer: str = "", hint: str = "", code: str = "I112"
    ) -> None:
        """Record a problem at a cell (or a sheet); by default a layout problem (I112)."""
        self.problems.append(
            Problem(self.label, message, pointer=pointer, hint=hint, code=code, place=place)
        )

    def put(self, pointer: str, value: Any, place: str) -> None:
        """Set the value at ``pointer``, creating the sections above it."""
        tokens = pointer.split("/")[1:]
        node: Any = self.data
        for token, following in itertools.pairwise(tokens):
            if isinstance(node, list):
                while len(node) <= int(token):
                    node.append({})
                node = node[int(token)]
            else:
                node = node.setdefault(token, [] if following.isdigit() else {})
        if isinstance(node, list):
            node.append(value)
        else:
            node[tokens[-1]] = value
        self.cells[pointer] = place

    def columns(
        self, grid: Grid, expected: tuple[str, ...], former: dict[str, str] | None = None
    ) -> dict[str, int] | None:
        """Each expected heading's column (found by its name, or by a ``former`` one: the
        heading an earlier version wrote); None (and problems) when one is missing."""
        found = {(former or {}).get(h, h): c for h, c in grid.headings().items()}
        for heading, column in found.items():
            if heading not in expected:
                self.problem(
                    grid.ref(1, column),
                    f"unknown column {heading!r}: its cells would not be read",
                    hint="the columns are: " + ", ".join(expected),
                )
        missing = [heading for heading in expected if heading not in found]
        for heading in missing:
            self.problem(grid.ref(1, 1), f"the column {heading!r} is missing (renamed or deleted?)")
        return None if missing else {h: c for h, c in found.items() if h in expected}

    def strays(self, grid: Grid, number: int, columns: dict[str, int], pointer: str) -> None:
        """A value in a row outside the sheet's columns (no heading above it) is a problem."""
        for column in (c for c in grid.rows[number] if c not in columns.values()):
            message = "a value outside the sheet's columns: it would not be read"
            hint = "move it to the column it belongs in (a note: the section's Comment)"
            self.problem(grid.ref(number, column), message, pointer, hint=hint)

    def answers(self, grid: Grid) -> None:
        """The Answers sheet: one row per question, heading or list, found by its pointer."""
        columns = self.columns(grid, ANSWER_COLUMNS)
        if columns is None:
            return
        self.problems += merged_down(self.label, grid, [columns["Answer"]])
        rows = {row.pointer: row for row in self.layout.rows}
        seen: dict[str, int] = {}
        for number in sorted(grid.rows):
            cells = grid.rows[number]
            filled = {h: cells[columns[h]] for h in _FILLED if columns[h] in cells}
            pointer = cells.get(columns["Pointer"])
            if number > 1:
                self.strays(grid, number, columns, pointer if isinstance(pointer, str) else "")
            if number == 1 or (pointer is None and not filled):
                continue
            where = grid.ref(number, columns["Pointer"])
            row = rows.get(pointer) if isinstance(pointer, str) else None
            if row is None:
                what = f"unknown pointer {pointer!r}" if pointer else "no pointer"
                hint = "the hidden column A names each question; do not edit it or add rows"
                self.problem(where, f"a row with {what}: its cells cannot be placed", hint=hint)
            elif pointer in seen:
                message = f"the row of {pointer} is repeated (first on row {seen[pointer]})"
                self.problem(where, message, pointer)
            else:
                seen[row.pointer] = number
                self.answer_row(grid, number, row, columns, filled)
        for row in self.layout.rows:
            if row.pointer not in seen:
                message = f"the row of {row.title!r} is missing (deleted?): restore it"
                self.problem(ANSWERS, message, row.pointer, hint=_FRESH)

    def answer_row(
        self, grid: Grid, number: int, row: Row, columns: dict[str, int], filled: dict[str, Any]
    ) -> None:
        """One Answers row: a question's answer, a list's ``none``, or a heading's notes."""
        answer = filled.pop("Answer", None)
        answer_cell = grid.ref(number, columns["Answer"])
        extra = next(iter(filled), None)
        if row.leaf is not None or row.sheet:
            self.cells[row.pointer] = answer_cell
            if extra is not None:
                self.problem(
                    grid.ref(number, columns[extra]),
                    f"{extra.lower()} on a question row: comments and evidence belong to the "
                    "section, on its heading row above",
                    row.pointer,
                )
        if row.leaf is not None:
            if answer is not None:
                self.put(row.pointer, self.value(grid, number, columns["Answer"], row.leaf), "")
                self.cells[row.pointer] = answer_cell
            return
        if row.sheet:
            if answer is not None and str(answer).strip().lower() == NONE_WORD:
                self.said_none[row.pointer] = answer_cell
            elif answer is not None:
                message = f"the items go on the sheet {row.sheet!r}; write {NONE_WORD} here or "
                self.problem(answer_cell, message + "leave it empty", row.pointer)
            return
        self.heading_row(grid, number, row, columns, answer, filled)

    def heading_row(
        self,
        grid: Grid,
        number: int,
        row: Row,
        columns: dict[str, int],
        answer: Any,
        filled: dict[str, Any],
    ) -> None:
        """A section's heading row: no answer; its comment and first evidence document."""
        self.cells[row.pointer] = grid.ref(number, columns["Question"])
        if row.section:  # where its first document goes, named by what still asks for one
            self.cells[f"{row.pointer}/evidence"] = grid.ref(number, columns["Evidence title"])
        if answer is not None:
            message = "a section heading takes no answer: answer in the rows below it"
            self.problem(grid.ref(number, columns["Answer"]), message, row.pointer)
        if filled and not row.section:
            message = "this group takes no comment or evidence; use its section's heading row"
            self.problem(grid.ref(number, columns[next(iter(filled))]), message, row.pointer)
            return
        if "Comment" in filled:
            place = grid.ref(number, columns["Comment"])
            self.put(f"{row.pointer}/comment", typed(_COMMENT, filled["Comment"]), place)
        headings = zip(self.layout.evidence, ANSWER_COLUMNS[-4:], strict=True)
        self.evidence_item(grid, number, row.pointer, {leaf: columns[h] for leaf, h in headings})

    def evidence_item(
        self, grid: Grid, number: int, section: str, columns: dict[Leaf, int]
    ) -> None:
        """One document (title, reference, URL, date) from a row, appended to the section."""
        cells = grid.rows.get(number, {})
        if not any(column in cells for column in columns.values()):
            return
        found = at(self.data, section)
        index = len(found.get("evidence", [])) if isinstance(found, dict) else 0
        item = f"{section}/evidence/{index}"
        for leaf, column in columns.items():
            place = grid.ref(number, column)
            if column in cells:
                self.put(item + leaf.path, self.value(grid, number, column, leaf), place)
            self.cells[item + leaf.path] = place
        self.cells[item] = self.cells[item + self.layout.evidence[0].path]

    def list_sheet(self, grid: Grid, spec: ListSheet) -> None:
        """A list sheet: one item per non-empty row, one column per field."""
        former = {old: leaf.name for leaf in spec.columns for old in leaf.former}
        columns = self.columns(grid, tuple(leaf.name for leaf in spec.columns), former)
        if columns is None:
            return
        self.problems += merged_down(self.label, grid)
        count = 0
        for number in sorted(n for n in grid.rows if n > 1):
            cells = grid.rows[number]
            self.strays(grid, number, columns, spec.pointer)
            base = f"{spec.pointer}/{count}"
            self.cells[base] = grid.ref(number, 1)
            for leaf in spec.columns:
                column = columns[leaf.name]
                self.cells[base + leaf.path] = grid.ref(number, column)
                if column in cells and not leaf.path.startswith("/evidence/"):
                    value = self.value(grid, number, column, leaf)
                    self.put(base + leaf.path, value, grid.ref(number, column))
            if spec.section:
                pairs = zip(self.layout.evidence, spec.columns[-4:], strict=True)
                evidence = {leaf: columns[column.name] for leaf, column in pairs}
                self.evidence_item(grid, number, base, evidence)
            if at(self.data, base) is not None:
                count += 1
        said_none = self.said_none.get(spec.pointer)
        if said_none and count:
            message = f"the answer is {NONE_WORD}, but the sheet {spec.name!r} lists {count} items"
            self.problem(said_none, message, spec.pointer)
        elif said_none:
            self.put(spec.pointer, [], said_none)

    def evidence(self, grid: Grid) -> None:
        """The Evidence sheet: further documents, each naming its section by pointer."""
        columns = self.columns(grid, EVIDENCE_COLUMNS)
        if columns is None:
            return
        self.problems += merged_down(self.label, grid)
        sections = {row.pointer for row in self.layout.rows if row.section}
        lists = {spec.pointer for spec in self.layout.lists if spec.section}
        fields = dict(zip(self.layout.evidence, EVIDENCE_COLUMNS[1:], strict=True))
        for number in sorted(n for n in grid.rows if n > 1):
            self.strays(grid, number, columns, "")
            section = grid.rows[number].get(columns["Section"])
            parent, _, index = str(section).rpartition("/")
            item = parent in lists and index.isdigit() and at(self.data, str(section))
            if section in sections or item:
                documents = {leaf: columns[heading] for leaf, heading in fields.items()}
                self.evidence_item(grid, number, str(section), documents)
                continue
            what = f"unknown section {section!r}" if section else "no section"
            self.problem(
                grid.ref(number, columns["Section"]),
                f"a document with {what}: name the section it supports",
                hint="a section's pointer, e.g. /pay (the Choices sheet lists them), or "
                "/pay/rates/0 for the first row of a list sheet",
            )

    def value(self, grid: Grid, number: int, column: int, leaf: Leaf) -> Any:
        """The typed answer of a cell; a percent-formatted number is a problem (20% is 0.2),
        a 1 or 0 shown as TRUE or FALSE is that boolean."""
        raw = grid.rows[number][column]
        if leaf.kind == "number" and (number, column) in grid.percent:
            self.problem(
                grid.ref(number, column),
                f"the cell is formatted as a percentage, so it holds {raw} rather than "
                + format((Decimal(repr(raw)) * 100).normalize(), "f"),
                hint="format the cell as a number and write the percentage itself, e.g. 20",
                code="I113",
            )
        if leaf.kind == "boolean" and (number, column) in grid.shown_as_boolean:
            return bool(raw)
        return typed(leaf, raw)
