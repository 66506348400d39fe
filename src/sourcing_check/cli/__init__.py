"""The command line: parse options, call the core, print, choose the exit code."""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from sourcing_check import __version__
from sourcing_check.cli.files import write_atomic
from sourcing_check.errors import CODES, ExitCode, InputError, Problem
from sourcing_check.forms.schemas import INPUT_SCHEMAS, SCHEMAS, input_schema, named_schema
from sourcing_check.forms.yaml_template import render_template
from sourcing_check.load.subject import load_subject
from sourcing_check.models.results import Assessment
from sourcing_check.render.catalogue import render_catalogue, render_rule
from sourcing_check.render.markdown import render_markdown
from sourcing_check.render.report import assessments_json, build_report
from sourcing_check.render.text import render_text
from sourcing_check.render.views import subject_line
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import Framework, lint_framework, load_framework
from sourcing_check.rules.lint import LINT_CODE_PREFIXES
from sourcing_check.run import FAIL_ON, Batch, Settings, exit_code, run

#: Output formats of 'check': name -> renderer.
CHECK_FORMATS: dict[str, Callable[[list[Assessment]], str]] = {
    "text": render_text,
    "json": assessments_json,
    "md": render_markdown,
}

EXIT_CODES_HELP = (
    "Exit codes: 0 success (or verdict better than --fail-on), 1 verdict at or below "
    "--fail-on, 2 bad input or usage."
)


def _print_problems(problems: list[Problem]) -> None:
    for problem in sorted(problems, key=lambda p: (p.file, p.line, p.column)):
        click.echo(problem.format(), err=True)


def _write(path: Path, content: bytes | str) -> None:
    """Write an output file atomically; on failure print why and exit 2."""
    try:
        write_atomic(path, content)
    except OSError as exc:
        _print_problems(
            [
                Problem(
                    str(path),
                    f"cannot write the file: {exc.strerror or exc}",
                    hint="check that the directory exists and is writable",
                )
            ]
        )
        sys.exit(ExitCode.BAD_INPUT)


def _dump_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="sourcing-check")
def main() -> None:
    """Check how data-enrichment work is sourced against the PAI Data Enrichment Sourcing
    Guidelines: validate vendor questionnaires and project plans, assess them, and
    produce a scored report with a remediation checklist."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def validate(files: tuple[Path, ...], fmt: str) -> None:
    """Validate vendor questionnaires and project plans (YAML or JSON).

    A project plan is valid only with the vendor questionnaire it names, which is checked
    too. Every problem in every file is reported as FILE:LINE:COL: CODE MESSAGE [POINTER]
    (codes: see the README); a broken file does not stop the others. Exit 0 when all are
    valid, 2 otherwise.
    """
    results: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            subject = load_subject(path)
        except InputError as exc:
            failed = True
            results.append(
                {"file": str(path), "valid": False, "problems": [p.as_dict() for p in exc.problems]}
            )
            if fmt == "text":
                _print_problems(exc.problems)
            continue
        loaded = subject.project or subject.vendor
        assert loaded is not None
        results.append({"file": str(path), "valid": True, "kind": loaded.kind, "problems": []})
        if fmt == "text":
            names = (
                f" (with {subject.vendor.document.name})"
                if subject.project and subject.vendor
                else ""
            )
            click.echo(f"{path}: valid {loaded.kind}{names}")
    if fmt == "json":
        click.echo(_dump_json({"files": results}), nl=False)
    sys.exit(ExitCode.BAD_INPUT if failed else ExitCode.OK)


@main.command()
@click.argument("name", type=click.Choice(sorted(SCHEMAS)))
def schema(name: str) -> None:
    """Print a JSON Schema (draft 2020-12): an input kind, the guideline format or the
    assessment (the canonical JSON output of 'check')."""
    click.echo(_dump_json(named_schema(name)), nl=False)


@main.command()
@click.argument("name", type=click.Choice(sorted(INPUT_SCHEMAS)))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Template file to write [default: NAME.yaml, e.g. vendor.yaml].",
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def init(name: str, output: Path | None, force: bool) -> None:
    """Write a fill-in YAML template for a vendor questionnaire or project plan.

    The template lists every field with its description as a comment, and a schema file
    is written beside it so that editors (with the YAML language server) validate and
    complete while you type.
    """
    model, kind = INPUT_SCHEMAS[name]
    target = output or Path(f"{name}.yaml")
    schema_path = target.with_name(f"{kind}.schema.json")
    for path in (target, schema_path):
        if path.exists() and not force:
            _print_problems(
                [
                    Problem(
                        str(path),
                        "already exists; not overwritten",
                        hint="choose another file with -o, or pass --force",
                    )
                ]
            )
            sys.exit(ExitCode.BAD_INPUT)
    _write(schema_path, _dump_json(input_schema(name)))
    _write(target, render_template(model, kind, schema_path.name))
    click.echo(f"wrote {target} and {schema_path}")


def _settings_options(command: Any) -> Any:
    """Options shared by 'check' and 'report'."""
    options = [
        click.option(
            "--guidelines",
            type=click.Path(path_type=Path),
            help="Guideline framework directory [default: the bundled PAI framework].",
        ),
        click.option(
            "--living-wages",
            type=click.Path(path_type=Path),
            help="Living-wage table, YAML or CSV [default: the bundled starter table].",
        ),
        click.option(
            "--rates",
            type=click.Path(path_type=Path),
            help="Currency-rates table (YAML) [default: the bundled table].",
        ),
        click.option(
            "--date",
            "date_",
            type=click.DateTime(formats=["%Y-%m-%d"]),
            help="Assessment date, YYYY-MM-DD [default: today]; fixes benchmark ages.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _settings(
    guidelines: Path | None, living_wages: Path | None, rates: Path | None, date_: Any
) -> Settings:
    defaults = Settings()
    return Settings(
        guidelines=guidelines or defaults.guidelines,
        living_wages=living_wages or defaults.living_wages,
        rates=rates or defaults.rates,
        date=date_.date() if date_ else defaults.date,
    )


def _run_or_exit(files: tuple[Path, ...], settings: Settings) -> Batch:
    try:
        batch = run(list(files), settings)
    except InputError as exc:
        _print_problems(exc.problems)
        sys.exit(ExitCode.BAD_INPUT)
    _print_problems(batch.problems)
    if not batch.assessments:
        sys.exit(ExitCode.BAD_INPUT)
    return batch


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_settings_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(CHECK_FORMATS)),
    default="text",
    show_default=True,
    help="Output format; json is the canonical assessment.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the output to this file (atomically) instead of standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default="not-approved",
    show_default=True,
    help="Exit 1 when any verdict is this or worse.",
)
def check(
    files: tuple[Path, ...],
    guidelines: Path | None,
    living_wages: Path | None,
    rates: Path | None,
    date_: Any,
    fmt: str,
    output: Path | None,
    fail_on: str,
) -> None:
    """Assess vendor questionnaires and project plans against the guidelines.

    Each FILE gives one assessment; a project plan brings the vendor questionnaire it names.
    Prints the verdict, the score per guideline, failures (must first) with what to do,
    and the information still needed.

    Exit codes: 0 every verdict is better than --fail-on; 1 some verdict is at or below it;
    2 bad input or usage (no assessment made).
    """
    batch = _run_or_exit(files, _settings(guidelines, living_wages, rates, date_))
    text = CHECK_FORMATS[fmt](batch.assessments)
    if output is not None:
        _write(output, text)
    else:
        click.echo(text, nl=False)
    if batch.problems:
        sys.exit(ExitCode.BAD_INPUT)
    sys.exit(exit_code(batch.assessments, fail_on))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The PDF report to write, e.g. out/report.pdf.",
)
@click.option(
    "--checklist",
    type=click.Path(path_type=Path),
    help="Also write the remediation checklist: FILE.md (task list) or FILE.csv.",
)
@click.option(
    "--html", "html_path", type=click.Path(path_type=Path), help="Also write the report as HTML."
)
@_settings_options
def report(
    files: tuple[Path, ...],
    output: Path,
    checklist: Path | None,
    html_path: Path | None,
    guidelines: Path | None,
    living_wages: Path | None,
    rates: Path | None,
    date_: Any,
) -> None:
    """Write the scored PDF report (PDF/A-3b, with the JSON assessment and the checklist
    attached) for vendor questionnaires and project plans.

    Outputs are written only when everything rendered, each atomically: a failure
    leaves no partial file and never replaces a previous report. Pass --date for
    byte-identical reruns.

    Exit codes: 0 report written; 2 bad input or usage (nothing written).
    """
    if checklist is not None and checklist.suffix.lower() not in (".md", ".csv"):
        _print_problems([Problem(str(checklist), "the checklist must end in .md or .csv")])
        sys.exit(ExitCode.BAD_INPUT)
    settings = _settings(guidelines, living_wages, rates, date_)
    batch = _run_or_exit(files, settings)
    if batch.problems:
        click.echo("no report written: fix the problems above", err=True)
        sys.exit(ExitCode.BAD_INPUT)
    built = build_report(batch.assessments, settings.date)
    writes: list[tuple[Path, bytes | str]] = [(output, built.pdf)]
    if checklist is not None:
        is_csv = checklist.suffix.lower() == ".csv"
        writes.append((checklist, built.checklist_csv if is_csv else built.checklist_md))
    if html_path is not None:
        writes.append((html_path, built.html))
    for path, content in writes:
        _write(path, content)
        click.echo(f"wrote {path}")
    for a in batch.assessments:
        click.echo(f"{a.verdict.label}: {subject_line(a)} (score {a.overall.score})")


_framework_option = click.option(
    "--guidelines",
    "directory",
    type=click.Path(path_type=Path),
    help="Framework directory [default: the bundled PAI framework].",
)


@main.group()
def guidelines() -> None:
    """List, show, lint and document guideline frameworks."""


def _framework_or_exit(directory: Path | None) -> Framework:
    try:
        return load_framework(directory or default_framework_dir())
    except InputError as exc:
        _print_problems(exc.problems)
        sys.exit(ExitCode.BAD_INPUT)


@guidelines.command("list")
@_framework_option
def guidelines_list(directory: Path | None) -> None:
    """List every requirement: id, level, scope and title."""
    framework = _framework_or_exit(directory)
    meta = framework.meta
    click.echo(f"{meta.title} {meta.version}: {len(framework.rules)} requirements")
    for guideline in meta.guidelines:
        click.echo(f"\n{guideline.title}")
        for rule in framework.rules:
            req = rule.requirement
            if req.guideline == guideline.id:
                click.echo(f"  {req.id:<10} {req.level:<6} {req.scope:<7} {req.title}")


@guidelines.command("show")
@click.argument("requirement_id")
@_framework_option
def guidelines_show(requirement_id: str, directory: Path | None) -> None:
    """Show one requirement: why, how it is checked, how to fix it, its source."""
    framework = _framework_or_exit(directory)
    rule = framework.rule(requirement_id)
    if rule is None:
        close = difflib.get_close_matches(
            requirement_id, [r.requirement.id for r in framework.rules], n=3
        )
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        click.echo(f"no requirement {requirement_id!r}{hint}", err=True)
        sys.exit(ExitCode.BAD_INPUT)
    click.echo(render_rule(framework, rule), nl=False)


@guidelines.command("lint")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option("--codes", "list_codes", is_flag=True, help="List the codes lint reports, and exit.")
def guidelines_lint(directory: Path | None, list_codes: bool) -> None:
    """Check a framework directory strictly: unknown keys, duplicate ids, invalid predicates,
    unknown answer or fact paths, undeclared parameters, missing source or remediation.

    Exit 0 when sound, 2 with FILE:LINE:COL: CODE MESSAGE lines otherwise.
    """
    if list_codes:
        for prefix in LINT_CODE_PREFIXES:
            for code, summary in CODES.items():
                if code.startswith(prefix):
                    click.echo(f"{code}  {summary}")
        return
    target = directory or default_framework_dir()
    problems = lint_framework(target)
    if problems:
        _print_problems(problems)
        sys.exit(ExitCode.BAD_INPUT)
    click.echo(f"{target}: {len(load_framework(target).rules)} requirements, no problems")


@guidelines.command("docs")
@_framework_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file instead of standard output (e.g. docs/guidelines.md).",
)
def guidelines_docs(directory: Path | None, output: Path | None) -> None:
    """Generate the Markdown catalogue of requirements from the YAML."""
    text = render_catalogue(_framework_or_exit(directory))
    if output is not None:
        _write(output, text)
    else:
        click.echo(text, nl=False)
