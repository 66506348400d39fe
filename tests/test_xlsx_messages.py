"""A value that does not fit its question is echoed as the person wrote it, not as Python."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sourcing_check.errors import InputError
from sourcing_check.load.subject import load_input
from tests.xlsx_helpers import answer, open_book, write_template


def test_a_fraction_in_a_whole_number_cell_and_a_date_with_a_time_read_as_written(
    tmp_path: Path,
) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    year = answer(book, "/pay/living_wage_benchmark/year", 2024.5)
    when = answer(book, "/vendor/answered_on", dt.datetime(2026, 10, 1, 14, 30))
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_input(path)
    shown = {p.place: p.message for p in caught.value.problems}
    assert shown[year].endswith("got 2024.5"), shown
    assert shown[when].endswith("got 2026-10-01 14:30"), shown
    assert not any("Decimal(" in m or "datetime" in m for m in shown.values())
