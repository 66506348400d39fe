"""List-sheet column headings read well, and the headings earlier versions wrote still read."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

from sourcing_check.load.subject import load_input
from tests.xlsx_helpers import answer, open_book, write_template


def _headings(path: Path, sheet: str) -> list[str]:
    return [str(cell.value) for cell in open_book(path)[sheet][1]]


def test_a_nested_field_does_not_repeat_its_group_in_the_heading(tmp_path: Path) -> None:
    vendor = write_template(tmp_path / "v.xlsx")
    rates = _headings(vendor, "Pay rates")
    assert "Contracted hours" in rates and "Contracted hours per" in rates
    assert "Contracted hours hours" not in rates
    figures = _headings(vendor, "Living wage benchmark figures")
    assert figures[:4] == ["Country", "Amount", "Amount currency", "Amount period"]
    project = write_template(tmp_path / "p.xlsx", "project")
    assert "Contracted hours" in _headings(project, "Pay location rates")
    for path in (vendor, project):
        book = open_book(path)
        for sheet in book.worksheets:
            for cell in sheet[1]:
                words = str(cell.value or "").lower().split()
                assert all(a != b for a, b in itertools.pairwise(words)), cell.value


def test_a_workbook_with_the_former_headings_still_reads(tmp_path: Path) -> None:
    path = write_template(tmp_path / "v.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    rates = book["Pay rates"]
    columns = {str(cell.value): cell.column for cell in rates[1]}
    rates.cell(1, columns["Contracted hours"]).value = "Contracted hours hours"  # as 0.1.0 wrote
    row = {"Country": "KE", "Rate amount": 65000, "Rate currency": "KES", "Rate period": "month"}
    row |= {"Contracted hours per": "week"}
    for heading, value in row.items():
        rates.cell(2, columns[heading]).value = value
    rates.cell(2, columns["Contracted hours"]).value = 40
    figures = book["Living wage benchmark figures"]
    columns = {str(cell.value): cell.column for cell in figures[1]}
    figures.cell(1, columns["Amount"]).value = "Amount amount"
    cells = {"Country": "KE", "Amount": 50000, "Amount currency": "KES", "Amount period": "month"}
    cells["Hours per period"] = 173  # a monthly figure is refused without its hours
    for heading, value in cells.items():
        figures.cell(2, columns[heading]).value = value
    book.save(path)
    pay = load_input(path).model.model_dump(exclude_unset=True)["pay"]
    assert pay["rates"][0]["contracted_hours"] == {"hours": Decimal(40), "per": "week"}
    figure = pay["living_wage_benchmark"]["figures"][0]
    assert figure["amount"] == {"amount": Decimal(50000), "currency": "KES", "period": "month"}
