"""Cells of the questionnaire workbook: values, formats, dropdowns, styles, reproducible bytes.

Imported only when a workbook is made: openpyxl stays out of every other command.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from sourcing_check.models.sheet_words import join_list
from sourcing_check.models.sheets import CHOICES, Leaf

HEADING_FONT = Font(bold=True)
HEADING_FILL = PatternFill("solid", fgColor="DDE4EE")
SECTION_FILL = PatternFill("solid", fgColor="EEF1F5")
UNUSED_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
OPEN = Protection(locked=False)
#: Booleans shown as TRUE/FALSE everywhere (LibreOffice shows 1/0 under General).
FORMATS = {
    "integer": "0",
    "number": "General",
    "date": "yyyy-mm-dd",
    "boolean": '"TRUE";"TRUE";"FALSE"',
}
TEXT_FORMAT = "@"
_INLINE_LIMIT = 255
#: Zip entries get this timestamp, and the workbook these dates: same answers, same bytes.
_EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE = "docProps/core.xml"


def cell_value(leaf: Leaf, value: Any) -> Any:
    """The cell value for an answer (None leaves the cell empty)."""
    if value is None:
        return None
    if leaf.kind == "list" and isinstance(value, list):
        return join_list(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    return value


def at(sheet: Worksheet, row: int, column: int) -> Cell:
    """The cell at (row, column), 1-based; our sheets merge no cells."""
    cell = sheet.cell(row, column)
    assert isinstance(cell, Cell)
    return cell


def note(text: str) -> Comment:
    """A cell comment holding help text."""
    return Comment(text, "sourcing-check", height=160, width=320)


def put(cell: Cell, value: Any, number_format: str = "") -> None:
    """Write a value; text that looks like a formula stays text."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format


def number_format(leaf: Leaf) -> str:
    """The display format of an answer cell."""
    return FORMATS.get(leaf.kind, TEXT_FORMAT)


class Validations:
    """Data validations of one sheet, one per distinct rule, each over all its cells."""

    def __init__(self, sheet: Worksheet, choice_ranges: Mapping[tuple[str, ...], str]) -> None:
        self.sheet = sheet
        self.ranges = choice_ranges
        self.rules: dict[tuple[Any, ...], DataValidation] = {}

    def add(self, leaf: Leaf, cells: str) -> None:
        """Give ``cells`` (e.g. ``C7`` or ``D2:D500``) the dropdown or range check of ``leaf``."""
        key: tuple[Any, ...] = (leaf.kind, leaf.choices, leaf.minimum, leaf.maximum)
        if key not in self.rules:
            made = self._make(leaf)
            if made is None:
                return
            self.rules[key] = made
            self.sheet.add_data_validation(made)
        self.rules[key].add(cells)

    def _make(self, leaf: Leaf) -> DataValidation | None:
        if leaf.kind == "boolean":
            return _dropdown('"TRUE,FALSE"', "TRUE or FALSE")
        if leaf.kind == "choice":
            inline = '"' + ",".join(leaf.choices) + '"'
            if len(inline) <= _INLINE_LIMIT:
                return _dropdown(inline, "one of the listed values")
            return _dropdown(self.ranges[leaf.choices], "a value from the list")
        if leaf.kind in ("number", "integer"):
            low = leaf.minimum if leaf.minimum is not None else Decimal(-(10**15))
            high = leaf.maximum if leaf.maximum is not None else Decimal(10**15)
            return DataValidation(
                type="whole" if leaf.kind == "integer" else "decimal",
                operator="between",
                formula1=str(low),
                formula2=str(high),
                allow_blank=True,
                showErrorMessage=True,
                error="Enter a number in the range the Help column gives.",
            )
        if leaf.kind == "date":
            return DataValidation(
                type="date",
                operator="greaterThan",
                formula1="1",
                allow_blank=True,
                showErrorMessage=True,
                error="Expected a date (YYYY-MM-DD).",
            )
        return None


def _dropdown(formula: str, what: str) -> DataValidation:
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showDropDown=False,
        showErrorMessage=True,
        error=f"Choose {what}.",
    )


def choice_sheet(sheet: Worksheet, lists: list[tuple[str, tuple[str, ...]]]) -> dict[Any, str]:
    """Write the long choice lists (countries, currencies, sections) on the Choices sheet;
    return each list's range for dropdowns, keyed by its values and by its name."""
    ranges: dict[Any, str] = {}
    for index, (name, values) in enumerate(lists, start=1):
        column = at(sheet, 1, index).column_letter
        put(at(sheet, 1, index), name)
        at(sheet, 1, index).font = HEADING_FONT
        sheet.column_dimensions[column].width = 14
        for row, value in enumerate(values, start=2):
            put(at(sheet, row, index), value, TEXT_FORMAT)
        where = f"{CHOICES}!${column}$2:${column}${len(values) + 1}"
        ranges[values] = ranges[name] = where
    return ranges


def heading_row(sheet: Worksheet, headings: tuple[str, ...], widths: tuple[int, ...]) -> None:
    """Bold, filled headings in row 1 and the column widths."""
    for index, (text, width) in enumerate(zip(headings, widths, strict=True), start=1):
        cell = at(sheet, 1, index)
        put(cell, text)
        cell.font = HEADING_FONT
        cell.fill = HEADING_FILL
        cell.alignment = WRAP
        sheet.column_dimensions[cell.column_letter].width = width


def reproducible(book: Workbook) -> bytes:
    """Save the workbook with fixed dates, so the same answers give the same bytes."""
    stamp = dt.datetime(*_EPOCH)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "sourcing-check"
    buffer = io.BytesIO()
    book.save(buffer)
    book.properties.modified = stamp  # saving sets it to the time of day
    core = tostring(book.properties.to_tree())
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = core if info.filename == _CORE else source.read(info.filename)
            target.writestr(fixed, content)
    return out.getvalue()
