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
