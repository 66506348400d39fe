"""Batches: written as they are made, in input order, by worker processes, all or none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import assembly, main
from sourcing_check.cli.assembly import Assembly, WorkerFile, copy_range
from sourcing_check.cli.batch import POOL_FROM
from sourcing_check.cli.files import STALE_SECONDS, remove_stale
from sourcing_check.render import RENDERERS
from sourcing_check.run import Settings, run
from tests.conftest import DATA, EXAMPLES, ROOT, TEST_TABLES

VENDOR = (EXAMPLES / "well-run-vendor.yaml").read_text(encoding="utf-8")


def _batch(directory: Path, count: int) -> list[Path]:
    """``count`` questionnaires, each with its own name so that order shows."""
    paths = []
    for index in range(count):
        path = directory / f"v{index:03d}.yaml"
        path.write_text(VENDOR.replace("name: ", f"name: N{index:03d} ", 1), encoding="utf-8")
        paths.append(path)
    return paths


def _spool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary directory of the test's own: where a batch to stdout makes its pieces."""
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    return spool


def _settings() -> Settings:
    import datetime as dt

    return Settings(
        living_wages=(DATA / "living-wages.yaml",),
        rates=(DATA / "currency-rates.yaml",),
        only_given_tables=True,
        date=dt.date(2026, 11, 24),
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "md", "checklist-csv"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_is_the_same_bytes_as_one_rendering(
    tmp_path: Path, runner: CliRunner, fmt: str, jobs: str
) -> None:
    paths = _batch(tmp_path, POOL_FROM + 3)
    out = tmp_path / "out"
    args = ["check", *map(str, paths), *TEST_TABLES, "--format", fmt, "-o", str(out)]
    result = runner.invoke(main, [*args, "--jobs", jobs, "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    expected = RENDERERS[fmt].render(run(paths, _settings()).assessments)
    assert out.read_text(encoding="utf-8") == expected
    assert list(tmp_path.glob(".sourcing-check.*")) == []


def test_workers_starting_new_files_change_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, runner: CliRunner
) -> None:
    monkeypatch.setattr(assembly, "FILE_BYTES", 1)  # a new file for every piece
    paths = _batch(tmp_path, POOL_FROM + 5)
    out = tmp_path / "out" / "all.json"
    args = ["check", *map(str, paths), *TEST_TABLES, "--format", "json", "-o", str(out)]
    result = runner.invoke(main, [*args, "-j", "2", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    expected = RENDERERS["json"].render(run(paths, _settings()).assessments)
    assert out.read_text(encoding="utf-8") == expected
    assert [p.name for p in out.parent.iterdir()] == ["all.json"]


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_standard_output_is_the_file_that_would_be_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, runner: CliRunner, fmt: str
) -> None:
    spool = _spool(tmp_path, monkeypatch)
    paths = _batch(tmp_path, POOL_FROM + 2)
    args = ["check", *map(str, paths), *TEST_TABLES, "--format", fmt, "--fail-on", "never"]
    result = runner.invoke(main, [*args, "-j", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout == RENDERERS[fmt].render(run(paths, _settings()).assessments)
    assert list(spool.iterdir()) == []


def test_standard_output_of_a_command_is_copied_whole(tmp_path: Path) -> None:
    paths = _batch(tmp_path, POOL_FROM + 2)
    command = [sys.executable, "-m", "sourcing_check", "check", *map(str, paths), *TEST_TABLES]
    command += ["--format", "jsonl", "--jobs", "2", "--fail-on", "never"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path / "spool")}
    (tmp_path / "spool").mkdir()
    piped = subprocess.run(command, capture_output=True, env=env, check=True).stdout
    appended = tmp_path / "appended.jsonl"
    appended.write_bytes(b"before\n")
    with appended.open("ab") as stdout:  # copy_file_range refuses a file opened to append
        subprocess.run(command, stdout=stdout, env=env, check=True)
    expected = RENDERERS["jsonl"].render(run(paths, _settings()).assessments).encode("utf-8")
    assert piped == expected
    assert appended.read_bytes() == b"before\n" + expected
    assert list((tmp_path / "spool").iterdir()) == []


def test_a_killed_batchs_worker_files_are_removed_by_a_later_write(tmp_path: Path) -> None:
    killed = Assembly(tmp_path / "all.json")  # a run killed before it could clean up
    assert killed.temporary is not None
    name, _, _ = WorkerFile(killed.stem()).add(b"piece")
    killed.file.close()
    old = os.stat(name).st_mtime - STALE_SECONDS - 1
    for left in (name, killed.temporary):
        os.utime(left, (old, old))
    assert sorted(remove_stale(tmp_path)) == sorted([Path(name), Path(killed.temporary)])
    assert list(tmp_path.iterdir()) == []


def test_a_piece_for_standard_output_survives_a_sweep_of_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A batch to stdout copies its pieces out at the end; another run's stale-file sweep may
    remove a worker's file first (an hour-long batch): the piece is still written."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    out = Assembly(None)
    name, offset, length = WorkerFile(out.stem()).add(b"the first assessment")
    out.copy((name, offset, length))
    os.remove(name)  # what a sweep by another run does
    out.finish()
    out.discard()
    assert capfdbinary.readouterr().out == b"the first assessment"


def test_a_range_is_copied_to_any_kind_of_target(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.write_bytes(bytes(range(256)) * 5000)
    expected = source.read_bytes()[1000:1_100_000]
    fd = os.open(source, os.O_RDONLY)
    try:
        plain = tmp_path / "plain"
        with plain.open("wb") as target:
            copy_range(fd, 1000, len(expected), target.fileno())
        appended = tmp_path / "appended"
        with appended.open("ab") as target:
            copy_range(fd, 1000, len(expected), target.fileno())
        streamed = tmp_path / "streamed"
        with streamed.open("wb") as target:
            copy_range(fd, 1000, len(expected), None, target)
    finally:
        os.close(fd)
    assert plain.read_bytes() == appended.read_bytes() == streamed.read_bytes() == expected


def test_jsonl_is_one_assessment_per_line_in_input_order(tmp_path: Path, runner: CliRunner) -> None:
    paths = _batch(tmp_path, POOL_FROM + 1)
    result = runner.invoke(
        main, ["check", *map(str, paths), *TEST_TABLES, "--format", "jsonl", "-j", "2"]
    )
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(paths)
    names = [json.loads(line)["subject"]["vendor"] for line in lines]
    assert names == sorted(names) and names[0].startswith("N000 ")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_bad_file_writes_nothing_and_lists_every_problem(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, runner: CliRunner, jobs: str
) -> None:
    spool = _spool(tmp_path, monkeypatch)
    paths = _batch(tmp_path, POOL_FROM + 2)
    paths[5].write_text(VENDOR + "colour: red\n", encoding="utf-8")
    paths[-1].write_text(VENDOR + "size: 3\n", encoding="utf-8")
    out = tmp_path / "out" / "all.json"
    args = ["check", *map(str, paths), *TEST_TABLES, "--format", "json", "-o", str(out)]
    result = runner.invoke(main, [*args, "-j", jobs])
    assert result.exit_code == 2
    assert f"{paths[5]}:" in result.stderr and f"{paths[-1]}:" in result.stderr
    assert "nothing written" in result.stderr
    assert not out.exists()
    assert not out.parent.exists()  # nor any worker's file: not even the folder made for it
    stdout = runner.invoke(main, [*args[:-2], "-j", jobs])
    assert stdout.exit_code == 2 and stdout.stdout == ""
    assert list(spool.iterdir()) == []


def test_no_progress_bar_when_standard_error_is_not_a_terminal(
    tmp_path: Path, runner: CliRunner
) -> None:
    paths = _batch(tmp_path, 3)
    result = runner.invoke(main, ["check", *map(str, paths), *TEST_TABLES, "--fail-on", "never"])
    assert "assessing" not in result.stderr
    assert result.stdout.count("Summary\n-------") == 1


def test_the_progress_bar_shows_on_a_terminal_after_a_while(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sourcing_check.cli import batch

    monkeypatch.setattr(batch.sys.stderr, "isatty", lambda: True)
    with batch._Progress(3) as quick:
        quick.step()
    assert quick.bar is None
    monkeypatch.setattr(batch, "PROGRESS_AFTER", 0.0)
    with batch._Progress(3) as slow:
        for _ in range(3):
            slow.step()
    assert slow.bar is not None
    assert "assessing" in capsys.readouterr().err
