"""'-o -' writes to standard output, as in most command-line tools (it wrote a file named '-'),
and what a command says besides its output then goes to standard error, never after (or
inside) what it wrote: a PDF piped on must end where the PDF ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, TEST_TABLES

pytestmark = pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")

VENDOR = EXAMPLES / "well-run-vendor.yaml"
DATE = ["--date", "2026-11-24"]


def _run(args: list[str], cwd: Path) -> tuple[bytes, str]:
    """Run the tool in ``cwd`` with its standard output redirected to a file, as a shell's '>'."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with open(cwd.parent / "stdout", "wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "sourcing_check", *args],
            cwd=cwd,
            env=env,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=300,
        )
    assert done.returncode == 0, done.stderr
    return (cwd.parent / "stdout").read_bytes(), done.stderr.decode()


@pytest.fixture
def work(tmp_path: Path) -> Path:
    directory = tmp_path / "work"
    directory.mkdir()
    return directory


def test_check_to_dash_prints_what_it_prints_without_o(work: Path) -> None:
    check = ["check", str(VENDOR), *TEST_TABLES, *DATE, "--format", "json"]
    plain, _ = _run(check, work)
    dashed, said = _run([*check, "-o", "-"], work)
    assert dashed == plain and plain.startswith(b"{")
    assert list(work.iterdir()) == []  # no file named '-'
    assert "wrote" in said


def test_a_report_to_dash_is_the_pdf_alone_and_its_messages_go_to_stderr(work: Path) -> None:
    report = ["report", str(VENDOR), *TEST_TABLES, *DATE]
    _run([*report, "-o", "file.pdf"], work)
    piped, said = _run([*report, "-o", "-", "--checklist", "fixes.md"], work)
    assert piped == (work / "file.pdf").read_bytes()  # nothing printed after the PDF
    assert sorted(p.name for p in work.iterdir()) == ["file.pdf", "fixes.md"]
    assert "wrote fixes.md" in said
    assert "Kestrel Data Services Ltd" in said  # the verdict line


def test_a_template_to_dash_is_printed_and_nothing_is_written(work: Path) -> None:
    printed, said = _run(["init", "vendor", "-o", "-"], work)
    assert printed.startswith(b"# yaml-language-server: $schema=")
    assert b"wrote" not in printed
    assert list(work.iterdir()) == []
    assert "sourcing-check schema vendor" in said
