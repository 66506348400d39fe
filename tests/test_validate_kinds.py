"""`validate` on profiles and decision files: each recognised by its kind, its problems coded
(P1xx, P2xx, D1xx) and located, a valid one named valid with its kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.resources import profiles_dir
from tests.conftest import EXAMPLES

PROFILE = EXAMPLES / "board" / "review-board-profile.yaml"
DECISION = EXAMPLES / "board" / "well-run-decision.yaml"
PROFILE_HEAD = """\
kind: guideline-profile
schema_version: 1
id: test-org
title: Test organisation
description: A profile written by a test.
framework: pai-data-enrichment
"""

#: name -> (file text, a problem as printed after the file name)
BAD_FILES = {
    "profile-unknown-key": (PROFILE_HEAD + "selct: [PAI-1.1]\n", "7:1: P101 unknown field 'selct'"),
    "profile-missing": ("kind: guideline-profile\nschema_version: 1\n", "1:1: P102 missing"),
    "profile-wrong-value": (PROFILE_HEAD + "select: PAI-1.1\n", "7:1: P103 "),
    "profile-unknown-requirement": (
        PROFILE_HEAD + "deselect:\n  - {id: PAI-99.1, reason: none here}\n",
        "8:6: P201 ",
    ),
    "profile-unknown-parameter": (
        PROFILE_HEAD + "parameters:\n  max_benchmark_years: 2\n",
        "8:3: P202 ",
    ),
    "profile-other-framework": (
        PROFILE_HEAD.replace("pai-data-enrichment", "other-framework"),
        "6:1: P206 ",
    ),
    "decision-unknown-key": (
        DECISION.read_text().replace("    owner: Dr. Lena", "    ownr: Dr. Lena", 1),
        ": D101 unknown field 'ownr' [/conditions/0/ownr]",
    ),
    "decision-missing": (
        "kind: decision\nschema_version: 1\n",
        "1:1: D102 missing required field 'subject'",
    ),
    "decision-wrong-date": (
        DECISION.read_text().replace('due: "2027-01-08"', 'due: "next week"', 1),
        ": D103 ",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_broken_profile_or_decision_is_reported_located_and_coded(
    case: str, tmp_path: Path, runner: CliRunner
) -> None:
    text, expected = BAD_FILES[case]
    path = tmp_path / f"{case}.yaml"
    path.write_text(text)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    line = next(line for line in result.stderr.splitlines() if expected in line)
    line_number, column = line.removeprefix(f"{path}:").split(":")[:2]
    assert line_number.isdigit() and column.isdigit(), line  # located, always
    assert "Traceback" not in result.output


def test_valid_profiles_and_decisions_are_named_with_their_kind(runner: CliRunner) -> None:
    bundled = sorted(profiles_dir().glob("*.yaml"))
    files = [PROFILE, DECISION, EXAMPLES / "well-run-project.yaml", *bundled]
    result = runner.invoke(main, ["validate", *map(str, files)])
    assert result.exit_code == 0, result.output
    assert f"{PROFILE}: valid guideline-profile" in result.stdout
    assert f"{DECISION}: valid decision" in result.stdout
    assert "well-run-project.yaml: valid project-plan (with " in result.stdout
    for path in bundled:
        assert f"{path}: valid guideline-profile" in result.stdout
    result = runner.invoke(main, ["validate", "--format", "json", str(PROFILE), str(DECISION)])
    kinds = [(f["valid"], f["kind"]) for f in json.loads(result.stdout)["files"]]
    assert kinds == [(True, "guideline-profile"), (True, "decision")]


def test_a_broken_profile_does_not_stop_the_others(tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(PROFILE_HEAD + "parameters:\n  max_benchmark_years: 2\n")
    result = runner.invoke(main, ["validate", "--format", "json", str(bad), str(DECISION)])
    assert result.exit_code == 2
    first, second = json.loads(result.stdout)["files"]
    assert not first["valid"] and first["problems"][0]["code"] == "P202"
    assert first["problems"][0]["pointer"] == "/parameters/max_benchmark_years"
    assert second["valid"] and second["kind"] == "decision"


def test_an_unknown_kind_names_every_kind_validate_reads(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("kind: guideline-profil\nschema_version: 1\n")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    for kind in ("vendor-questionnaire", "project-plan", "guideline-profile", "decision"):
        assert f"'{kind}'" in result.stderr
    # check and report still take only questionnaires and plans
    result = runner.invoke(main, ["check", str(PROFILE)])
    assert result.exit_code == 2 and "I204" in result.stderr


@pytest.mark.parametrize(
    ("kind", "text", "hint"),
    [
        (
            "decision",
            DECISION.read_text().replace("    status: open\n", "", 1),
            "hint: status: open, in_progress or done.",
        ),
        ("decision", "kind: decision\nschema_version: 1\n", "sourcing-check schema decision"),
        (
            "profile",
            "kind: guideline-profile\nschema_version: 1\n",
            "sourcing-check schema profile",
        ),
        (
            "vendor",
            "kind: vendor-questionnaire\nschema_version: 1\n",
            "sourcing-check schema vendor",
        ),
    ],
)
def test_a_missing_field_s_hint_is_one_that_works(
    kind: str, text: str, hint: str, tmp_path: Path, runner: CliRunner
) -> None:
    """The hint on a missing field says what the field takes, or names the schema to read; a
    bare 'sourcing-check schema' would only fail asking which one."""
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert hint in result.stderr
    assert "'sourcing-check schema' to" not in result.stderr
