"""The output's name chooses its format when --format is not given (check -o results.json
wrote the text summary into results.json, compare -o vendors.pdf a text matrix, both with
exit 0); a name that says another format than --format, or one the command does not write, is
refused (exit 2) before anything is read or written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from tests.conftest import EXAMPLES, TEST_TABLES

VENDOR = str(EXAMPLES / "well-run-vendor.yaml")
OTHER = str(EXAMPLES / "moderation-vendor.yaml")
DATE = ["--date", "2026-11-24"]


def _run(runner: CliRunner, *args: str) -> tuple[int, str]:
    settings = [] if args[0] == "init" else [*TEST_TABLES, *DATE]
    done = runner.invoke(main, [*args, *settings])
    return done.exit_code, done.stderr


def test_check_writes_json_into_a_json_file(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "results.json"
    code, _ = _run(runner, "check", VENDOR, "-o", str(out))
    assert code in (0, 1)
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 2


@pytest.mark.parametrize(
    ("name", "fmt", "starts"),
    [
        ("findings.md", None, "# Kestrel Data Services Ltd"),
        ("todo.md", "checklist-md", "# Remediation checklist: Kestrel Data Services Ltd"),
        ("todo.csv", None, "\ufeffsubject,who_acts,"),
        ("summary.out", None, "Kestrel Data Services Ltd\n====="),  # a name saying nothing
        ("summary.txt", "json", "{\n"),  # .txt takes any format given
    ],
)
def test_check_writes_the_format_the_name_or_option_says(
    tmp_path: Path, runner: CliRunner, name: str, fmt: str | None, starts: str
) -> None:
    out = tmp_path / name
    code, _ = _run(runner, "check", VENDOR, "-o", str(out), *(["--format", fmt] if fmt else []))
    assert code in (0, 1)
    assert out.read_text(encoding="utf-8").startswith(starts)


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (
            ["check", VENDOR, "--format", "text", "-o", "{tmp}/y.json"],
            "y.json is named as a .json file, but --format is text",
            "drop --format to write json, or name it y.txt",
        ),
        (
            ["check", VENDOR, "-o", "{tmp}/z.pdf"],
            "check does not write .pdf files",
            ".pdf files are written by 'sourcing-check report'",
        ),
        (
            ["report", VENDOR, "-o", "{tmp}/r.json"],
            "report does not write .json files",
            "report writes pdf (.pdf)",
        ),
        (
            ["compare", VENDOR, OTHER, "-o", "{tmp}/c.json"],
            "compare does not write .json files",
            "compare writes text (.txt), md (.md), csv (.csv), xlsx (.xlsx), pdf (.pdf)",
        ),
        (
            ["init", "decision", VENDOR, "-o", "{tmp}/dec.xlsx"],
            "init decision does not write .xlsx files",
            "init decision writes yaml (.yaml)",
        ),
        (
            ["report", VENDOR, "-o", "{tmp}/r.txt"],
            "report does not write .txt files",
            "report writes pdf (.pdf)",
        ),
        (
            ["init", "vendor", "--format", "yaml", "-o", "{tmp}/w.xlsx"],
            "w.xlsx is named as a .xlsx file, but --format is yaml",
            "drop --format to write xlsx, or name it w.yaml",
        ),
    ],
)
def test_a_name_of_another_format_is_refused(
    tmp_path: Path, runner: CliRunner, args: list[str], message: str, hint: str
) -> None:
    code, stderr = _run(runner, *(a.format(tmp=tmp_path) for a in args))
    assert code == 2
    assert f"--output: {message}" in stderr and hint in stderr
    assert list(tmp_path.iterdir()) == []


def test_compare_and_diff_and_init_follow_the_name(tmp_path: Path, runner: CliRunner) -> None:
    matrix = tmp_path / "vendors.csv"
    assert _run(runner, "compare", VENDOR, OTHER, "-o", str(matrix))[0] == 0
    assert matrix.read_text(encoding="utf-8-sig").startswith("guideline,")
    changed = tmp_path / "changes.json"
    revised = str(EXAMPLES / "revised" / "well-run-vendor.yaml")
    assert _run(runner, "diff", VENDOR, revised, "-o", str(changed))[0] in (0, 1)
    assert "regressed" in json.loads(changed.read_text(encoding="utf-8"))
    workbook = tmp_path / "vendor.xlsx"
    done = runner.invoke(main, ["init", "vendor", "-o", str(workbook)])
    assert done.exit_code == 0, done.output
    assert workbook.read_bytes().startswith(b"PK")  # a workbook, not the YAML template
