"""Outputs: no command writes over one of its inputs, by any name, even with --force; an
output that cannot be written says what to do. Each exits 2 with nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from tests.conftest import DATA, EXAMPLES, ROOT, TEST_TABLES

VENDOR = (EXAMPLES / "well-run-vendor.yaml").read_text(encoding="utf-8")
PLAN = (EXAMPLES / "well-run-project.yaml").read_text(encoding="utf-8")
DATE = ["--date", "2026-11-24"]


def _inputs(directory: Path, runner: CliRunner) -> dict[str, str]:
    """A questionnaire (and a hard link to it), a plan naming it, its assessment as JSON, a
    decision on the plan and a living-wage table; their paths by name."""
    vendor = directory / "v.yaml"
    vendor.write_text(VENDOR, encoding="utf-8")
    os.link(vendor, directory / "hard.yaml")
    plan = directory / "plan.yaml"
    plan.write_text(PLAN.replace("well-run-vendor.yaml", "v.yaml"), encoding="utf-8")
    assessment = directory / "v.json"
    made = runner.invoke(
        main, ["check", str(vendor), *TEST_TABLES, "--format", "json", "-o", str(assessment)]
    )
    assert made.exit_code in (0, 1), made.output
    decision = directory / "decision.yaml"
    made = runner.invoke(main, ["init", "decision", str(plan), "-o", str(decision), *DATE])
    assert made.exit_code == 0, made.output
    table = directory / "lw.yaml"
    table.write_text((DATA / "living-wages.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    names = {"v": vendor, "link": directory / "hard.yaml", "plan": plan, "json": assessment}
    return {k: str(v) for k, v in {**names, "decision": decision, "lw": table}.items()}


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "{v}", "-o", "{v}", "--force"],
        ["convert", "{v}", "-o", "{link}", "--force"],
        ["init", "decision", "{json}", "-o", "{json}", "--force"],
        ["init", "decision", "{plan}", "-o", "{v}", "--force", *DATE],
        ["init", "decision", "{plan}", "--from", "{decision}", "-o", "{decision}", "--force"],
        ["diff", "{json}", "{v}", "-o", "{json}", *TEST_TABLES],
        ["diff", "{plan}", "{plan}", "-o", "{link}", *DATE],
        ["report", "{v}", "-o", "{json}", "--previous", "{json}", *TEST_TABLES],
        ["report", "{v}", "-o", "{v}.pdf", "--html", "{json}", "--previous", "{json}"],
        ["reference", "export", "living-wages", "--living-wages", "{lw}", "-o", "{lw}"],
    ],
    ids=[
        "convert-onto-itself",
        "convert-onto-a-hard-link",
        "init-decision-onto-its-assessment",
        "init-decision-onto-the-plan-s-questionnaire",
        "init-decision-onto-the-decision-carried-from",
        "diff-onto-old",
        "diff-onto-the-plan-s-questionnaire",
        "report-onto-previous",
        "report-html-onto-previous",
        "reference-export-onto-the-table-given",
    ],
)
def test_an_input_is_never_overwritten(tmp_path: Path, runner: CliRunner, args: list[str]) -> None:
    names = _inputs(tmp_path, runner)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = runner.invoke(main, [a.format(**names) for a in args])
    assert result.exit_code == 2, result.output
    if args[0] == "report" and args[2] == "-o" and args[3] == "{json}":
        # refused before anything is read: a report is a PDF, and the name says JSON
        assert "report does not write .json files" in result.stderr
    elif args[0] == "diff" and args[-3] == "{link}":
        assert "diff does not write .yaml files" in result.stderr
    elif args[:2] == ["init", "decision"] and args[3:5] == ["-o", "{json}"]:
        assert "init decision does not write .json files" in result.stderr  # a decision is YAML
    else:
        assert (
            "is one of the inputs" in result.stderr and "refusing to overwrite it" in result.stderr
        )
        assert "nothing written" in result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_the_catalogue_is_never_written_over_a_framework_file(
    tmp_path: Path, runner: CliRunner
) -> None:
    import shutil

    framework = tmp_path / "framework"
    shutil.copytree(ROOT / "guidelines" / "pai-data-enrichment", framework)
    target = framework / "requirements" / "1-pay.yaml"
    before = target.read_bytes()
    args = ["guidelines", "docs", "--guidelines", str(framework), "-o", str(target)]
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "refusing to overwrite it" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("command", ["check", "report"])
@pytest.mark.parametrize("where", ["a-directory", "under-a-file"])
def test_an_output_that_cannot_be_written_says_what_to_do(
    tmp_path: Path, runner: CliRunner, command: str, where: str
) -> None:
    vendor = tmp_path / "v.yaml"
    vendor.write_text(VENDOR, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    name = "out.pdf" if command == "report" else "out.json"
    output = tmp_path / "folder" if where == "a-directory" else vendor / name
    result = runner.invoke(main, [command, str(vendor), *TEST_TABLES, "-o", str(output)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{output}: "))
    first, hint = lines[at : at + 2]
    assert hint.startswith("    hint: ")
    if where == "a-directory":
        assert "is a directory" in first and "name of the file" in hint
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "v.yaml"]
    assert list((tmp_path / "folder").iterdir()) == []
