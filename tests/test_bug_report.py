"""Exit 3: a bug prints one line asking for a report, with the SHA-256 of each file given on
the command line (never of an output), and the traceback only with --debug."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.cli.bug_report import given_files, output_flags
from tests.conftest import EXAMPLES

PLAN = EXAMPLES / "well-run-project.yaml"
PROFILE = EXAMPLES / "board" / "review-board-profile.yaml"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def broken(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom\nsecond line")


def test_a_bug_names_the_hash_of_each_input_and_not_of_the_output(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sourcing_check.cli.batch.assess_file", broken)
    output = tmp_path / "old.json"
    output.write_text("{}")  # an existing output is overwritten, not an input
    args = ["check", str(PLAN), "--profile", str(PROFILE), "--date", "2026-11-24"]
    result = runner.invoke(main, [*args, "--format", "json", "-o", str(output)])
    assert result.exit_code == 3
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()  # one line, the message's newline folded
    assert "internal error (RuntimeError: boom second line)" in line
    assert f"{PLAN} sha256 {sha256(PLAN)}" in line
    assert f"{PROFILE} sha256 {sha256(PROFILE)}" in line
    assert str(output) not in line and sha256(output) not in line
    assert "please report it" in line and "--debug" in line
    assert "Traceback" not in result.stderr
    debug = runner.invoke(main, ["--debug", *args])
    assert debug.exit_code != 3 and isinstance(debug.exception, RuntimeError)


def test_validate_and_init_decision_report_a_bug_the_same_way(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sourcing_check.run.validate_all", broken)
    vendor = EXAMPLES / "well-run-vendor.yaml"
    result = runner.invoke(main, ["validate", str(PLAN), str(vendor)])
    assert result.exit_code == 3
    assert f"{PLAN} sha256 {sha256(PLAN)}; {vendor} sha256 {sha256(vendor)}" in result.stderr
    monkeypatch.setattr("sourcing_check.forms.decision_template.render_decision", broken)
    target = tmp_path / "d.yaml"
    result = runner.invoke(main, ["init", "decision", str(PLAN), f"--output={target}"])
    assert result.exit_code == 3 and not target.exists()
    assert f"{PLAN} sha256 {sha256(PLAN)}" in result.stderr


def test_given_files_are_the_existing_files_but_the_outputs(tmp_path: Path) -> None:
    a, b, out = (tmp_path / name for name in ("a.yaml", "b.pdf", "out.pdf"))
    for path in (a, b, out):
        path.write_text("x")
    flags = output_flags(main)
    assert {"-o", "--output", "--checklist"} <= flags
    args = ["report", str(a), "--previous", str(b), "-o", str(out), f"--checklist={out}"]
    args += ["--date", "2026-11-24", str(tmp_path), str(a), str(tmp_path / "gone.yaml")]
    assert given_files(args, flags) == [str(a), str(b)]  # no directory, no repeat, none gone


def test_a_bug_in_a_batch_names_five_files_and_sums_up_the_rest(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sourcing_check.cli.batch.assess_file", broken)
    paths = []
    for index in range(40):  # a batch's command line
        path = tmp_path / f"p{index:02d}.yaml"
        path.write_text(f"n: {index}\n")
        paths.append(path)
    result = runner.invoke(main, ["check", *map(str, paths), "--jobs", "1"])
    assert result.exit_code == 3
    (line,) = result.stderr.splitlines()
    for path in paths[:5]:
        assert f"{path} sha256 {sha256(path)}" in line
    assert str(paths[5]) not in line
    rest = "".join(f"{p} sha256 {sha256(p)}\n" for p in paths[5:])
    digest = hashlib.sha256(rest.encode("utf-8")).hexdigest()
    assert f"and 35 more, whose lines 'PATH sha256 HASH' hash to {digest}" in line
    assert len(line) < 1200
