"""`guidelines lint` catches every defect with a file:line message and exit 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from sourcing_check.cli import main
from sourcing_check.errors import InputError
from sourcing_check.load.documents import read_document
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import load_framework

GOOD = """\
  - id: T-1.1
    guideline: pay
    title: A test requirement
    rationale: Because.
    level: must
    weight: 3
    scope: project
    check:
      /project/pilot/status: {const: completed}
    remediation: Run a pilot.
    source: {document: PAI, section: "Guideline 2", basis: text}
"""

DEFECTS = {
    "unknown key": (
        GOOD.replace("    weight: 3\n", "    weight: 3\n    wieght: 2\n"),
        "unknown field 'wieght'",
    ),
    "invalid schema": (GOOD.replace("{const: completed}", "{type: 12}"), "not a valid JSON Schema"),
    "unknown answer path": (
        GOOD.replace("/project/pilot/status", "/project/pilot/state"),
        "/project/pilot/state: no field 'state'",
    ),
    "unknown fact": (GOOD.replace("/project/pilot/status", "/facts/wages/lowest"), "unknown fact"),
    "undeclared parameter": (
        GOOD.replace("{const: completed}", "{maximum: {$param: nope}}"),
        "parameter 'nope' is not declared",
    ),
    "missing source": (
        GOOD.replace('    source: {document: PAI, section: "Guideline 2", basis: text}\n', ""),
        "missing required field 'source'",
    ),
    "missing remediation": (
        GOOD.replace("    remediation: Run a pilot.\n", ""),
        "missing required field 'remediation'",
    ),
    "undeclared source": (
        GOOD.replace("document: PAI,", "document: NOPE,"),
        "source 'NOPE' is not declared",
    ),
    "unknown guideline": (
        GOOD.replace("guideline: pay", "guideline: salary"),
        "unknown guideline 'salary'",
    ),
    "bad placeholder": (
        GOOD.replace("Run a pilot.", "Pay {facts.project_wage.nope}."),
        "fact 'project_wage' has no 'nope'",
    ),
    "bad combinator": (
        GOOD.replace(
            "/project/pilot/status: {const: completed}",
            "either: [{/project/pilot/status: {const: completed}}]",
        ),
        "unknown key 'either'",
    ),
    "duplicate id": (GOOD + GOOD, "duplicate requirement id 'T-1.1'"),
    "conditional without reason": (
        GOOD.replace(
            "    check:\n",
            "    applies_when:\n      /project/pay/model: {const: per_task}\n    check:\n",
        ),
        "needs a not_applicable_reason",
    ),
    "pending without reason": (
        GOOD.replace(
            "    check:\n",
            "    pending_when:\n      /project/pilot/status: {const: scheduled}\n    check:\n",
        ),
        "needs a pending_reason",
    ),
    "pending reads an unknown path": (
        GOOD.replace(
            "    check:\n",
            "    pending_when:\n      /project/pilot/state: {const: scheduled}\n"
            "    pending_reason: After the pilot.\n    check:\n",
        ),
        "/project/pilot/state: no field 'state'",
    ),
    "vendor rule reads the plan": (
        GOOD.replace("scope: project", "scope: vendor"),
        "only a project plan provides",
    ),
}


def _framework(tmp_path: Path, requirements: str) -> Path:
    directory = tmp_path / "fw"
    (directory / "requirements").mkdir(parents=True)
    shutil.copy(default_framework_dir() / "framework.yaml", directory / "framework.yaml")
    (directory / "requirements" / "x.yaml").write_text(
        "kind: guideline-requirements\nschema_version: 1\nrequirements:\n" + requirements
    )
    return directory


def test_the_shipped_framework_is_sound(runner: CliRunner) -> None:
    result = runner.invoke(main, ["guidelines", "lint"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stdout


def test_good_requirement_passes(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["guidelines", "lint", str(_framework(tmp_path, GOOD))])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_defect_is_reported_with_location(tmp_path: Path, runner: CliRunner, defect: str) -> None:
    text, message = DEFECTS[defect]
    directory = _framework(tmp_path, text)
    result = runner.invoke(main, ["guidelines", "lint", str(directory)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert f"{directory / 'requirements' / 'x.yaml'}:" in result.stderr
    assert "Traceback" not in result.output
    # a framework with a defect is never used silently
    with pytest.raises(InputError):
        load_framework(directory)


def test_check_refuses_a_broken_framework(tmp_path: Path, runner: CliRunner) -> None:
    directory = _framework(tmp_path, DEFECTS["duplicate id"][0])
    plan = tmp_path / "plan.yaml"
    plan.write_text("kind: project-plan\nschema_version: 1\nproject: {name: P}\n")
    result = runner.invoke(main, ["check", str(plan), "--guidelines", str(directory)])
    assert result.exit_code == 2
    assert "duplicate requirement id" in result.stderr


def test_guideline_schema_accepts_the_shipped_files(runner: CliRunner) -> None:
    schema = json.loads(runner.invoke(main, ["schema", "guidelines"]).stdout)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    directory = default_framework_dir()
    for path in [directory / "framework.yaml", *sorted(directory.glob("requirements/*.yaml"))]:
        data = json.loads(json.dumps(read_document(path).data, default=float))
        assert list(validator.iter_errors(data)) == [], path
