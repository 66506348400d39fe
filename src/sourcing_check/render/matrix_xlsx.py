"""The comparison matrix as one worksheet: a procurement team's working copy of ``compare``.

One sheet, ``Comparison``: the headings in row 1 (frozen with the requirement columns, with an
autofilter), then the summary rows (rank, verdict, overall score, lowest pay, the score of each
guideline area), then one row per requirement with each subject's status as symbol and word.
Status cells are filled by conditional formatting on their text, so the fill never carries the
status alone and follows an edited cell. Scores and ranks are numbers. Imported only for this
format: openpyxl stays out of every other command.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from sourcing_check.forms.xlsx_cells import at, heading_row, put, reproducible
from sourcing_check.models.comparison import Comparison
from sourcing_check.models.results import STATUS_LABELS, STATUS_SYMBOLS
from sourcing_check.render.escaping import printable
from sourcing_check.render.matrix import shown_rows

SHEET = "Comparison"
#: Columns before the subjects' (guideline area, requirement, level, title).
LEAD = 4
_WIDTHS = (16, 12, 8, 60)
_SUBJECT_WIDTH = 22
NOT_IN_SCOPE = "· Not in scope"
#: Fill per status (Excel's own good / bad / neutral tints); not in scope stays unfilled.
FILLS = {
    "pass": "C6EFCE",
    "fail": "FFC7CE",
    "unanswered": "FFEB9C",
    "unverified": "FFF2CC",
    "not_applicable": "EDEDED",
    "waived": "DDEBF7",
}
_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)


def status_text(status: str | None) -> str:
    """A status in a cell: symbol and word, e.g. '✗ Fail'."""
    if status is None:
        return NOT_IN_SCOPE
    return f"{STATUS_SYMBOLS[status]} {STATUS_LABELS[status]}"


def render(comparison: Comparison, only_differences: bool = False) -> bytes:
    """The comparison as an .xlsx workbook of one sheet (the same bytes for the same inputs)."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET
    c = comparison
    names = tuple(printable(s.name) for s in c.subjects)
    heading_row(
        sheet,
        ("Guideline area", "Requirement", "Level", "Title", *names),
        (*_WIDTHS, *(_SUBJECT_WIDTH,) * len(names)),
    )
    row = 2
    for values in _summary_rows(c):
        _write(sheet, row, values, bold=True)
        row += 1
    first_status = row
    for r in shown_rows(c, only_differences):
        _write(sheet, row, (r.guideline, r.requirement, r.level, r.title), bold=False)
        for offset, status in enumerate(r.statuses):
            put(at(sheet, row, LEAD + 1 + offset), status_text(status))
        row += 1
    last = max(row - 1, 1)
    last_column = get_column_letter(LEAD + len(names))
    sheet.freeze_panes = f"{get_column_letter(LEAD + 1)}2"
    sheet.auto_filter.ref = f"A1:{last_column}{last}"
    if row > first_status:
        _status_fills(sheet, f"{get_column_letter(LEAD + 1)}{first_status}:{last_column}{last}")
    _print_setup(sheet)
    book.properties.title = "Comparison: " + printable(_about(c))
    return reproducible(book)


def _print_setup(sheet: Worksheet) -> None:
    """Printed: landscape A4, as wide as the page, the headings on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"


def _about(c: Comparison) -> str:
    return f"{c.framework['title']} {c.framework['version']}, assessed for {c.assessment_date}"


def _summary_rows(c: Comparison) -> list[tuple[object, ...]]:
    """The rows above the requirements: what was compared, then each subject's standing."""
    subjects = c.subjects
    pay = [s.lowest_pay for s in subjects]
    must = [len(s.must_failed) for s in subjects]
    rows: list[tuple[object, ...]] = [
        ("about", "", "", _about(c), *(f"key {s.key}" for s in subjects)),
        ("rank", "", "", "Rank (1 is the best)", *(s.rank for s in subjects)),
        ("verdict", "", "", "Verdict", *(s.verdict_label for s in subjects)),
        ("score", "", "", "Overall score (0-100)", *(_number(s.score) for s in subjects)),
        ("lowest pay", "", "", "Lowest pay (share of the living wage)", *pay),
        ("must failed", "", "", "Must-level requirements failed", *must),
        ("why", "", "", "Why it ranks there", *("; ".join(s.reasons) for s in subjects)),
    ]
    for gid, title in c.guidelines.items():
        scores = (_number(s.scores.get(gid)) for s in subjects)
        rows.append(("score", "", "", f"Score: {title}", *scores))
    return rows


def _write(sheet: Worksheet, row: int, values: tuple[object, ...], *, bold: bool) -> None:
    for column, value in enumerate(values, start=1):
        cell = at(sheet, row, column)
        put(cell, printable(value) if isinstance(value, str) else value)
        cell.alignment = _WRAP
        if bold and column == LEAD:
            cell.font = _BOLD


def _number(value: Decimal | None) -> float | str:
    """A score as a number cell (rounded to the shown decimal), or 'n/a' when none applies."""
    return "n/a" if value is None else float(value)


def _status_fills(sheet: Worksheet, cells: str) -> None:
    """Fill each status cell by its text, with Excel's and LibreOffice's conditional formats."""
    for status, colour in FILLS.items():
        fill = PatternFill("solid", start_color=colour, end_color=colour, fgColor=colour)
        rule = CellIsRule(  # type: ignore[no-untyped-call]
            operator="equal", formula=[f'"{status_text(status)}"'], fill=fill
        )
        sheet.conditional_formatting.add(cells, rule)
