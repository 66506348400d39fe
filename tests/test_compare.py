"""`sourcing-check compare`: the matrix, the ranking, and every output format."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.assess import assess
from sourcing_check.cli import main
from sourcing_check.comparison import compare
from sourcing_check.errors import InputError
from sourcing_check.load.subject import subject_from_data
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import load_framework
from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES, TEST_TABLES
from tests.helpers import TEST_DATE, mixed_vendor, reference

VENDORS = [
    str(EXAMPLES / name)
    for name in (
        "crowd-platform-vendor.yaml",
        "moderation-vendor.yaml",
        "self-assessment-vendor.yaml",
        "well-run-vendor.yaml",
    )
]


def _compare(runner: CliRunner, *extra: str) -> str:
    result = runner.invoke(main, ["compare", *VENDORS, *TEST_TABLES, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_text_matrix_ranks_and_fits_100_columns(runner: CliRunner) -> None:
    text = _compare(runner)
    assert max(len(line) for line in text.splitlines()) <= 100
    ranking = text[text.index("Ranking") : text.index("Scores by guideline")]
    # the well-run vendor (D) ranks first, the crowd platform (A) last
    assert ranking.index("[D] Kestrel") < ranking.index("[A] TaskHive")
    row = next(line for line in text.splitlines() if line.strip().startswith("PAI-1.8 "))
    assert row.split()[-8:] == ["✗", "FAIL", "✓", "pass", "?", "open", "✓", "pass"]


def test_only_differences_drops_rows_where_all_agree(runner: CliRunner) -> None:
    full, diff = _compare(runner), _compare(runner, "--only-differences")
    assert "PAI-3.10" in full and "PAI-3.10" not in diff  # every vendor passes it
    assert "PAI-1.8 " in diff


def test_markdown_and_csv(runner: CliRunner) -> None:
    md = _compare(runner, "--format", "md")
    assert "| 1 | D | Kestrel Data Services Ltd | Information needed |" in md
    rows = list(csv.reader(io.StringIO(_compare(runner, "--format", "csv"))))
    assert rows[0][:4] == ["guideline", "requirement", "level", "title"]
    assert rows[0][4:] == [
        "TaskHive Microwork Inc.",
        "Savanna Trust & Safety Ltd",
        "Lumen Language Services",
        "Kestrel Data Services Ltd",
    ]
    pai18 = next(r for r in rows if r[1] == "PAI-1.8")
    assert pai18[4:] == ["Fail", "Pass", "Unanswered", "Pass"]
    # what the ranking says, for a spreadsheet user too
    by_label = {(r[0], r[3]): r[4:] for r in rows}
    assert by_label["rank", ""] == ["4", "3", "2", "1"]
    overall = [float(score) for score in by_label["score", "Overall"]]
    assert overall[3] == max(overall)
    lowest = by_label["lowest pay", "share of the living wage"][3]
    assert lowest.endswith(")") and "% in " in lowest, lowest


def test_pdf_has_a_ranking_page_and_the_matrix(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "compare.pdf"
    _compare(runner, "--format", "pdf", "-o", str(target))
    assert target.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    first, *rest = text.split("\f")
    assert "Vendor comparison" in first and "Kestrel Data Services Ltd" in first
    assert "PAI-1.8" in "".join(rest)
    # each vendor's status as symbol and word, in column order (A to D)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("PAI-1.8 "))
    assert lines[at].split()[-4:] == ["✗", "✓", "?", "✓"]
    assert lines[at + 1].split() == ["FAIL", "pass", "open", "pass"]


def test_pdf_needs_a_file_and_two_inputs_are_needed(runner: CliRunner) -> None:
    no_file = runner.invoke(main, ["compare", *VENDORS, "--format", "pdf"])
    assert no_file.exit_code == 2 and "needs a file" in no_file.stderr
    one = runner.invoke(main, ["compare", VENDORS[0], *TEST_TABLES])
    assert one.exit_code == 2 and "at least two files" in one.stderr


def test_assessments_made_differently_are_not_compared() -> None:
    first = run([Path(VENDORS[0])], Settings(date=Settings().date.replace(year=2026, month=1)))
    second = run([Path(VENDORS[1])], Settings(date=Settings().date.replace(year=2026, month=2)))
    with pytest.raises(InputError):
        compare([*first.assessments, *second.assessments])


def test_a_subject_shown_below_the_living_wage_without_a_full_working_says_so() -> None:
    # USD 1/h = KES 130/h before unanswered fees and unpaid time: at most 65% of KES 200/h
    framework = load_framework(default_framework_dir())
    subjects = []
    for amount in (1, 3):
        data = {
            "kind": "vendor-questionnaire",
            "schema_version": 1,
            "vendor": {"name": f"V{amount}"},
            "pay": {
                "rates": [
                    {
                        "country": "KE",
                        "model": "hourly",
                        "rate": {"amount": amount, "currency": "USD", "period": "hour"},
                    }
                ]
            },
        }
        subjects.append(assess(subject_from_data(data, None), framework, reference(), TEST_DATE))
    low = compare(subjects).subjects[0]
    assert "pay shown below the living wage in KE (65.0%)" in low.reasons


def test_a_location_shown_below_the_living_wage_is_the_lowest_pay_over_a_computed_one(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = mixed_vendor()
    framework = load_framework(default_framework_dir())
    mixed = assess(subject_from_data(data, None), framework, reference(), TEST_DATE)
    subject = compare([mixed, mixed]).subjects[0]
    assert subject.lowest_pay == "at most 65.0% in KE (Mombasa)"
    assert not any(reason.startswith("lowest pay is") for reason in subject.reasons)
    assert "pay shown below the living wage in KE (Mombasa) (65.0%)" in subject.reasons
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    md = runner.invoke(main, ["compare", str(path), VENDORS[3], *TEST_TABLES, "--format", "md"])
    row = next(line for line in md.stdout.splitlines() if "| Mixed Ltd |" in line)
    assert "| at most 65.0% in KE (Mombasa) |" in row


@pytest.mark.parametrize("count", [3, 4])
def test_pdf_pages_are_filled_and_an_area_is_not_left_at_a_page_foot(
    count: int, tmp_path: Path, runner: CliRunner
) -> None:
    target = tmp_path / "compare.pdf"
    files = [*VENDORS[:count], *TEST_TABLES, "--date", "2026-11-24"]
    done = runner.invoke(main, ["compare", *files, "--format", "pdf", "-o", str(target)])
    assert done.exit_code == 0, done.output
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [
        [line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")
    ]
    pages = [page for page in pages if page]
    areas = {"Fair contracts and conditions", "Representation", "Supply-chain governance"}
    areas |= {"Wellbeing where content is harmful"}
    for number, lines in enumerate(pages[:-1], start=1):
        assert len(lines) > 20, f"page {number} is mostly empty: {lines}"
        body = [line for line in lines if not line.startswith("page ")]
        assert body[-1] not in areas, f"page {number} ends with the area heading {body[-1]!r}"


def test_a_lowest_pay_names_the_places_it_leaves_out(runner: CliRunner) -> None:
    """The board trial: TaskHive ranked on 'lowest pay is 16.0%, in PH' while its VE workers
    (35%, no benchmark) were left out, said only in a hint on standard error."""
    args = ["compare", VENDORS[0], VENDORS[3], "--date", "2026-11-24"]
    text = runner.invoke(main, args).stdout
    assert (
        "living wage, in PH (Metro Manila); pay not compared with a living wage in VE (no "
        "living wage)"
    ) in " ".join(text.split())
    table = runner.invoke(main, [*args, "--format", "csv"]).stdout
    row = next(r for r in csv.reader(io.StringIO(table)) if r and r[0] == "lowest pay")
    assert row[4:] == [
        "16.0% in PH (Metro Manila) (not compared: VE)",
        "103.2% in PH (Metro Manila)",
    ]


def test_a_place_without_a_rate_is_said_to_lack_its_rate(runner: CliRunner, tmp_path: Path) -> None:
    text = (EXAMPLES / "well-run-vendor.yaml").read_text()
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("- {country: PH"))
    lines.insert(at + 1, "    - {country: US, share_percent: 0}\n")
    vendor = tmp_path / "v.yaml"
    vendor.write_text("".join(lines))
    shown = runner.invoke(main, ["compare", str(vendor), VENDORS[0], "--date", "2026-11-24"])
    assert "pay not compared with a living wage in US (no pay rate)" in " ".join(
        shown.stdout.split()
    ), shown.output


def test_a_place_lacking_answers_is_not_said_to_lack_a_living_wage(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The second read: PH, whose benchmark was found but whose hours were not answered, was
    said to have 'no living wage' (the reader would add a table, not the hours)."""
    text = (EXAMPLES / "well-run-vendor.yaml").read_text()
    hours = "      contracted_hours_per_period: 173\n      unpaid_hours_per_period: 0\n"
    head, sep, tail = text.rpartition("    - country: PH")
    assert sep and hours in tail
    vendor = tmp_path / "v.yaml"
    vendor.write_text(head + sep + tail.replace(hours, "", 1))
    shown = runner.invoke(main, ["compare", str(vendor), VENDORS[0], "--date", "2026-11-24"])
    flat = " ".join(shown.stdout.split())
    assert "pay not compared with a living wage in PH (Metro Manila) (answers missing)" in flat
