"""`guidelines lint`: every defect gets its code and location (cases in lint_cases.yaml), exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from sourcing_check.cli import main
from sourcing_check.errors import CODES, InputError, Problem
from sourcing_check.load.documents import read_document
from sourcing_check.models.facts import Facts
from sourcing_check.models.introspect import model_in
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import load_framework
from sourcing_check.rules.lint import RULES, pointer_error

CASES_FILE = Path(__file__).resolve().parent / "lint_cases.yaml"
_DATA = read_document(CASES_FILE).data
BASE: dict[str, str] = _DATA["base"]
CASES: list[dict[str, Any]] = _DATA["cases"]
HEADER = "kind: guideline-requirements\nschema_version: 1\nrequirements:\n"


def _framework(root: Path, case: dict[str, Any]) -> Path:
    """Write a case's framework under ``root`` and return the path to lint."""
    directory = root / "fw"
    files: dict[str, str | None] = {
        "framework.yaml": BASE["framework"],
        "requirements/x.yaml": HEADER + case.get("requirements", BASE["requirements"]),
        **case.get("files", {}),
    }
    for name, text in files.items():
        if text is not None:
            (directory / name).parent.mkdir(parents=True, exist_ok=True)
            (directory / name).write_text(text, encoding="utf-8")
    return root / case.get("lint", "fw")


def _at(problem: Problem, root: Path) -> str:
    where = Path(problem.file).relative_to(root).as_posix()
    return f"{where}:{problem.line}:{problem.column}" if problem.line else where


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_lint_case(tmp_path: Path, runner: CliRunner, case: dict[str, Any]) -> None:
    target = _framework(tmp_path, case)
    expect = case["expect"]
    with pytest.raises(InputError) as caught:  # a framework with a defect is never used
        load_framework(target, case.get("overrides"))
    found = [(p.code, _at(p, tmp_path), p.pointer) for p in caught.value.problems]
    assert found == [(expect["code"], expect["at"], expect["pointer"])]
    assert expect.get("message", "") in caught.value.problems[0].format()
    if "overrides" not in case:
        result = runner.invoke(main, ["guidelines", "lint", str(target)])
        assert result.exit_code == 2
        assert result.stderr == caught.value.problems[0].format() + "\n"


def test_every_lint_code_has_a_case() -> None:
    covered = {case["expect"]["code"] for case in CASES}
    assert {code for code in CODES if code.startswith("G")} <= covered
    assert len({case["name"] for case in CASES}) == len(CASES), "case names are test ids"


def test_the_base_framework_is_sound(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["guidelines", "lint", str(_framework(tmp_path, {}))])
    assert result.exit_code == 0, result.output
    assert "1 requirements, no problems" in result.stdout


def test_the_shipped_framework_is_sound(runner: CliRunner) -> None:
    result = runner.invoke(main, ["guidelines", "lint"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stdout


def test_the_rule_table_has_every_requirement_code() -> None:
    assert list(RULES) == [code for code in CODES if code.startswith("G2")]
    assert all(summary == CODES[code] for code, (summary, _) in RULES.items())


def test_codes_option_lists_what_lint_reports(runner: CliRunner) -> None:
    result = runner.invoke(main, ["guidelines", "lint", "--codes"])
    assert result.exit_code == 0
    listed = dict(line.split("  ", 1) for line in result.stdout.splitlines())
    guideline_codes = [code for code in CODES if code.startswith("G")]
    assert list(listed)[: len(guideline_codes)] == guideline_codes
    assert listed["I104"] == CODES["I104"]  # reading a guideline file is reading a file
    assert all(summary == CODES[code] for code, summary in listed.items())


def test_a_rule_may_read_any_field_of_a_fact_model() -> None:
    for name, info in Facts.model_fields.items():
        model = model_in(info.annotation)
        assert model is not None
        for key in model.model_fields:
            assert pointer_error(f"/facts/{name}/{key}") is None
    assert pointer_error("/facts/pricing/p90_minutes") == "fact 'pricing' has no 'p90_minutes'"


def test_check_refuses_a_broken_framework(tmp_path: Path, runner: CliRunner) -> None:
    directory = _framework(tmp_path, next(c for c in CASES if c["name"] == "duplicate id"))
    plan = tmp_path / "plan.yaml"
    plan.write_text("kind: project-plan\nschema_version: 1\nproject: {name: P}\n")
    result = runner.invoke(main, ["check", str(plan), "--guidelines", str(directory)])
    assert result.exit_code == 2
    assert f"{directory / 'requirements' / 'x.yaml'}:15:3: G201 " in result.stderr


def test_guideline_schema_accepts_the_shipped_files(runner: CliRunner) -> None:
    schema = json.loads(runner.invoke(main, ["schema", "guidelines"]).stdout)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    directory = default_framework_dir()
    for path in [directory / "framework.yaml", *sorted(directory.glob("requirements/*.yaml"))]:
        data = json.loads(json.dumps(read_document(path).data, default=float))
        assert list(validator.iter_errors(data)) == [], path
