"""The 'diff' command: what changed between two assessments of one subject; and the previous
report's assessment for 'report --previous'. The core is imported when a command runs."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sourcing_check.cli.exit_codes import ExitCode
from sourcing_check.cli.files import refuse_overwriting, say_written, write_or_stop
from sourcing_check.cli.options import (
    Tables,
    format_option,
    output_option,
    settings_from,
    settings_options,
)
from sourcing_check.cli.problems import stop
from sourcing_check.errors import InputError, Problem
from sourcing_check.render import DIFF_RENDERERS

if TYPE_CHECKING:
    from sourcing_check.models.results import Answer, Assessment
    from sourcing_check.run import Settings


def one_assessment(path: Path, settings: Settings) -> tuple[Assessment, list[Path]]:
    """The one assessment a file gives, and the files it comes from; exit 2 on any problem,
    or when it gives several."""
    from sourcing_check.run import assessments_of

    try:
        found = assessments_of(path, settings)
    except InputError as exc:
        stop(exc.problems, "nothing compared: fix the problems above")
    if len(found.assessments) != 1:
        count = len(found.assessments)
        message = f"holds {count} assessments; diff compares one subject at a time"
        stop([Problem(str(path), message)])
    return found.assessments[0], found.inputs


def written(
    path: Path, a: Assessment, settings: Settings, other: Assessment | None = None
) -> dict[str, Answer]:
    """Where the answers ``a``'s facts record (and those of the ``other`` side of a diff) are
    written in the input file it was assessed from now, by pointer, with their values there
    (null: not answered); none for an assessment read back."""
    from sourcing_check.decisions.fact_answers import recorded_answers
    from sourcing_check.rules.answers import answers
    from sourcing_check.run import load_all

    subject = load_all([path], settings.allow_outside)[0].subject  # None: read back
    if subject is None:
        return {}
    documents = {"vendor": subject.vendor, "project": subject.project}
    pointers = {**recorded_answers(a), **(recorded_answers(other) if other else {})}
    located = answers(tuple(pointers), subject.data(), documents)
    return {answer["pointer"]: answer for answer in located}


def with_previous(
    assessments: list[Assessment], sources: tuple[Path, ...], previous: Path, settings: Settings
) -> list[Assessment]:
    """Each assessment with what changed since the previous report or assessment of its
    subject (matched by name, or the one with the one); exit 2 when it cannot be read."""
    from sourcing_check.decisions.changes import changes
    from sourcing_check.models.results import subject_name
    from sourcing_check.run import assessments_of

    try:
        olds = assessments_of(previous, settings).assessments
    except InputError as exc:
        stop(exc.problems, "nothing written: fix the problems above")
    by_name = {subject_name(old): old for old in olds}
    updated = []
    for a, source in zip(assessments, sources, strict=True):
        old = by_name.get(subject_name(a))
        if old is None and len(olds) == len(assessments) == 1:
            old = olds[0]
        if old is not None:
            where = written(source, a, settings, old), written(previous, old, settings, a)
            found = changes(old, a, str(previous), str(source), *where)
            a = a.model_copy(update={"previous": found})
        updated.append(a)
    return updated


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@settings_options
@click.option(
    "--decision",
    type=click.Path(path_type=Path),
    help="Apply the board's decision file to an input file given as OLD or NEW.",
)
@format_option(DIFF_RENDERERS)
@output_option()
def diff(
    old: Path,
    new: Path,
    guidelines: Path | None,
    tables: Tables,
    profiles: tuple[str, ...],
    date_: Any,
    allow_outside: tuple[Path, ...],
    decision: Path | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Show what changed between two assessments of one subject.

    OLD and NEW are each an assessment JSON ('check --format json'), a report PDF (its
    attached assessment), or an input file (assessed now with the options given). Lists the
    requirements newly failing, newly passing and otherwise changed, the score changes per
    guideline, the effective-wage ratio changes per location, the waivers that lapsed and
    the answers that changed, with where they are written.

    Exit codes: 0 nothing regressed; 1 something regressed (a worse verdict, status, score
    or wage ratio, or a lapsed waiver); 2 bad input or usage.
    """
    from sourcing_check.cli.formats import output_format
    from sourcing_check.decisions.changes import changes

    suffixes = {name: r.suffix for name, r in DIFF_RENDERERS.items()}
    fmt = output_format(fmt, output, suffixes, "diff")
    settings = settings_from(guidelines, tables, date_, allow_outside, profiles)
    settings = dataclasses.replace(settings, decision=decision)
    (before, old_read), (after, new_read) = (one_assessment(p, settings) for p in (old, new))
    where = written(new, after, settings, before), written(old, before, settings, after)
    found = changes(before, after, str(old), str(new), *where)
    text = DIFF_RENDERERS[fmt].function()(found)
    if output is not None:
        refuse_overwriting([output], [*old_read, *new_read])
        write_or_stop([(output, text)])
        say_written(output)
    else:
        click.echo(text, nl=False)
    sys.exit(ExitCode.VERDICT if found.regressed else ExitCode.OK)
