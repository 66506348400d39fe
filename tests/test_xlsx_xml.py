"""Workbooks as other spreadsheet applications save them: read from their XML as openpyxl did."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from sourcing_check.load.subject import load_input
from tests.xlsx_helpers import answer, open_book, write_template


def test_dates_of_the_1904_date_system_and_rich_text_are_read(tmp_path: Path) -> None:
    # Numbers for Mac and old Excel for Mac count days from 1904; a name typed with a bold
    # word is stored as runs of rich text
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    book.epoch = CALENDAR_MAC_1904
    answer(book, "/vendor/answered_on", dt.datetime(2026, 11, 5))
    bold = InlineFont(b=True)
    answer(book, "/vendor/name", CellRichText("Acme ", TextBlock(bold, "Data"), " Ltd"))
    book.save(path)
    vendor = load_input(path).model.model_dump(exclude_unset=True)["vendor"]
    assert vendor["answered_on"] == dt.date(2026, 11, 5)
    assert vendor["name"] == "Acme Data Ltd"
