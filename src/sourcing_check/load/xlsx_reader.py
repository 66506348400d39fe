"""Read a questionnaire or plan workbook (.xlsx) into a Document located by cell.

The cells come from ``xlsx_xml`` (the workbook's XML, without openpyxl), a formula as the
value the spreadsheet application saved with it (a formula without a saved value is an error:
we never compute one). Cells are then read by ``xlsx_answers``.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.documents import PartialRead
from sourcing_check.load.files import MAX_BYTES, read_bytes
from sourcing_check.load.xlsx_answers import read_answers
from sourcing_check.load.xlsx_values import Grid, quote_sheet
from sourcing_check.load.xlsx_xml import ERROR, UNSAVED, RawCell, Workbook, merged_ranges
from sourcing_check.models.document import Document
from sourcing_check.models.project import PROJECT_KIND, ProjectPlan
from sourcing_check.models.sheets import ABOUT, ANSWERS, CHOICES, EVIDENCE, Layout, layout_of
from sourcing_check.models.vendor import VENDOR_KIND, VendorQuestionnaire

#: Bound on the unzipped size of a workbook (a zip bomb is refused before it is opened).
MAX_UNZIPPED = 50 * 1024 * 1024
MODELS = {VENDOR_KIND: VendorQuestionnaire, PROJECT_KIND: ProjectPlan}
#: The 'init' command that makes a blank workbook of each kind.
_INIT = {VENDOR_KIND: "vendor", PROJECT_KIND: "project"}
#: The sheets of a workbook that are not the same in every kind (one per list of items).
_SHARED = {ANSWERS, EVIDENCE, CHOICES, ABOUT}


def _template(kind: str) -> str:
    """The command that writes a blank workbook of a kind, quoted."""
    return f"'sourcing-check init {_INIT[kind]} --format xlsx'"


def _start(sheets: Iterable[str]) -> str:
    """Where to start instead: the template of the one kind whose own sheets are there, or of
    each kind when the sheets do not tell."""
    present = set(sheets)
    kinds = [
        kind
        for kind, model in MODELS.items()
        if present & (set(layout_of(model, kind).sheet_names()) - _SHARED)
    ]
    if len(kinds) == 1:
        return f"start from a workbook made by {_template(kinds[0])}"
    vendor, project = _template(VENDOR_KIND), _template(PROJECT_KIND)
    return f"start from {vendor} for a questionnaire, or {project} for a plan"


@dataclass
class _Opened:
    """The sheets as grids, and the problems met while opening them."""

    label: str
    grids: dict[str, Grid] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_workbook(
    path: Path, *, name: str | None = None, max_bytes: int = MAX_BYTES, regular_only: bool = False
) -> Document:
    """Read a workbook made by 'init --format xlsx' or 'convert'; raise InputError listing
    every problem, each located as ``Sheet!C14``."""
    label = name if name is not None else str(path)
    raw = read_bytes(path, label, max_bytes, regular_only=regular_only)
    opened = _open(raw, label)
    about = opened.grids.get(ABOUT)
    if about is None:
        message = "no 'About' sheet: this is not a questionnaire or plan workbook"
        hint = _start(opened.grids)
        raise InputError([*opened.problems, Problem(label, message, hint=hint, code="I204")])
    meta = {str(row.get(1, "")): (line, row.get(2)) for line, row in about.rows.items()}
    kind = meta.get("kind", (1, None))
    model = MODELS.get(kind[1]) if isinstance(kind[1], str) else None
    if model is None:
        expected = " or ".join(repr(k) for k in MODELS)
        where = about.ref(kind[0], 2)
        found = f"unknown kind {kind[1]!r}" if kind[1] else "no kind"
        message = f"{found}; expected {expected}"
        raise InputError(
            [*opened.problems, Problem(label, message, pointer="/kind", code="I204", place=where)]
        )
    assert isinstance(kind[1], str)
    layout = layout_of(model, kind[1])
    problems = opened.problems + _sheet_problems(label, layout, opened.grids)
    data, cells, read = read_answers(label, layout, opened.grids)
    problems += read
    version = meta.get("schema_version", (2, None))
    data = {"kind": kind[1], "schema_version": version[1], **data}
    cells.update({"": ANSWERS, "/kind": about.ref(kind[0], 2)})
    cells["/schema_version"] = about.ref(version[0], 2)
    digest = hashlib.sha256(raw).hexdigest()
    document = Document(path, label, data, {}, digest, cells, tuple(opened.grids))
    if problems:  # the rest is still validated, so that every problem is listed at once
        raise PartialRead(problems, document)
    return document


def _sheet_problems(label: str, layout: Layout, grids: dict[str, Grid]) -> list[Problem]:
    """Unknown sheets that hold something, and expected ones that are missing (renamed or
    deleted)."""
    expected = layout.sheet_names()
    problems = []
    for name, grid in grids.items():
        if name not in expected and grid.rows:  # an empty sheet added loses nothing
            listed = ", ".join(repr(n) for n in expected)
            message = f"unknown sheet {name!r}: its cells would not be read"
            hint = f"a {layout.kind} workbook has the sheets {listed}; move its answers there"
            problems.append(
                Problem(label, message, hint=hint, code="I112", place=quote_sheet(name))
            )
    for name in expected:
        if name not in grids and name != CHOICES:
            problems.append(
                Problem(
                    label,
                    f"the sheet {name!r} is missing (renamed or deleted?)",
                    hint="give it back its name, or copy it from a blank workbook made by "
                    + _template(layout.kind),
                    code="I112",
                )
            )
    return problems


def _open(raw: bytes, label: str) -> _Opened:
    """Every sheet as a grid of non-empty values; formulas replaced by their saved values."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
            if unzipped > MAX_UNZIPPED:
                limit = MAX_UNZIPPED // (1024 * 1024)
                raise InputError(
                    [Problem(label, f"the workbook unzips to more than {limit} MiB", code="I102")]
                )
            opened = _Opened(label)
            book = Workbook(archive)
            unsaved: list[Problem] = []
            for title, part in book.sheets:
                grid = opened.grids[title] = Grid(title, {})
                if title != CHOICES:  # the dropdowns' lists: no answers there
                    xml = archive.read(part)
                    for cell in book.cells(part, xml):
                        _take(opened, grid, cell, unsaved)
                    grid.merged = merged_ranges(xml)
            opened.problems += unsaved
    except (zipfile.BadZipFile, KeyError, IndexError, ParseError, ValueError) as exc:
        raise InputError(
            [
                Problem(
                    label,
                    f"cannot read the file as an .xlsx workbook ({type(exc).__name__})",
                    hint="save it from the spreadsheet application as 'Excel 2007-365 (.xlsx)'",
                    code="I101",
                )
            ]
        ) from None
    return opened


def _take(opened: _Opened, grid: Grid, cell: RawCell, unsaved: list[Problem]) -> None:
    """Put a cell's value in its grid, or note its problem: an error value (in the order of
    the sheets), a formula without a saved value (after those)."""
    if cell.kind == ERROR:
        opened.problems.append(
            Problem(
                opened.label,
                f"the cell holds the error value {cell.value}",
                hint="correct the formula or type the value",
                code="I113",
                place=grid.ref(cell.row, cell.column),
            )
        )
    elif cell.kind == UNSAVED:
        unsaved.append(
            Problem(
                opened.label,
                f"the formula {cell.formula} has no saved value",
                hint="open and save the file in a spreadsheet application (which stores "
                "each formula's value), or type the value instead of the formula",
                code="I113",
                place=grid.ref(cell.row, cell.column),
            )
        )
    else:
        grid.rows.setdefault(cell.row, {})[cell.column] = cell.value
        if "%" in cell.number_format:
            grid.percent.add((cell.row, cell.column))
        elif '"TRUE"' in cell.number_format and cell.value in (0, 1):
            grid.shown_as_boolean.add((cell.row, cell.column))
