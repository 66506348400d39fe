"""The format an output is written in: ``--format`` when given, else the one the file's name
says. ``check -o results.json`` wrote the text summary into results.json, and ``compare -o
vendors.pdf`` a text matrix into vendors.pdf, with exit 0: a name that says one format and
content in another is refused, never written."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import click
from click.core import ParameterSource

from sourcing_check.cli.options import STDOUT
from sourcing_check.cli.problems import stop
from sourcing_check.errors import Problem

#: Every suffix a sourcing-check output can have, and the command that writes it when the one
#: at hand does not (for the hint).
SUFFIXES: dict[str, str] = {
    ".txt": "",
    ".json": "'sourcing-check check --format json' (an assessment) or 'sourcing-check convert' "
    "(a questionnaire or plan)",
    ".jsonl": "'sourcing-check check --format jsonl'",
    ".md": "'sourcing-check check --format md'",
    ".html": "'sourcing-check check --format html' or 'sourcing-check report --html'",
    ".csv": "'sourcing-check check --format checklist-csv'",
    ".pdf": "'sourcing-check report'",
    ".xlsx": "'sourcing-check compare --format xlsx' (a comparison) or 'sourcing-check "
    "convert' (a questionnaire as a workbook)",
    ".yaml": "'sourcing-check init' or 'sourcing-check convert'",
}
_SAME = {".yml": ".yaml", ".htm": ".html", ".markdown": ".md"}
#: The suffixes of formats that are not text.
_BINARY = frozenset({".pdf", ".xlsx"})


def output_format(fmt: str, output: Path | None, suffixes: Mapping[str, str], command: str) -> str:
    """The format to write: ``fmt`` when --format was given or the output's name says none
    (no suffix, an unknown one, or standard output), else the first of ``suffixes`` (format
    -> suffix) with the name's suffix. Stops (exit 2, nothing written) when the name's suffix
    is that of another format than the one given, or of none ``command`` writes."""
    if output is None or output == STDOUT:
        return fmt
    suffix = output.suffix.lower()
    suffix = _SAME.get(suffix, suffix)
    if suffix not in SUFFIXES or (suffix == ".txt" and suffixes[fmt] not in _BINARY):
        return fmt  # a .txt takes any text format: r.txt holding a PDF does not
    source = click.get_current_context().get_parameter_source("fmt")
    given = source not in (None, ParameterSource.DEFAULT)  # None: the command has no --format
    named = [name for name, own in suffixes.items() if own == suffix]
    if given:
        if suffixes[fmt] == suffix:
            return fmt
        message = f"{output.name} is named as a {suffix} file, but --format is {fmt}"
        hint = f"drop --format to write {named[0]}, or" if named else "or"
        stop([Problem("--output", message, hint=f"{hint} name it {output.stem}{suffixes[fmt]}")])
    if named:
        return named[0]
    written = ", ".join(f"{name} ({own})" for name, own in suffixes.items())
    elsewhere = SUFFIXES[suffix]
    hint = f"{command} writes {written}" + (
        f"; {suffix} files are written by {elsewhere}" if elsewhere else ""
    )
    stop([Problem("--output", f"{command} does not write {suffix} files", hint=hint)])
