"""A disk that fills up (or a file-size limit) while the output is written is the user's to fix,
not a bug: exit 2, the output named with what to do, nothing left behind, no traceback.

The file-size limit (RLIMIT_FSIZE, its signal ignored) makes real writes fail with EFBIG beyond
a size, in this process's children and in their worker processes alike; /dev/full fails every
write with ENOSPC.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sourcing_check.cli.batch import POOL_FROM
from tests.conftest import EXAMPLES, ROOT, TEST_TABLES
from tests.test_batch import _batch

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs RLIMIT_FSIZE, /dev/full")

LIMIT_BYTES = 64 * 1024  # far less than a batch's JSON, more than the staged file's start


def _limited() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills the writer
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT_BYTES, LIMIT_BYTES))


def _check(args: list[str], directory: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sourcing_check", "check", *args, *TEST_TABLES]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(directory)}
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [*command, "--date", "2026-11-24", "--fail-on", "never"],
        env=env,
        text=True,
        stderr=subprocess.PIPE,
        **kwargs,
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_output_too_large_to_write_is_a_problem_and_leaves_nothing(
    tmp_path: Path, jobs: str
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    paths = _batch(inputs, POOL_FROM + 2)
    out = tmp_path / "out"
    out.mkdir()
    done = _check(
        [*map(str, paths), "--format", "json", "-o", str(out / "all.json"), "--jobs", jobs],
        tmp_path,
        preexec_fn=_limited,
        stdout=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr
    assert f"{out / 'all.json'}: cannot write the file: File too large" in done.stderr
    assert "nothing written" in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert list(out.iterdir()) == []  # neither the staged file nor a worker's


def test_a_full_standard_output_is_a_problem_not_a_bug(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = _check(
            [str(EXAMPLES / "well-run-vendor.yaml"), "--format", "json"], tmp_path, stdout=full
        )
    assert done.returncode == 2, done.stderr
    assert "standard output: cannot write: No space left on device" in done.stderr
    assert "standard output is incomplete" in done.stderr
    assert "internal error" not in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args", [["validate", str(EXAMPLES / "well-run-project.yaml")], ["guidelines", "list"]]
)
def test_any_command_whose_standard_output_is_full_says_so_and_exits_2(args: list[str]) -> None:
    command = [sys.executable, "-m", "sourcing_check", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with open("/dev/full", "w") as full:
        done = subprocess.run(command, env=env, stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2, done.stderr
    assert f"sourcing-check {args[0]}: cannot write its output: No space left" in done.stderr
    assert "internal error" not in done.stderr
