"""Print located problems to standard error and stop with exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from sourcing_check.cli.exit_codes import ExitCode
from sourcing_check.errors import Problem


def print_problems(problems: Sequence[Problem]) -> None:
    """Print each problem in its canonical form, sorted by file and place."""
    for problem in sorted(problems, key=lambda p: (p.file, p.line, p.column)):
        click.echo(problem.format(), err=True)


def stop(problems: Sequence[Problem], note: str = "") -> NoReturn:
    """Print the problems (and a closing note) and exit with BAD_INPUT."""
    print_problems(problems)
    if note:
        click.echo(note, err=True)
    sys.exit(ExitCode.BAD_INPUT)
