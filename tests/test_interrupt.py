"""Ctrl-C: one line and exit 130 (never 1, a verdict), no traceback, nothing written or left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import files, main
from tests.conftest import EXAMPLES, ROOT, TEST_TABLES

VENDOR = (EXAMPLES / "well-run-vendor.yaml").read_text(encoding="utf-8")


def _children(pid: int) -> int:
    """How many child processes ``pid`` has (Linux)."""
    try:
        return len(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    except OSError:
        return 0


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_ctrl_c_stops_a_batch_cleanly(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    paths = []
    for index in range(1500):
        path = inputs / f"v{index:04d}.yaml"
        path.write_text(VENDOR, encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "out" / "all.jsonl"
    command = [sys.executable, "-m", "sourcing_check", "check", *paths, *TEST_TABLES]
    command += ["--format", "jsonl", "-o", str(out), "--jobs", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        # and Ctrl-C handled as a terminal's job has it: a shell starts a background job with
        # SIGINT ignored, and Python keeps an ignored SIGINT, so a suite run with '&' failed
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while _children(process.pid) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # the workers are assessing
    assert process.poll() is None, "the batch ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches every process of the job
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the batch hung after Ctrl-C")
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stderr.strip().splitlines()[-1] == "interrupted: nothing written"
    assert stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # not even the folder made


def test_ctrl_c_is_exit_130_never_a_verdict(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, runner: CliRunner
) -> None:
    import sourcing_check.run

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sourcing_check.run, "run", interrupted)
    vendor = tmp_path / "v.yaml"
    vendor.write_text(VENDOR, encoding="utf-8")
    result = runner.invoke(main, ["report", str(vendor), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 130
    assert result.stderr == "interrupted: nothing written\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.yaml"]


def test_ctrl_c_while_staging_outputs_leaves_no_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    staged = files._stage
    calls: list[Path] = []

    def stage_then_interrupt(path: Path, content: bytes | str, created: list[Path]) -> str:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return staged(path, content, created)

    monkeypatch.setattr(files, "_stage", stage_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        files.write_all([(tmp_path / "report.pdf", b"pdf"), (tmp_path / "todo.md", "- [ ] x")])
    assert list(tmp_path.iterdir()) == []
