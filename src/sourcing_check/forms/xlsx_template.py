"""The questionnaire or plan as a workbook, blank ('init --format xlsx') or filled ('convert').

Sheets (see ``models/sheets.py``): Answers (one row per question, grouped under a heading row
per section; the heading row holds the section's comment and first evidence), one sheet per
list of items (rates, locations, ...), Evidence (further documents of a section), Choices
(the long code lists of the dropdowns) and a hidden About sheet (kind, schema and tool version).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from sourcing_check.forms.xlsx_cells import (
    HEADING_FONT,
    OPEN,
    SECTION_FILL,
    TEXT_FORMAT,
    TOP,
    UNUSED_FILL,
    WRAP,
    Validations,
    at,
    cell_value,
    choice_sheet,
    heading_row,
    note,
    number_format,
    put,
    reproducible,
)
from sourcing_check.models.document import value_at
from sourcing_check.models.sheets import (
    ABOUT,
    ANSWER_COLUMNS,
    ANSWERS,
    CHOICES,
    EVIDENCE,
    EVIDENCE_COLUMNS,
    NONE_WORD,
    Layout,
    Leaf,
    ListSheet,
    Row,
    layout_of,
)

_ANSWER_WIDTHS = (30, 32, 26, 64, 14, 40, 30, 20, 30, 13)
_LIST_ROWS = 500
_INLINE_LIMIT = 255


def render_workbook(
    model: type[BaseModel],
    kind: str,
    data: Mapping[str, Any] | None = None,
    needs: Mapping[str, Sequence[str]] | None = None,
    tool_version: str = "",
) -> bytes:
    """Return the .xlsx bytes of ``model``'s workbook, filled with ``data`` when given.

    ``needs`` maps an answer's pointer to the ids of the ``must`` requirements that read it;
    ``data`` is a validated model's ``model_dump(exclude_unset=True)``.
    """
    layout = layout_of(model, kind)
    answers: Mapping[str, Any] = data or {}
    book = Workbook()
    sheets = {name: book.create_sheet(name) for name in layout.sheet_names()}
    book.remove(book.worksheets[0])
    sections = tuple(row.pointer for row in layout.rows if row.section)
    ranges = choice_sheet(sheets[CHOICES], [*_long_choices(layout), ("Sections", sections)])
    validations = {name: Validations(sheet, ranges) for name, sheet in sheets.items()}
    _answers(sheets[ANSWERS], layout, answers, needs or {}, validations[ANSWERS])
    for spec in layout.lists:
        _list_sheet(sheets[spec.name], spec, answers, validations[spec.name])
    _evidence(sheets[EVIDENCE], layout, answers, validations[EVIDENCE], ranges["Sections"])
    _about(sheets[ABOUT], layout, tool_version)
    return reproducible(book)


def _long_choices(layout: Layout) -> list[tuple[str, tuple[str, ...]]]:
    leaves = [r.leaf for r in layout.rows if r.leaf] + [c for s in layout.lists for c in s.columns]
    found: dict[tuple[str, ...], str] = {}
    for leaf in leaves:
        if len(",".join(leaf.choices)) + 2 > _INLINE_LIMIT:
            found.setdefault(leaf.choices, leaf.name.split(" ")[-1])
    return [(name, values) for values, name in found.items()]


def needed_by(pointer: str, needs: Mapping[str, Sequence[str]]) -> list[str]:
    """The requirements that read the answer at ``pointer`` or a pointer above it, in their
    order in the framework (PAI-1.2 before PAI-1.10)."""
    found = {
        rid
        for read, ids in needs.items()
        if pointer == read or pointer.startswith(read + "/")
        for rid in ids
    }
    return sorted(
        found, key=lambda rid: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", rid)]
    )


def _answers(
    sheet: Worksheet,
    layout: Layout,
    data: Mapping[str, Any],
    needs: Mapping[str, Sequence[str]],
    validations: Validations,
) -> None:
    heading_row(sheet, ANSWER_COLUMNS, _ANSWER_WIDTHS)
    sheet.column_dimensions["A"].hidden = True
    for index, row in enumerate(layout.rows, start=2):
        _answer_row(sheet, index, row, layout, data, validations)
        put(at(sheet, index, 5), ", ".join(needed_by(row.pointer, needs)) or None)
    sheet.freeze_panes = "C2"
    # The pointer column is hidden and the sheet protected (no password): answers, comments
    # and evidence cells are open; rows cannot be deleted by accident.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _answer_row(
    sheet: Worksheet,
    index: int,
    row: Row,
    layout: Layout,
    data: Mapping[str, Any],
    validations: Validations,
) -> None:
    cells = [at(sheet, index, column) for column in range(1, len(ANSWER_COLUMNS) + 1)]
    put(cells[0], row.pointer, TEXT_FORMAT)
    put(cells[1], row.title)
    cells[1].alignment = Alignment(indent=row.depth, vertical="top", wrap_text=True)
    put(cells[3], row.help)
    cells[3].alignment = WRAP
    for cell in (cells[2], cells[4]):
        cell.alignment = TOP
    if row.leaf is not None:
        put(cells[2], cell_value(row.leaf, value_at(data, row.pointer)), number_format(row.leaf))
        validations.add(row.leaf, cells[2].coordinate)
    elif row.sheet:
        put(cells[2], NONE_WORD if value_at(data, row.pointer) == [] else None, TEXT_FORMAT)
    if row.role != "heading":
        cells[2].protection = OPEN
        for cell in cells[5:]:
            cell.fill = UNUSED_FILL
        return
    for cell in cells[1:5]:
        cell.fill = SECTION_FILL
    cells[1].font = HEADING_FONT
    if not row.section:
        for cell in cells[5:]:
            cell.fill = UNUSED_FILL
        return
    put(cells[5], value_at(data, f"{row.pointer}/comment"), TEXT_FORMAT)
    cells[5].alignment = WRAP
    cells[5].protection = OPEN
    first = value_at(data, f"{row.pointer}/evidence/0")
    _evidence_cells(cells[6:], first, layout.evidence, validations)


def _evidence_cells(
    cells: list[Cell], item: Any, leaves: tuple[Leaf, ...], validations: Validations
) -> None:
    """Fill the cells of one document (title, reference, URL, date), open for answers."""
    for cell, leaf in zip(cells, leaves, strict=True):
        put(cell, cell_value(leaf, value_at(item, leaf.path)), number_format(leaf))
        cell.alignment = WRAP
        cell.protection = OPEN
        validations.add(leaf, cell.coordinate)


def _list_sheet(
    sheet: Worksheet, spec: ListSheet, data: Mapping[str, Any], validations: Validations
) -> None:
    widths = tuple(_width(column) for column in spec.columns)
    heading_row(sheet, tuple(column.name for column in spec.columns), widths)
    items = value_at(data, spec.pointer) or []
    for number, column in enumerate(spec.columns, start=1):
        heading = at(sheet, 1, number)
        heading.comment = note(column.help)
        letter = heading.column_letter
        sheet.column_dimensions[letter].number_format = number_format(column)
        validations.add(column, f"{letter}2:{letter}{_LIST_ROWS}")
        for row, item in enumerate(items, start=2):
            value = cell_value(column, value_at(item, column.path))
            put(at(sheet, row, number), value, number_format(column))
    sheet.freeze_panes = "B2"


def _width(column: Leaf) -> int:
    if column.kind in ("boolean", "choice", "date", "integer", "number"):
        return max(12, min(len(column.name) + 2, 22))
    return 30


def _evidence(
    sheet: Worksheet,
    layout: Layout,
    data: Mapping[str, Any],
    validations: Validations,
    sections: str,
) -> None:
    heading_row(sheet, EVIDENCE_COLUMNS, (30, 40, 24, 36, 13))
    places = [row.pointer for row in layout.rows if row.section]
    for spec in (s for s in layout.lists if s.section):
        count = len(value_at(data, spec.pointer) or [])
        places += [f"{spec.pointer}/{index}" for index in range(count)]
    row = 2
    for place in places:
        for item in (value_at(data, f"{place}/evidence") or [])[1:]:
            put(at(sheet, row, 1), place, TEXT_FORMAT)
            cells = [at(sheet, row, column) for column in range(2, 6)]
            _evidence_cells(cells, item, layout.evidence, validations)
            row += 1
    # Offered, not enforced: a list item's pointer (/pay/rates/0) is not in the list.
    pick = DataValidation(type="list", formula1=sections, allow_blank=True, showErrorMessage=False)
    pick.add(f"A2:A{_LIST_ROWS}")
    sheet.add_data_validation(pick)
    at(sheet, 1, 1).comment = note(
        "The section the document supports, as its pointer (e.g. /pay, or /pay/rates/0 for the "
        "first row of the Pay rates sheet). A section's first document goes on its row of the "
        "Answers sheet (or in the Evidence columns of a list sheet); further ones go here."
    )
    sheet.freeze_panes = "A2"


def _about(sheet: Worksheet, layout: Layout, tool_version: str) -> None:
    rows = [
        ("kind", layout.kind),
        ("schema_version", layout.schema_version),
        ("tool_version", tool_version),
        ("title", layout.title),
        ("note", "Written by sourcing-check; read back by 'sourcing-check validate'."),
    ]
    for index, (key, value) in enumerate(rows, start=1):
        put(at(sheet, index, 1), key)
        put(at(sheet, index, 2), value)
    sheet.sheet_state = "hidden"
