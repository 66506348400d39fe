"""Hostile inputs (issue 13): every one is a located problem (exit 2), never a crash or hang."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from tests.conftest import TEST_TABLES

VENDOR = "kind: vendor-questionnaire\nschema_version: 1\nvendor:\n  name: V\n"
HUGE = "9" * 4301


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("int.yaml", VENDOR + f"pay:\n  fee_share_percent: {HUGE}\n", ":6:3: I203 "),
        ("neg.yaml", VENDOR + f"pay:\n  fee_share_percent: -{HUGE}\n", ":6:3: I203 "),
        (
            "year.yaml",
            VENDOR + f"pay:\n  living_wage_benchmark: {{year: {HUGE}}}\n",
            ":6:27: I203 ",
        ),
        ("exp.yaml", VENDOR + "pay:\n  fee_share_percent: 1e-99999999999999999999\n", ":6:3: "),
        (
            "int.json",
            '{"kind": "vendor-questionnaire", "schema_version": 1, "vendor": {"name": "V"},\n'
            f' "pay": {{"fee_share_percent": {HUGE}}}}}\n',
            ":2:10: I203 ",
        ),
        (
            "exp.json",
            '{"kind": "vendor-questionnaire", "schema_version": 1, "vendor": {"name": "V"},\n'
            ' "pay": {"fee_share_percent": 1e-99999999999999999999}}\n',
            ":2:10: I203 ",
        ),
    ],
)
@pytest.mark.parametrize("command", ["validate", "check"])
def test_huge_numbers_are_located_problems(
    tmp_path: Path, runner: CliRunner, name: str, text: str, where: str, command: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    options = TEST_TABLES if command == "check" else []
    result = runner.invoke(main, [command, str(path), *options])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"{path}{where}"), result.stderr


PLAN = """\
kind: project-plan
schema_version: 1
project: {name: P}
workers: {locations: [{country: KE}]}
rejection: {rejected_work_paid: always}
pay:
  fee_share_percent: 0
  unpaid_minutes_per_task: 0
  unpaid_hours_per_period: 0
"""


@pytest.mark.parametrize(
    ("pay", "line"),
    [
        (
            "  model: per_task\n  rate: {amount: 1, currency: KES, period: task}\n"
            "  minutes_per_task: 1e-30\n",
            12,
        ),
        (
            "  model: salaried\n  rate: {amount: 1, currency: KES, period: month}\n"
            "  contracted_hours_per_period: 1e-30\n",
            12,
        ),
        (
            "  model: per_task\n  rate: {amount: 1, currency: KES, period: task}\n"
            "  minutes_per_task: 2\n  tasks_per_worker: 1e-30\n"
            "  qualification: {minutes: 5, paid: false}\n",
            13,
        ),
    ],
)
@pytest.mark.parametrize("command", ["validate", "check"])
def test_tiny_divisors_are_refused(
    tmp_path: Path, runner: CliRunner, pay: str, line: int, command: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN + pay)
    options = TEST_TABLES if command == "check" else []
    result = runner.invoke(main, [command, str(path), *options])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"{path}:{line}:3: I203 Input should be greater than or equal")
