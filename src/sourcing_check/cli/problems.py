"""Print located problems to standard error and stop with exit code 2."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from sourcing_check.cli.exit_codes import ExitCode
from sourcing_check.errors import Problem, in_reading_order

#: Hints that name a command-line option: the core never names one, the CLI adds them.
CLI_HINTS = {
    "I302": "a plan may name a file in its own directory or below; to allow another place, "
    "pass --allow-outside with the file or the directory that holds it",
}


def print_problems(problems: Sequence[Problem], printed: set[Problem] | None = None) -> None:
    """Print each problem in its canonical form, sorted by file and place, once (a
    questionnaire given beside the plan that names it is read, and warned about, twice), and
    none already in ``printed`` (to which those printed are added)."""
    for problem in in_reading_order(dict.fromkeys(problems)):
        if printed is not None:
            if problem in printed:
                continue
            printed.add(problem)
        if problem.code in CLI_HINTS:
            problem = dataclasses.replace(problem, hint=CLI_HINTS[problem.code])
        click.echo(_printable(problem.format()), err=True)


def stop(problems: Sequence[Problem], note: str = "") -> NoReturn:
    """Print the problems (and a closing note) and exit with BAD_INPUT."""
    print_problems(problems)
    if note:
        click.echo(note, err=True)
    sys.exit(ExitCode.BAD_INPUT)


def _printable(text: str) -> str:
    """Text made safe for a terminal (the models' rule, imported only when printing)."""
    from sourcing_check.models.text import printable

    return printable(text)
