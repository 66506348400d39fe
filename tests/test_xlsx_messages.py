"""Workbook problems in a person's words: a value echoed as written, not as Python; a hint that
names the command for the workbook's own kind."""

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


@pytest.mark.parametrize(("name", "sheet"), [("vendor", "Pay rates"), ("project", "Evidence")])
def test_a_renamed_sheet_names_the_template_of_its_own_kind(
    tmp_path: Path, name: str, sheet: str
) -> None:
    path = write_template(tmp_path / "q.xlsx", name)
    book = open_book(path)
    book[sheet].title = "Renamed"
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_input(path)
    (missing,) = [p for p in caught.value.problems if "is missing" in p.message]
    assert missing.hint == (
        "give it back its name, or copy it from a blank workbook made by "
        f"'sourcing-check init {name} --format xlsx'"
    )


@pytest.mark.parametrize(
    ("sheets", "start"),
    [
        (["Pay rates"], "start from a workbook made by 'sourcing-check init vendor --format xlsx'"),
        (
            ["Workers locations"],
            "start from a workbook made by 'sourcing-check init project --format xlsx'",
        ),
        (
            [],
            "start from 'sourcing-check init vendor --format xlsx' for a questionnaire, or "
            "'sourcing-check init project --format xlsx' for a plan",
        ),
    ],
    ids=["vendor-sheets", "project-sheets", "no-sign-of-either"],
)
def test_a_workbook_without_its_about_sheet_names_the_template_its_sheets_suggest(
    tmp_path: Path, sheets: list[str], start: str
) -> None:
    path = write_template(tmp_path / "q.xlsx", "vendor" if "Pay rates" in sheets else "project")
    book = open_book(path)
    for title in book.sheetnames:
        if title not in (*sheets, "Answers"):
            del book[title]
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_input(path)
    (problem,) = caught.value.problems
    assert problem.code == "I204" and problem.hint == start


def test_a_number_cell_holding_text_with_a_comma_says_how_to_write_it(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    share = answer(book, "/pay/fee_share_percent", "20,5")
    book["Pay rates"].append(["KE", "salaried", "65,000", "KES", "month"])
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_input(path)
    hints = {p.place: p.hint for p in caught.value.problems}
    assert (
        hints["'Pay rates'!C2"] == "write 65000, not 65,000: a number takes no thousands separators"
    )
    assert hints[share] == "write 20.5, not 20,5: the decimal mark is a point"


def test_a_number_cell_holding_a_note_or_a_percent_sign_says_what_to_write(
    tmp_path: Path,
) -> None:
    """The supplier trial: '15%' typed as text, '60,000 gross' or '2 min' in a number cell got
    only the field's description."""
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    share = answer(book, "/pay/fee_share_percent", "15%")
    book["Pay rates"].append(["KE", "salaried", "60,000 gross", "KES", "month"])
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_input(path)
    hints = {p.place: p.hint for p in caught.value.problems}
    assert hints[share] == "write 15: a percentage is written out of 100, without the % sign"
    assert hints["'Pay rates'!C2"] == (
        "write 60000 alone, and put 'gross' in the section's comment"
    )


def test_a_pilot_p75_below_its_median_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = write_template(tmp_path / "plan.xlsx", "project")
    book = open_book(path)
    answer(book, "/project/name", "P")
    answer(book, "/pilot/median_minutes", 9)
    p75 = answer(book, "/pilot/p75_minutes", 8.2)
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_input(path)
    (problem,) = caught.value.problems
    assert (problem.place, problem.code) == (p75, "I203")
    assert problem.message.startswith("p75_minutes is 8.2, below median_minutes 9:")
