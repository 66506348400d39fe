"""Questionnaires as spreadsheets: the template, every kind of answer read back, located
errors, and the round trip YAML -> XLSX -> YAML for every example."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.errors import InputError
from sourcing_check.load.subject import load_input
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.sheet_words import join_list, split_list
from sourcing_check.models.sheets import ANSWER_COLUMNS, layout_of
from sourcing_check.models.vendor import VendorQuestionnaire
from tests.conftest import EXAMPLES, TEST_TABLES
from tests.xlsx_helpers import (
    answer,
    needs_soffice,
    open_book,
    row_of,
    soffice_convert,
    without_nulls,
    write_template,
)

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_input(path)
    return [problem.format() for problem in caught.value.problems]


def test_the_template_has_its_sheets_columns_and_dropdowns(tmp_path: Path) -> None:
    book = open_book(write_template(tmp_path / "q.xlsx"))
    assert book.sheetnames == [
        "Answers",
        "Engagement subcontractors",
        "Workforce locations",
        "Pay rates",
        "Living wage benchmark figures",  # pay/living_wage_benchmark/figures, cut to fit
        "Evidence",
        "Choices",
        "About",
    ]
    about = book["About"]
    assert about.sheet_state == "hidden"
    assert [[c.value for c in row] for row in about.iter_rows(max_row=3)] == [
        ["kind", "vendor-questionnaire"],
        ["schema_version", 1],
        ["tool_version", "9.9"],
    ]
    sheet = book["Answers"]
    assert tuple(c.value for c in sheet[1]) == ANSWER_COLUMNS
    assert sheet.column_dimensions["A"].hidden and sheet.protection.sheet
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    covering = {
        pointer: next(v for ref, v in rules.items() if f"C{row_of(sheet, pointer)}" in ref.split())
        for pointer in ("/rejection/appeal_available", "/rejection/rejected_work_paid")
    }
    assert covering["/rejection/appeal_available"].formula1 == '"TRUE,FALSE"'
    assert covering["/rejection/rejected_work_paid"].formula1 == '"always,except_fraud,never"'
    assert sheet.cell(row_of(sheet, "/pay/rates"), 5).value == "PAI-1.1"
    assert sheet.cell(row_of(sheet, "/vendor/answered_on"), 3).number_format == "yyyy-mm-dd"
    rates = book["Pay rates"]
    headings = [c.value for c in rates[1]]
    assert headings[:3] == ["Country", "Model", "Rate amount"] and "Evidence URL" in headings
    formulas = {v.formula1 for v in rates.data_validations.dataValidation}
    assert any(f and f.startswith("Choices!$") for f in formulas)  # countries: a long list
    assert '"per_task,hourly,salaried"' in formulas
    assert rates.column_dimensions["C"].number_format == "General"


def test_every_list_sheet_name_fits_and_every_pointer_is_unique() -> None:
    for model, kind in ((VendorQuestionnaire, "v"), (ProjectPlan, "p")):
        layout = layout_of(model, kind)
        assert len({row.pointer for row in layout.rows}) == len(layout.rows)
        for sheet in layout.lists:
            assert len(sheet.name) <= 31
            assert len({c.name for c in sheet.columns}) == len(sheet.columns)


@pytest.mark.parametrize(
    ("items", "text"),
    [([], "none"), (["a", "b"], "a, b"), (["a, b", "none"], '"a, b", "none"')],
)
def test_lists_of_words_are_comma_separated(items: list[str], text: str) -> None:
    assert join_list(items) == text
    assert split_list(text) == items


def test_a_filled_workbook_is_read_with_every_kind_of_answer(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme Data")  # text
    answer(book, "/vendor/jurisdictions", "KE, IN")  # list of codes
    answer(book, "/vendor/answered_on", dt.datetime(2026, 11, 5))  # date
    answer(book, "/vendor", "Answered by procurement.", column=6)  # section comment
    answer(book, "/vendor", "Company register extract", column=7)  # first evidence
    answer(book, "/vendor", dt.datetime(2026, 10, 1), column=10)
    answer(book, "/engagement/models", "employees")  # list of choices
    answer(book, "/engagement/subcontractors", "none")  # an empty list
    answer(book, "/engagement/all_subcontractors_disclosed", True)  # boolean
    answer(book, "/rejection/appeal_available", "yes")  # yes/no as text
    answer(book, "/rejection/rejected_work_paid", "except_fraud")  # choice
    answer(book, "/pay/fee_share_percent", 12.5)  # number
    answer(book, "/pay/living_wage_benchmark/year", 2025)  # integer
    answer(book, "/pay/payout/days_after_work", "30")  # a number typed as text
    rates = book["Pay rates"]
    for column, value in enumerate(["KE", "salaried", 72000, "KES", "month", 173], start=1):
        rates.cell(2, column).value = value
    headings = [cell.value for cell in rates[1]]
    rates.cell(2, headings.index("Evidence title") + 1).value = "Payslips, Nairobi"  # evidence
    evidence = book["Evidence"]
    evidence.append(["/vendor", "Tax certificate", "TX-1", "https://x.example", None])
    evidence.append(["/pay/rates/0", "Pay policy", None, None, dt.datetime(2026, 1, 2)])
    book.save(path)
    data = load_input(path).model.model_dump(exclude_unset=True)
    assert data["vendor"] == {
        "name": "Acme Data",
        "jurisdictions": ["KE", "IN"],
        "answered_on": dt.date(2026, 11, 5),
        "comment": "Answered by procurement.",
        "evidence": [
            {"title": "Company register extract", "date": dt.date(2026, 10, 1)},
            {"title": "Tax certificate", "reference": "TX-1", "url": "https://x.example"},
        ],
    }
    assert data["engagement"] == {
        "models": ["employees"],
        "subcontractors": [],
        "all_subcontractors_disclosed": True,
    }
    assert data["rejection"] == {"appeal_available": True, "rejected_work_paid": "except_fraud"}
    pay = data["pay"]
    assert pay["fee_share_percent"] == Decimal("12.5")
    assert pay["living_wage_benchmark"] == {"year": 2025}
    assert pay["payout"] == {"days_after_work": Decimal(30)}
    assert pay["rates"] == [
        {
            "country": "KE",
            "model": "salaried",
            "rate": {"amount": Decimal(72000), "currency": "KES", "period": "month"},
            "contracted_hours_per_period": Decimal(173),
            "evidence": [
                {"title": "Payslips, Nairobi"},
                {"title": "Pay policy", "date": dt.date(2026, 1, 2)},
            ],
        }
    ]
    assert "workforce" not in data  # nothing answered there


def test_a_bad_choice_is_located_at_its_cell(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    cell = answer(book, "/rejection/rejected_work_paid", "sometimes")
    book.save(path)
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}:{cell}: I203 Input should be 'always', 'except_fraud' or")
    assert "[/rejection/rejected_work_paid]" in problem


def test_a_text_in_a_number_cell_is_located(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    cell = answer(book, "/pay/fee_share_percent", "about 20")
    book["Pay rates"]["C2"] = "cheap"
    book["Pay rates"]["A2"] = "KE"
    book.save(path)
    lines = [problem.splitlines()[0] for problem in _problems(path)]
    number = "Input should be a number"
    assert f"{path}:{cell}: I203 {number}, got 'about 20' [/pay/fee_share_percent]" in lines
    assert f"{path}:'Pay rates'!C2: I203 {number}, got 'cheap' [/pay/rates/0/rate/amount]" in lines


def test_a_deleted_row_is_a_located_problem(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    sheet = book["Answers"]
    sheet.delete_rows(row_of(sheet, "/pay/fee_share_percent"))
    book.save(path)
    problems = _problems(path)
    assert (
        f"{path}:Answers: I112 the row of 'Fee share percent' is missing (deleted?): restore it "
        "[/pay/fee_share_percent]" in [p.splitlines()[0] for p in problems]
    )


def test_a_formula_without_a_saved_value_is_an_error(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    cell = answer(book, "/pay/fee_share_percent", "=10+5")  # openpyxl saves no value
    book.save(path)
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}:{cell}: I113 the formula =10+5 has no saved value")


def test_a_formula_with_a_saved_value_is_read_as_that_value(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    cell = answer(book, "/pay/fee_share_percent", "=10+5").split("!")[1]
    book.save(path)
    _save_formula_value(path, cell, "15")
    assert load_input(path).model.model_dump(exclude_unset=True)["pay"] == {
        "fee_share_percent": Decimal(15)
    }


def _save_formula_value(path: Path, cell: str, value: str) -> None:
    """Store a formula's value as a spreadsheet application does (openpyxl cannot)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    old = f'<c r="{cell}" s="'.encode()
    text = parts[sheet]
    start = text.index(old)
    end = text.index(b"</c>", start)
    parts[sheet] = text[:start] + text[start:end].replace(b"<v />", b"") + text[end:]
    parts[sheet] = parts[sheet].replace(b"<f>10+5</f>", f"<f>10+5</f><v>{value}</v>".encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda b: setattr(b["Pay rates"], "title", "Rates"),
            "q.xlsx:Rates: I112 unknown sheet 'Rates'",
        ),
        (
            lambda b: b.create_sheet("Notes").append(["ask HR"]),
            "q.xlsx:Notes: I112 unknown sheet 'Notes'",
        ),
        (
            lambda b: b["Answers"].append(["/pay/bonus", "Bonus", 5]),
            "a row with unknown pointer '/pay/bonus'",
        ),
        (
            lambda b: answer(b, "/pay/fee_share_percent", "late", column=6),
            "comment on a question row",
        ),
        (lambda b: b["Evidence"].append(["/nowhere", "Doc"]), "unknown section '/nowhere'"),
        (lambda b: b["Pay rates"].cell(1, 2, "Pay model"), "unknown column 'Pay model'"),
    ],
    ids=[
        "list-sheet-renamed",
        "unknown-sheet",
        "unknown-pointer",
        "misplaced-comment",
        "unknown-section",
        "renamed-column",
    ],
)
def test_cells_that_cannot_be_placed_are_located_errors(
    tmp_path: Path, change: object, expected: str
) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    assert callable(change)
    change(book)
    book.save(path)
    assert any(expected in problem for problem in _problems(path)), _problems(path)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_round_trip_yaml_xlsx_yaml_keeps_the_data(
    example: Path, tmp_path: Path, runner: CliRunner
) -> None:
    expected = without_nulls(load_input(example).model.model_dump(exclude_unset=True))
    workbook, back = tmp_path / "q.xlsx", tmp_path / "q.yaml"
    for source, target in ((example, workbook), (workbook, back)):
        done = runner.invoke(main, ["convert", str(source), "-o", str(target)])
        assert done.exit_code == 0, done.output
    from_xlsx = load_input(workbook).model.model_dump(exclude_unset=True)
    assert without_nulls(from_xlsx) == expected
    assert without_nulls(load_input(back).model.model_dump(exclude_unset=True)) == expected


def test_convert_to_json_and_the_same_bytes_twice(tmp_path: Path, runner: CliRunner) -> None:
    example = EXAMPLES / "well-run-vendor.yaml"
    outputs = [tmp_path / "a.xlsx", tmp_path / "b.xlsx", tmp_path / "v.json"]
    for target in outputs:
        assert runner.invoke(main, ["convert", str(example), "-o", str(target)]).exit_code == 0
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    expected = load_input(example).model.model_dump(exclude_unset=True)
    assert load_input(outputs[2]).model.model_dump(exclude_unset=True) == expected
    refused = runner.invoke(main, ["convert", str(example), "-o", str(outputs[2])])
    assert refused.exit_code == 2 and "already exists" in refused.output


def test_init_xlsx_then_validate_check_and_report_read_the_workbook(
    tmp_path: Path, runner: CliRunner
) -> None:
    blank = tmp_path / "blank.xlsx"
    done = runner.invoke(main, ["init", "vendor", "--format", "xlsx", "-o", str(blank)])
    assert done.exit_code == 0 and blank.is_file()
    refused = runner.invoke(main, ["validate", str(blank)])
    assert refused.exit_code == 2
    # the cell to fill, not the heading row of the empty section
    assert (
        f"{blank}:Answers!C3: I202 missing required field 'name' [/vendor/name]" in refused.output
    )
    assert "The supplier's legal or trading name" in refused.output
    plan = tmp_path / "plan.xlsx"
    runner.invoke(main, ["init", "project", "--format", "xlsx", "-o", str(plan)])
    refused = runner.invoke(main, ["validate", str(plan)])
    assert (
        f"{plan}:Answers!C3: I202 missing required field 'name' [/project/name]" in refused.output
    )
    filled = tmp_path / "moderation.xlsx"
    runner.invoke(main, ["convert", str(EXAMPLES / "moderation-vendor.yaml"), "-o", str(filled)])
    assert runner.invoke(main, ["validate", str(filled)]).exit_code == 0
    from_yaml = runner.invoke(
        main, ["check", str(EXAMPLES / "moderation-vendor.yaml"), "--format", "json", *TEST_TABLES]
    )
    from_xlsx = runner.invoke(main, ["check", str(filled), "--format", "json", *TEST_TABLES])
    assert from_xlsx.exit_code == from_yaml.exit_code == 1
    answers = [
        a for f in json.loads(from_xlsx.output)["assessments"][0]["findings"] for a in f["answers"]
    ]
    sheet = open_book(filled)["Answers"]
    cell = f"Answers!C{row_of(sheet, '/harmful_content/handles_harmful_content')}"
    assert {"file": str(filled), "place": cell} in [
        {"file": a["file"], "place": a["place"]}
        for a in answers
        if a["pointer"] == "/vendor/harmful_content/handles_harmful_content"
    ]
    pdf = tmp_path / "report.pdf"
    report = runner.invoke(main, ["report", str(filled), "-o", str(pdf), *TEST_TABLES])
    assert report.exit_code == 0, report.output


@needs_soffice
def test_libreoffice_opens_the_template_headless(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx", "project")
    csv = (soffice_convert(path, "csv", tmp_path) / "q.csv").read_text(encoding="utf-8")
    assert csv.splitlines()[0].startswith("Pointer,Question,Answer,Help")
    assert "/pilot/status" in csv


def test_a_moved_row_is_read_by_its_pointer(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    sheet = book["Answers"]
    source = row_of(sheet, "/rejection/appeal_available")
    target = row_of(sheet, "/vendor/website")
    for column in range(1, len(ANSWER_COLUMNS) + 1):  # swap the two rows' cells
        a, b = sheet.cell(source, column), sheet.cell(target, column)
        a.value, b.value = b.value, a.value
    answer(book, "/rejection/appeal_available", False)
    book.save(path)
    data = load_input(path).model.model_dump(exclude_unset=True)
    assert data["rejection"] == {"appeal_available": False}


def test_a_percent_formatted_number_and_an_error_value_are_refused(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    sheet = book["Answers"]
    percent = sheet.cell(row_of(sheet, "/pay/fee_share_percent"), 3)
    percent.value, percent.number_format = 0.2, "0%"
    wrong = sheet.cell(row_of(sheet, "/rejection/expected_rate_percent"), 3)
    wrong.value, wrong.data_type = "#DIV/0!", "e"
    book.save(path)
    problems = _problems(path)
    assert any(
        f"Answers!{percent.coordinate}: I113 the cell is formatted as a percentage" in p
        for p in problems
    )
    assert any(
        f"Answers!{wrong.coordinate}: I113 the cell holds the error value #DIV/0!" in p
        for p in problems
    )


def test_other_spreadsheets_and_unknown_kinds_are_refused(tmp_path: Path) -> None:
    old = tmp_path / "q.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert ".xls spreadsheets are not read" in _problems(old)[0]
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    book["About"]["B1"] = "supplier-survey"
    book.save(path)
    assert _problems(path)[0] == (
        f"{path}:About!B1: I204 unknown kind 'supplier-survey'; expected 'vendor-questionnaire' or "
        "'project-plan' [/kind]"
    )
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    assert "cannot read the file as an .xlsx workbook" in _problems(tmp_path / "broken.xlsx")[0]


@needs_soffice
def test_a_workbook_saved_again_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    example = load_input(EXAMPLES / "crowd-platform-vendor.yaml")
    expected = example.model.model_dump(exclude_unset=True)
    path = write_template(tmp_path / "q.xlsx", "vendor", expected)
    saved = soffice_convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path)
    again = load_input(saved / "q.xlsx").model.model_dump(exclude_unset=True)
    assert without_nulls(again) == without_nulls(expected)  # booleans come back as =FALSE()
