"""A supplier's workbook as office software leaves it: merged cells, times, percentages.

Each answer is read as the supplier sees it, or refused at its cell; never dropped silently.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.errors import InputError
from sourcing_check.load.subject import load_input
from tests.conftest import EXAMPLES, TEST_TABLES
from tests.xlsx_helpers import answer, open_book, row_of, write_template


def _problems(path: Path) -> dict[str, str]:
    with pytest.raises(InputError) as caught:
        load_input(path)
    return {p.place: f"{p.code} {p.message}" for p in caught.value.problems}


def _as_workbook(runner: CliRunner, source: Path, book: Path) -> None:
    """Write the answers of ``source`` (YAML) as the workbook ``book``, as a supplier gets it."""
    assert runner.invoke(main, ["convert", str(source), "-o", str(book)]).exit_code == 0


def test_an_answer_merged_down_over_the_rows_below_is_refused_where_it_is(
    tmp_path: Path,
) -> None:
    # a supplier merges one TRUE over three yes/no questions: it shows in all three, but the
    # file holds it in the first cell only, so the other two would read as unanswered
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    first = answer(book, "/rejection/reasons_given", True)
    sheet = book["Answers"]
    top, bottom = (
        row_of(sheet, "/rejection/reasons_given"),
        row_of(sheet, "/rejection/appeal_available"),
    )
    sheet.merge_cells(start_row=top, start_column=3, end_row=bottom, end_column=3)
    book.save(path)
    shown = _problems(path)
    assert shown[first].startswith("I113 "), shown
    assert f"C{top}:C{bottom}" in shown[first]


def test_a_list_sheet_cell_merged_over_two_items_is_refused(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    sheet = book["Engagement subcontractors"]
    sheet["A2"], sheet["B2"], sheet["A3"] = "Nairobi Transcribers", "KE", "Night shift"
    sheet.merge_cells("B2:B3")  # one country shown for both subcontractors
    book.save(path)
    shown = _problems(path)
    assert shown["'Engagement subcontractors'!B2"].startswith("I113 "), shown


def test_cells_merged_along_one_row_read_as_before(tmp_path: Path) -> None:
    # a wide comment on a section's heading row loses nothing: it still reads
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    answer(book, "/rejection", "Policy in the handbook", column=6)
    sheet = book["Answers"]
    row = row_of(sheet, "/rejection")
    sheet.merge_cells(start_row=row, start_column=6, end_row=row, end_column=8)
    book.save(path)
    loaded = load_input(path)
    assert loaded.document.data["rejection"]["comment"] == "Policy in the handbook"


def test_a_time_typed_into_a_number_cell_is_echoed_as_the_time_shown(tmp_path: Path) -> None:
    # '1:30' typed for minutes per task becomes a time of day; the message shows it as typed
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    place = answer(book, "/communication/response_target_hours", dt.time(1, 30))
    book["Answers"][place.split("!")[1]].number_format = "h:mm"
    book.save(path)
    shown = _problems(path)
    assert shown[place].endswith("got 01:30"), shown
    assert "datetime" not in shown[place]


def test_a_percentage_cell_says_the_percentage_it_shows(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    place = answer(book, "/pay/fee_share_percent", 0.07)
    book["Answers"][place.split("!")[1]].number_format = "0%"
    book.save(path)
    shown = _problems(path)
    assert shown[place].endswith("holds 0.07 rather than 7"), shown


def test_the_checklist_of_a_workbook_names_the_cell_of_each_answer_and_document(
    tmp_path: Path, runner: CliRunner
) -> None:
    # a supplier who only has the spreadsheet must find what to answer, and where the
    # evidence goes, without knowing the hidden pointer column
    book = tmp_path / "lumen.xlsx"
    source = EXAMPLES / "self-assessment-vendor.yaml"
    _as_workbook(runner, source, book)
    sheet = open_book(book)["Answers"]
    todo = tmp_path / "todo.md"
    args = ["check", str(book), "--format", "checklist-md", "-o", str(todo), *TEST_TABLES]
    runner.invoke(main, args)
    text = todo.read_text(encoding="utf-8")
    paid = row_of(sheet, "/rejection/rejected_work_paid")
    assert f"/vendor/rejection/rejected_work_paid at {book}:Answers!C{paid} (" in text
    recruitment = row_of(sheet, "/recruitment")
    assert f"(add to 'evidence' at /vendor/recruitment, in {book}:Answers!G{recruitment}" in text
    # the same answers as YAML are named by pointer and line, as before
    as_yaml = runner.invoke(main, ["check", str(source), "--format", "checklist-md", *TEST_TABLES])
    assert "Answers!" not in as_yaml.output
    assert "/vendor/rejection/rejected_work_paid (" in as_yaml.output


def test_the_wage_table_names_the_cell_of_a_pay_input_left_empty(
    tmp_path: Path, runner: CliRunner
) -> None:
    # the wage working, like the findings, tells a spreadsheet user which cell to fill
    source = EXAMPLES / "moderation-vendor.yaml"
    book = tmp_path / "vendor.xlsx"
    _as_workbook(runner, source, book)
    filled = open_book(book)
    rates = filled["Pay rates"]
    headings = {cell.value: cell.column_letter for cell in rates[1]}
    rates[f"{headings['Contracted hours per period']}2"] = None
    filled.save(book)
    cell = f"'Pay rates'!{headings['Contracted hours']}2"
    hours = f"/vendor/pay/rates/0/contracted_hours at {book}:{cell}: "
    text = runner.invoke(main, ["check", str(book), *TEST_TABLES]).output
    assert f"KE (Nairobi)           not computed: {hours}the hours" in text
    md = runner.invoke(main, ["check", str(book), "--format", "md", *TEST_TABLES]).output
    assert f"| Not computed | {hours}the hours" in md
    assert f"Not answered: KE (Nairobi): {hours}the hours" in md  # PAI-1.2's finding
    # the same answers as YAML are named by pointer, as before
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    del data["pay"]["rates"][0]["contracted_hours_per_period"]
    plain = tmp_path / "vendor.yaml"
    plain.write_text(yaml.safe_dump(data), encoding="utf-8")
    text = runner.invoke(main, ["check", str(plain), *TEST_TABLES]).output
    assert "not computed: /vendor/pay/rates/0/contracted_hours: the hours" in text
    assert "xlsx" not in text


def test_an_answer_typed_beside_the_answers_sheet_columns_is_refused(tmp_path: Path) -> None:
    # with the sheet unprotected, a supplier writes its answer in a column of its own
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    beside = answer(book, "/recruitment/work_permits_tied", "No: all staff are local", column=11)
    book.save(path)
    shown = _problems(path)
    assert shown[beside].startswith("I112 "), shown


def test_a_value_beside_the_evidence_sheet_columns_is_refused(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    sheet = book["Evidence"]
    sheet["A2"], sheet["B2"], sheet["F2"] = "/pay", "Payslips", "2 of them, March and April"
    book.save(path)
    shown = _problems(path)
    assert shown["Evidence!F2"].startswith("I112 "), shown


def test_an_empty_sheet_added_loses_nothing_and_reads(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    book.create_sheet("Sheet1")
    book.create_sheet("Notes")["B4"] = "ask HR about the rejection policy"
    book.save(path)
    shown = _problems(path)
    assert list(shown) == ["Notes"], shown  # the one with something in it
