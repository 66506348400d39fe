"""Batches: written as they are made, in input order, by worker processes, all or none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.cli.batch import POOL_FROM
from sourcing_check.render import RENDERERS
from sourcing_check.run import Settings, run
from tests.conftest import DATA, EXAMPLES, TEST_TABLES

VENDOR = (EXAMPLES / "well-run-vendor.yaml").read_text(encoding="utf-8")


def _batch(directory: Path, count: int) -> list[Path]:
    """``count`` questionnaires, each with its own name so that order shows."""
    paths = []
    for index in range(count):
        path = directory / f"v{index:03d}.yaml"
        path.write_text(VENDOR.replace("name: ", f"name: N{index:03d} ", 1), encoding="utf-8")
        paths.append(path)
    return paths


def _settings() -> Settings:
    import datetime as dt

    return Settings(
        living_wages=DATA / "living-wages.yaml",
        rates=DATA / "currency-rates.yaml",
        date=dt.date(2026, 11, 24),
    )


@pytest.mark.parametrize("fmt", ["json", "text", "md", "checklist-csv"])
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
    tmp_path: Path, runner: CliRunner, jobs: str
) -> None:
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
    assert list(out.parent.iterdir()) == []
    stdout = runner.invoke(main, [*args[:-2], "-j", jobs])
    assert stdout.exit_code == 2 and stdout.stdout == ""


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
