"""compare --format xlsx: the matrix as one worksheet a procurement team can filter and share."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from sourcing_check.cli import main
from tests.conftest import EXAMPLES, TEST_TABLES
from tests.test_compare import VENDORS
from tests.xlsx_helpers import needs_soffice, soffice_convert


def _workbook(runner: CliRunner, target: Path, *extra: str) -> Path:
    args = ["compare", *VENDORS, *TEST_TABLES, "--format", "xlsx", "-o", str(target), *extra]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stdout
    return target


def _rows(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_one_sheet_with_frozen_headings_an_autofilter_and_the_ranking(
    tmp_path: Path, runner: CliRunner
) -> None:
    path = _workbook(runner, tmp_path / "vendors.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Comparison"]
    sheet = book["Comparison"]
    assert sheet.freeze_panes == "E2"  # headings and the requirement columns stay in view
    rows = _rows(path)
    assert sheet.auto_filter.ref == f"A1:H{len(rows)}"
    assert rows[0] == [
        "Guideline area",
        "Requirement",
        "Level",
        "Title",
        "TaskHive Microwork Inc.",
        "Savanna Trust & Safety Ltd",
        "Lumen Language Services",
        "Kestrel Data Services Ltd",
    ]
    by_label = {(r[0], r[3]): r[4:] for r in rows}
    assert by_label["rank", "Rank (1 is the best)"] == [4, 3, 2, 1]  # numbers, not text
    overall = by_label["score", "Overall score (0-100)"]
    assert all(isinstance(score, int | float) for score in overall)  # numbers, not text
    assert overall[3] == max(overall)  # type: ignore[type-var]
    assert by_label["verdict", "Verdict"][0] == "Not approved"
    lowest = by_label["lowest pay", "Lowest pay (share of the living wage)"][3]
    assert isinstance(lowest, str) and "% in " in lowest
    # an area where nothing applies says so instead of a blank or zero
    wellbeing = next(v for (g, t), v in by_label.items() if t and "Wellbeing" in str(t))
    assert "n/a" in wellbeing


def test_each_status_is_a_symbol_and_a_word_filled_by_its_text(
    tmp_path: Path, runner: CliRunner
) -> None:
    path = _workbook(runner, tmp_path / "vendors.xlsx")
    rows = _rows(path)
    pai18 = next(r for r in rows if r[1] == "PAI-1.8")
    assert pai18[2:] == [
        "must",
        "The vendor pays for rejected work unless fraud is shown",
        "✗ Fail",
        "✓ Pass",
        "? Unanswered",
        "✓ Pass",
    ]
    sheet = load_workbook(path)["Comparison"]
    rules = {
        rule.formula[0]: rule.dxf.fill.fgColor.rgb
        for ranges in sheet.conditional_formatting
        for rule in ranges.rules
    }
    assert rules['"✗ Fail"'].endswith("FFC7CE") and rules['"✓ Pass"'].endswith("C6EFCE")
    first = next(i for i, r in enumerate(rows, start=1) if i > 1 and r[1])
    ranges = [str(r.sqref) for r in sheet.conditional_formatting]
    assert ranges == [f"E{first}:H{len(rows)}"]  # the status cells, not the scores


def test_only_differences_and_the_same_bytes_each_time(tmp_path: Path, runner: CliRunner) -> None:
    full = _workbook(runner, tmp_path / "a.xlsx")
    again = _workbook(runner, tmp_path / "b.xlsx")
    assert full.read_bytes() == again.read_bytes()
    diff = _workbook(runner, tmp_path / "d.xlsx", "--only-differences")
    kept = {r[1] for r in _rows(diff) if r[1]}
    assert "PAI-1.8" in kept and "PAI-3.10" not in kept  # every vendor passes PAI-3.10
    assert "PAI-3.10" in {r[1] for r in _rows(full)}


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path: Path, runner: CliRunner) -> None:
    text = (EXAMPLES / "well-run-vendor.yaml").read_text(encoding="utf-8")
    vendor = tmp_path / "v.yaml"
    vendor.write_text(text.replace("Kestrel Data Services Ltd", "=HYPERLINK(1)"), encoding="utf-8")
    target = tmp_path / "c.xlsx"
    args = ["compare", VENDORS[0], str(vendor), *TEST_TABLES, "--format", "xlsx", "-o", str(target)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(target)["Comparison"]
    assert sheet["F1"].value == "=HYPERLINK(1)" and sheet["F1"].data_type == "s"


def test_xlsx_needs_a_file(runner: CliRunner) -> None:
    result = runner.invoke(main, ["compare", *VENDORS, *TEST_TABLES, "--format", "xlsx"])
    assert result.exit_code == 2
    assert "add -o FILE.xlsx" in result.output


@needs_soffice
def test_libreoffice_opens_the_comparison_headless(tmp_path: Path, runner: CliRunner) -> None:
    path = _workbook(runner, tmp_path / "vendors.xlsx")
    utf8 = "csv:Text - txt - csv (StarCalc):44,34,76"  # comma, double quote, UTF-8
    text = (soffice_convert(path, utf8, tmp_path) / "vendors.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0][4:] == _rows(path)[0][4:]
    assert next(r for r in rows if r[1] == "PAI-1.8")[4:] == [
        "✗ Fail",
        "✓ Pass",
        "? Unanswered",
        "✓ Pass",
    ]
