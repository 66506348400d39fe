"""The commands that read inputs: 'validate', 'check' and 'report'. Each imports the core when
it runs: ``--help`` and the other commands do not pay for pydantic, the models, renderers."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sourcing_check.cli import files as outputs_io
from sourcing_check.cli.diff import with_previous
from sourcing_check.cli.exit_codes import FAIL_ON, ExitCode, verdict_exit_code
from sourcing_check.cli.formats import output_format
from sourcing_check.cli.options import (
    OUTPUT,
    Tables,
    allow_outside_option,
    format_option,
    output_option,
    settings_from,
    settings_options,
)
from sourcing_check.cli.problems import print_problems, stop
from sourcing_check.errors import InputError, Problem
from sourcing_check.render import RENDERERS, checklist_by_suffix, text_formats

if TYPE_CHECKING:
    from sourcing_check.models.results import Assessment
    from sourcing_check.run import Settings

_FILES = click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
_STRICT = click.option(
    "--strict",
    is_flag=True,
    help="Treat plausibility warnings (W codes) as problems: exit 2, nothing written.",
)
_DECISION = click.option(
    "--decision",
    type=click.Path(path_type=Path),
    help="The board's decision file on the subject (waivers, conditions, sign-off; "
    "'init decision' writes one): scores and verdict are shown with and without its waivers.",
)


@click.command()
@_FILES
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@allow_outside_option
@_STRICT
@click.option(
    "--guidelines",
    type=click.Path(path_type=Path),
    help="The framework a profile is checked against [default: the bundled PAI framework].",
)
def validate(
    files: tuple[Path, ...],
    fmt: str,
    allow_outside: tuple[Path, ...],
    strict: bool,
    guidelines: Path | None,
) -> None:
    """Validate vendor questionnaires and project plans (YAML, JSON or .xlsx), profiles and
    the board's decision files, each recognised by its 'kind'.

    A project plan is valid only with the vendor questionnaire it names, which is checked
    too; a profile is checked against the framework (P1xx, P2xx and G2xx codes); a decision
    file's shape is checked (D1xx; its requirements are checked when 'check --decision' applies
    it to an assessment). Every problem in every file is reported as FILE:LINE:COL: CODE MESSAGE
    [POINTER] (FILE:SHEET!CELL: ... in a workbook; codes: see the README); a broken file does
    not stop the others. Plausibility warnings (W codes) are printed too. Exit 0 when all are
    valid (whatever the warnings, unless --strict), 2 otherwise.
    """
    from sourcing_check.models.text import printable
    from sourcing_check.run import validate_all

    loaded = validate_all(list(files), allow_outside, guidelines)
    if fmt == "json":
        body = {"files": [item.as_dict() for item in loaded]}
        for entry, item in zip(body["files"], loaded, strict=True):  # --strict: not valid
            entry["valid"] = entry["valid"] and not (strict and item.warnings)
        click.echo(json.dumps(body, indent=2, ensure_ascii=False))
    printed: set[Problem] = set()  # a questionnaire given beside its plan: warned about once
    for item in loaded:
        # with --strict, a file with warnings is not valid: it is never said to be
        if fmt == "text" and not item.problems and not (strict and item.warnings):
            subject = item.subject
            vendor = subject.vendor if subject and subject.project else None
            names = f" (with {vendor.document.name})" if vendor else ""
            click.echo(printable(f"{item.path}: valid {item.kind}{names}"))
        if fmt == "text":
            print_problems([*item.problems, *item.warnings], printed)
    if fmt == "text" and strict and any(item.warnings for item in loaded):
        click.echo("--strict treats these warnings as problems", err=True)
    failed = any(item.problems or (strict and item.warnings) for item in loaded)
    sys.exit(ExitCode.BAD_INPUT if failed else ExitCode.OK)


def assess_or_stop(
    files: tuple[Path, ...],
    settings: Settings,
    outputs: Sequence[Path | None] = (),
    *,
    strict: bool = False,
) -> list[Assessment]:
    """Assess every file, or print every problem and exit 2 (nothing is written), also when
    an output would overwrite an input; warnings are printed, and stop the run as problems
    do with ``strict``."""
    try:
        from sourcing_check.run import run

        batch = run(list(files), settings)
    except InputError as exc:
        stop(exc.problems, "nothing written: fix the problems above")
    problems = batch.problems or outputs_io.overwritten_inputs(
        [path for path in outputs if path is not None], batch.inputs
    )
    if problems:
        stop(problems, "nothing written: fix the problems above")
    if strict and batch.warnings:
        stop(batch.warnings, "nothing written: --strict treats these warnings as problems")
    print_problems(batch.warnings)
    from sourcing_check.cli.hints import table_hints

    for hint in table_hints(batch.assessments):
        click.echo(hint, err=True)
    return batch.assessments


@click.command()
@_FILES
@settings_options
@format_option({name: RENDERERS[name] for name in text_formats()})
@output_option()
@_DECISION
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default="not-approved",
    show_default=True,
    help="Exit 1 when any verdict is this or worse.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the number of cores",
    help="Worker processes for a batch of files (output stays in input order).",
)
@_STRICT
def check(
    files: tuple[Path, ...],
    guidelines: Path | None,
    tables: Tables,
    profiles: tuple[str, ...],
    date_: Any,
    allow_outside: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    decision: Path | None,
    fail_on: str,
    jobs: int,
    strict: bool,
) -> None:
    """Assess vendor questionnaires and project plans against the guidelines.

    Each FILE gives one assessment; a project plan brings the vendor questionnaire it names.
    Prints the verdict, the score per guideline, failures (must first) with what to do,
    and the information still needed; with -o FILE, writes them there and prints
    'wrote FILE'.

    A batch is written as it is assessed (json, jsonl and text stream; jsonl holds one
    assessment per line), in worker processes (--jobs), and still all or none.

    Exit codes: 0 every verdict is better than --fail-on (with the decision's waivers);
    1 some verdict is at or below it; 2 bad input or usage: every problem is listed and
    nothing is written or printed.
    """
    from sourcing_check.run import one_subject

    suffixes = {name: RENDERERS[name].suffix for name in text_formats()}
    fmt = output_format(fmt, output, suffixes, "check")
    settings = settings_from(guidelines, tables, date_, allow_outside, profiles)
    settings = dataclasses.replace(settings, decision=decision)
    wrong = one_subject(decision, len(files))
    if wrong:
        stop(wrong, "nothing written: fix the problems above")
    from sourcing_check.cli.batch import check_files

    verdicts = check_files(list(files), settings, fmt, output, jobs, strict=strict)
    if output is not None:  # as report, compare and convert say what they wrote
        outputs_io.say_written(output)
    sys.exit(verdict_exit_code(verdicts, fail_on))


@click.command()
@_FILES
@click.option(
    "-o",
    "--output",
    required=True,
    type=OUTPUT,
    help="The PDF report to write, e.g. out/report.pdf ('-': standard output).",
)
@click.option(
    "--checklist",
    type=OUTPUT,
    help="Also write the remediation checklist: "
    + " or ".join(f"FILE{suffix}" for suffix in checklist_by_suffix())
    + ".",
)
@click.option("--html", "html_path", type=OUTPUT, help="Also write the report as HTML.")
@click.option(
    "--detail",
    type=click.Choice(["board", "full"]),
    default="board",
    show_default=True,
    help="board: the verdict, what to act on, the pay working, what is missing, sign-off and "
    "the requirements met in one table; full: every finding with its answers.",
)
@_DECISION
@click.option(
    "--previous",
    type=click.Path(path_type=Path),
    help="A previous report PDF (or assessment JSON) of the same subject: adds a page "
    "'Changes since the report of DATE'.",
)
@settings_options
@_STRICT
def report(
    files: tuple[Path, ...],
    output: Path,
    checklist: Path | None,
    html_path: Path | None,
    detail: str,
    decision: Path | None,
    previous: Path | None,
    guidelines: Path | None,
    tables: Tables,
    profiles: tuple[str, ...],
    date_: Any,
    allow_outside: tuple[Path, ...],
    strict: bool,
) -> None:
    """Write the scored PDF report (PDF/A-3b, with the JSON assessment and the checklist
    attached) for vendor questionnaires and project plans.

    Outputs are written only when everything rendered, all or none, each atomically: a
    failure leaves no partial file and never replaces a previous report. Pass --date for
    byte-identical reruns.

    Exit codes: 0 report written; 2 bad input or usage (nothing written).
    """
    output_format("pdf", output, {"pdf": ".pdf"}, "report")  # report.json would hold a PDF
    checklists = checklist_by_suffix()
    if checklist is not None and checklist.suffix.lower() not in checklists:
        expected = " or ".join(checklists)
        stop([Problem(str(checklist), f"the checklist must end in {expected}")])
    settings = settings_from(guidelines, tables, date_, allow_outside, profiles)
    settings = dataclasses.replace(settings, decision=decision)
    assessments = assess_or_stop(files, settings, [output, checklist, html_path], strict=strict)
    if previous is not None:
        outputs_io.refuse_overwriting([output, checklist, html_path], [previous])
        assessments = with_previous(assessments, files, previous, settings)
    outputs: list[tuple[Path, bytes | str]] = [
        (output, RENDERERS["pdf"].render(assessments, detail=detail))
    ]
    if checklist is not None:
        outputs.append((checklist, checklists[checklist.suffix.lower()].render(assessments)))
    if html_path is not None:
        outputs.append((html_path, RENDERERS["html"].render(assessments, detail=detail)))
    outputs_io.write_or_stop(outputs)
    from sourcing_check.models.text import printable
    from sourcing_check.render.views import subject_line

    aside = outputs_io.to_own_output([path for path, _ in outputs])
    for path, _ in outputs:
        outputs_io.say_written(path, err=aside)
    for a in assessments:
        line = f"{a.verdict.label}: {subject_line(a)} (score {a.overall.score})"
        click.echo(printable(line), err=aside)
        if a.decision is not None:
            click.echo(
                f"  without waivers: {a.without_waivers.verdict.label} "
                f"(score {a.without_waivers.overall.score})",
                err=aside,
            )
