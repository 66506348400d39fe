"""Helpers for the spreadsheet tests: write a workbook, find a question's row, compare data."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from sourcing_check.forms.schemas import INPUT_SCHEMAS
from sourcing_check.forms.xlsx_template import render_workbook


def write_template(path: Path, name: str = "vendor", data: dict[str, Any] | None = None) -> Path:
    """Write the ``vendor`` or ``project`` workbook (blank, or filled with ``data``)."""
    model, kind = INPUT_SCHEMAS[name]
    path.write_bytes(render_workbook(model, kind, data, {"/pay/rates": ["PAI-1.1"]}, "9.9"))
    return path


def open_book(path: Path) -> Workbook:
    """The workbook, for editing as a person would."""
    return load_workbook(path)


def row_of(sheet: Worksheet, pointer: str) -> int:
    """The Answers row of a pointer (column A)."""
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row, 1).value == pointer:
            return row
    raise KeyError(pointer)


def answer(book: Workbook, pointer: str, value: Any, column: int = 3) -> str:
    """Type ``value`` into the Answer cell (or another column) of ``pointer``; return the cell."""
    sheet = book["Answers"]
    cell = sheet.cell(row_of(sheet, pointer), column)
    cell.value = value
    return f"Answers!{cell.coordinate}"


def without_nulls(value: Any) -> Any:
    """The data with null values dropped, recursively (how the round trip is compared)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


#: Skips a test when LibreOffice is not installed (``make test`` installs it where it can).
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: the headless conversion check is skipped",
)


def soffice_convert(path: Path, target: str, folder: Path) -> Path:
    """Convert ``path`` with LibreOffice headless (``target`` as for ``--convert-to``, e.g.
    'csv' or 'xlsx:Calc MS Excel 2007 XML') into ``folder``; assert it succeeded; return the
    folder."""
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            target,
            "--outdir",
            str(folder / "out"),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return folder / "out"
