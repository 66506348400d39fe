"""`sourcing-check check`: formats, exit codes, several files, and a plan with its vendor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from sourcing_check.cli import main
from sourcing_check.forms.schemas import named_schema
from tests.conftest import EXAMPLES, TEST_TABLES

VENDOR = """\
kind: vendor-questionnaire
schema_version: 1
vendor: {name: Ridge Annotation}
rejection: {rejected_work_paid: never}
"""

PLAN = """\
kind: project-plan
schema_version: 1
project: {name: Street signs}
sourcing: {vendor_questionnaire: vendors/ridge.yaml}
pay:
  model: per_task
  rate: {amount: 0.02, currency: USD, period: task}
  minutes_per_task: 2
  unpaid_minutes_per_task: 0
  fee_share_percent: 0
workers: {locations: [{country: KE}]}
rejection: {rejected_work_paid: always}
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "vendors").mkdir()
    vendor = tmp_path / "vendors" / "ridge.yaml"
    vendor.write_text(VENDOR)
    plan = tmp_path / "signs.yaml"
    plan.write_text(PLAN)
    return {"vendor": vendor, "plan": plan}


def test_text_output_names_the_problem_and_the_fix(
    files: dict[str, Path], runner: CliRunner
) -> None:
    result = runner.invoke(main, ["check", str(files["plan"]), *TEST_TABLES])
    assert result.exit_code == 1  # not approved, default --fail-on not-approved
    out = result.stdout
    assert "Street signs (vendor: Ridge Annotation)" in out
    assert "Verdict: NOT APPROVED" in out
    # USD 0.02 x 60 / 2 = USD 0.60/h = KES 78/h against KES 200/h: needs USD 0.0513
    assert "KES 78.00" in out
    assert "USD 0.0513 per task" in out
    # the vendor's own policy is assessed too (vendor scope): rejected work unpaid
    assert "PAI-1.8" in out
    assert out.index("[must]") < out.index("[should]")


def test_fail_on_never_and_conditions(files: dict[str, Path], runner: CliRunner) -> None:
    base = ["check", str(files["plan"]), *TEST_TABLES, "--fail-on"]
    assert runner.invoke(main, [*base, "never"]).exit_code == 0
    assert runner.invoke(main, [*base, "conditions"]).exit_code == 1


def test_json_is_the_canonical_assessment(files: dict[str, Path], runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(files["plan"]), *TEST_TABLES, "--format", "json"])
    document = json.loads(result.stdout)
    Draft202012Validator(named_schema("assessment")).validate(document)
    assert document["schema_version"] == 2
    (data,) = document["assessments"]
    assert data["verdict"]["value"] == "not_approved"
    assert isinstance(data["overall"]["score"], float)
    assert all(isinstance(s["possible"], int | float) for s in data["scores"])
    bundled = [f["path"] for f in data["files"] if f["role"] == "guidelines"]
    # bundled files are named by their place in the package, the same on every machine
    assert bundled[0] == "<bundled>/guidelines/pai-data-enrichment/framework.yaml"
    roles = {f["role"] for f in data["files"]}
    assert roles == {"project-plan", "vendor-questionnaire", "guidelines", "reference"}
    finding = next(f for f in data["findings"] if f["requirement"] == "PAI-1.7")
    assert finding["status"] == "pass"
    assert finding["answers"][0]["file"].endswith("signs.yaml")
    assert finding["answers"][0]["line"] == 12


def test_same_inputs_same_json(files: dict[str, Path], runner: CliRunner) -> None:
    first = runner.invoke(main, ["check", str(files["plan"]), *TEST_TABLES, "--format", "json"])
    second = runner.invoke(main, ["check", str(files["plan"]), *TEST_TABLES, "--format", "json"])
    assert first.stdout == second.stdout


def test_several_files_and_a_broken_one_writes_nothing(
    files: dict[str, Path], tmp_path: Path, runner: CliRunner
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: project-plan\nschema_version: 1\nprojct: {name: x}\n")
    gone = tmp_path / "gone.yaml"
    target = tmp_path / "out.json"
    paths = [str(files["plan"]), str(broken), str(files["vendor"]), str(gone)]
    for extra in ([], ["--format", "json", "-o", str(target)]):
        result = runner.invoke(main, ["check", *paths, *TEST_TABLES, *extra])
        assert result.exit_code == 2
        assert result.stdout == ""
        # every broken file is named, not just the first
        assert f"{broken}:3:1: I201 unknown field 'projct'" in result.stderr
        assert f"{gone}: I101 " in result.stderr
        assert "nothing written" in result.stderr
    assert not target.exists()


def test_missing_vendor_file_is_located(tmp_path: Path, runner: CliRunner) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)
    result = runner.invoke(main, ["check", str(plan), *TEST_TABLES])
    assert result.exit_code == 2
    assert f"{plan}:4:12: I301 names a vendor questionnaire that cannot be read" in result.stderr


def test_output_file_and_markdown(
    files: dict[str, Path], tmp_path: Path, runner: CliRunner
) -> None:
    target = tmp_path / "out" / "assessment.md"
    result = runner.invoke(
        main,
        [
            "check",
            str(files["plan"]),
            *TEST_TABLES,
            "--format",
            "md",
            "-o",
            str(target),
            "--fail-on",
            "never",
        ],
    )
    assert result.exit_code == 0
    assert result.stdout == f"wrote {target}\n"  # as report, compare and convert say
    text = target.read_text()
    assert "**Verdict: Not approved**" in text
    assert "| Share of the living wage | effective / living wage | 39.0% |" in text


def test_unwritable_output_is_a_clear_error(
    files: dict[str, Path], tmp_path: Path, runner: CliRunner
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    result = runner.invoke(
        main,
        [
            "check",
            str(files["plan"]),
            *TEST_TABLES,
            "--format",
            "json",
            "-o",
            str(blocker / "out.json"),
        ],
    )
    assert result.exit_code == 2
    assert "cannot write the file" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_answers_are_quoted_literally_in_messages() -> None:
    # a failure the author wrote no message for quotes the answers that failed it; an answer
    # that looks like a placeholder is quoted as written, never filled in (no check of the
    # bundled framework fails on free text alone, so the quoting is asked directly)
    from sourcing_check.rules.evaluate import _as_answered

    quoted = {"pointer": "/project/instructions/version", "value": "{params.max_payout_days}"}
    fine = {"pointer": "/project/instructions/workers_told_of_changes", "value": True}
    message = _as_answered("T", [quoted, fine], [quoted["pointer"]])  # type: ignore[list-item]
    assert message == "Not met, as answered: /instructions/version = '{params.max_payout_days}'"


def test_a_bug_is_one_line_and_exit_3(
    files: dict[str, Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("sourcing_check.cli.batch.assess_file", broken)
    result = runner.invoke(main, ["check", str(files["plan"]), *TEST_TABLES])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert "internal error (RuntimeError: boom)" in result.stderr
    assert "Traceback" not in result.stderr
    debug = runner.invoke(main, ["--debug", "check", str(files["plan"]), *TEST_TABLES])
    assert isinstance(debug.exception, RuntimeError)


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("never", 0), ("conditions", 1), ("information-needed", 1), ("not-approved", 1)],
)
def test_fail_on_thresholds(
    files: dict[str, Path], runner: CliRunner, fail_on: str, code: int
) -> None:
    # the plan's verdict is 'not approved', the worst: every threshold but 'never' trips
    result = runner.invoke(main, ["check", str(files["plan"]), *TEST_TABLES, "--fail-on", fail_on])
    assert result.exit_code == code


def test_a_closed_pipe_is_not_a_bug(
    files: dict[str, Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'check ... | head -1': the reader leaves while the output is still being written
    def reader_gone(*args: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("sourcing_check.cli.batch.assess_file", reader_gone)
    result = runner.invoke(main, ["check", str(files["plan"]), *TEST_TABLES])
    assert result.exit_code == 141  # as a shell reports a process ended by SIGPIPE
    assert "internal error" not in result.stderr


def test_a_missing_benchmark_gets_a_cli_hint_and_the_core_names_no_flag(
    runner: CliRunner,
) -> None:
    # the synthetic test tables have no row for India or the Philippines
    vendor = str(EXAMPLES / "well-run-vendor.yaml")
    result = runner.invoke(main, ["check", vendor, *TEST_TABLES, "--format", "json"])
    assert "hint: no living-wage benchmark for IN (Hyderabad), PH (Metro Manila)" in result.stderr
    assert "--living-wages FILE adds its rows to the bundled table" in result.stderr
    assert "'sourcing-check reference list living-wages --country IN'" in result.stderr
    assert "none in the living-wage table" in result.stdout
    assert "--living-wages" not in result.stdout and "--rates" not in result.stdout


def test_a_batch_s_table_hint_names_the_file_that_needs_the_row(runner: CliRunner) -> None:
    # with several files, 'no living-wage benchmark for VE' did not say which of them has VE
    crowd = EXAMPLES / "crowd-platform-project.yaml"
    args = ["check", "--date", "2026-11-24", "--fail-on", "never"]
    batch = runner.invoke(main, [*args, str(EXAMPLES / "well-run-project.yaml"), str(crowd)])
    (hint,) = [line for line in batch.stderr.splitlines() if "living-wage benchmark" in line]
    assert f"no living-wage benchmark for VE (in {crowd}):" in hint
    alone = runner.invoke(main, [*args, str(crowd)])
    assert "no living-wage benchmark for VE: --living-wages" in alone.stderr


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("2026-11-31", "'2026-11-31' is not a real calendar date (YYYY-MM-DD)"),
        ("24/11/2026", "'24/11/2026': write the date as YYYY-MM-DD, e.g. 2026-11-24"),
    ],
)
@pytest.mark.parametrize("command", ["check", "init"])
def test_a_wrong_date_says_what_is_wrong(
    runner: CliRunner, command: str, given: str, said: str
) -> None:
    """click said "'2026-11-31' does not match the format '%Y-%m-%d'": the format matched,
    the day does not exist."""
    vendor = str(EXAMPLES / "well-run-vendor.yaml")
    args = ["check", vendor] if command == "check" else ["init", "decision", vendor]
    result = runner.invoke(main, [*args, "--date", given])
    assert result.exit_code == 2
    assert f"Invalid value for '--date': {said}" in result.stderr
