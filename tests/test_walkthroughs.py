"""The walkthroughs stay true: every command of every docs/walkthrough-*.md runs, in order, in a
copy of the examples, with the exit code and the output lines the page shows.

A walkthrough's commands are the ``$ `` lines of its ```console blocks (a trailing ``\\``
continues one); the lines after a command, up to the next, are output it must print (spaces
aside), ``...`` marking what the page leaves out. ``# exit N`` after a command gives its exit
code (0 otherwise).
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from tests.conftest import EXAMPLES, ROOT

WALKTHROUGHS = sorted((ROOT / "docs").glob("walkthrough-*.md"))
_BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
_EXIT = re.compile(r"#\s*exit (\d+)\s*$")
_ELIDED = "..."


@dataclass
class Step:
    """One command of a walkthrough, with its exit code and the output the page shows."""

    command: str
    exit_code: int
    shown: list[str] = field(default_factory=list)


def steps(text: str) -> list[Step]:
    """Every command of a walkthrough's console blocks, in order."""
    found: list[Step] = []
    for block in _BLOCK.findall(text):
        lines = iter(block.splitlines())
        for line in lines:
            if line.startswith("$ "):
                command = line[2:]
                while command.endswith("\\"):
                    command = command[:-1] + next(lines)
                code = _EXIT.search(command)
                found.append(Step(command, int(code.group(1)) if code else 0))
            elif line.strip() and line.strip() != _ELIDED:
                assert found, f"output before any command: {line!r}"
                found[-1].shown.append(line)
    return found


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_three_walkthroughs_exist_and_have_commands() -> None:
    names = [path.name for path in WALKTHROUGHS]
    assert names == [
        "walkthrough-board-signoff.md",
        "walkthrough-supplier-self-assessment.md",
        "walkthrough-vendor-review.md",
    ]
    for path in WALKTHROUGHS:
        assert len(steps(path.read_text(encoding="utf-8"))) >= 5, path.name


def test_steps_are_read_as_documented() -> None:
    text = "```console\n$ sourcing-check a \\\n  b  # exit 1\nout 1\n...\n$ c\n```\n"
    (first, second) = steps(text)
    assert (first.command, first.exit_code, first.shown) == (
        "sourcing-check a   b  # exit 1",
        1,
        ["out 1"],
    )
    assert (second.command, second.exit_code, second.shown) == ("c", 0, [])


@pytest.mark.parametrize("path", WALKTHROUGHS, ids=lambda p: p.stem)
def test_every_command_of_the_walkthrough_runs_as_shown(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for step in steps(path.read_text(encoding="utf-8")):
        args = shlex.split(step.command, comments=True)
        assert args[0] == "sourcing-check", f"{path.name}: only sourcing-check commands run"
        result = runner.invoke(main, args[1:])
        output = _flat(result.stdout + result.stderr)
        assert result.exit_code == step.exit_code, (step.command, result.output)
        for line in step.shown:
            assert _flat(line) in output, (path.name, step.command, line, result.output)
