"""The 'compare' command: several subjects against one framework, as a matrix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from sourcing_check.cli.assess import assess_or_stop
from sourcing_check.cli.files import say_written, write_or_stop
from sourcing_check.cli.options import (
    Tables,
    format_option,
    output_option,
    settings_from,
    settings_options,
)
from sourcing_check.cli.problems import stop
from sourcing_check.errors import InputError, Problem
from sourcing_check.render import COMPARISON_RENDERERS


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@settings_options
@format_option(COMPARISON_RENDERERS)
@output_option(needed_for="pdf")
@click.option(
    "--only-differences", is_flag=True, help="Keep only the requirements where subjects differ."
)
def compare(
    files: tuple[Path, ...],
    guidelines: Path | None,
    tables: Tables,
    profiles: tuple[str, ...],
    date_: Any,
    allow_outside: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    only_differences: bool,
) -> None:
    """Compare vendor questionnaires (or project plans) side by side.

    One column per FILE, one row per requirement (grouped by guideline area, must first),
    each cell a status as symbol and word; then scores per area, verdicts, the lowest
    effective-wage ratio of each subject, and a ranking with its reasons.

    Exit codes: 0 written; 2 bad input or usage (nothing written).
    """
    from sourcing_check.cli.formats import output_format
    from sourcing_check.comparison import compare as make_comparison

    suffixes = {name: r.suffix for name, r in COMPARISON_RENDERERS.items()}
    fmt = output_format(fmt, output, suffixes, "compare")
    renderer = COMPARISON_RENDERERS[fmt]
    if renderer.binary and output is None:
        stop([Problem("--output", f"{fmt} output needs a file: add -o FILE{renderer.suffix}")])
    if len(files) < 2:
        stop([Problem("(arguments)", "compare needs at least two files")])
    settings = settings_from(guidelines, tables, date_, allow_outside, profiles)
    assessments = assess_or_stop(files, settings, [output])
    try:
        comparison = make_comparison(assessments)
    except InputError as exc:
        stop(exc.problems, "nothing written: fix the problems above")
    content = renderer.render_comparison(comparison, only_differences=only_differences)
    if output is not None:
        write_or_stop([(output, content)])
        say_written(output)
    else:
        assert isinstance(content, str)
        click.echo(content, nl=False)
