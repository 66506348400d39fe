"""The command line: parse options, call the core, print, choose the exit code."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from sourcing_check import __version__
from sourcing_check.errors import ExitCode, InputError, Problem
from sourcing_check.inputs import load_input
from sourcing_check.outputs import write_atomic
from sourcing_check.schemas import INPUT_SCHEMAS, input_schema
from sourcing_check.template import render_template

EXIT_CODES_HELP = (
    "Exit codes: 0 success (or verdict better than --fail-on), 1 verdict at or below "
    "--fail-on, 2 bad input or usage."
)


def _print_problems(problems: list[Problem]) -> None:
    for problem in sorted(problems, key=lambda p: (p.file, p.line, p.column)):
        click.echo(problem.format(), err=True)


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

    Every problem in every file is reported as FILE:LINE:COL: MESSAGE [POINTER];
    a broken file does not stop the others. Exit 0 when all are valid, 2 otherwise.
    """
    results: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            loaded = load_input(path)
        except InputError as exc:
            failed = True
            results.append(
                {"file": str(path), "valid": False, "problems": [p.as_dict() for p in exc.problems]}
            )
            if fmt == "text":
                _print_problems(exc.problems)
            continue
        results.append({"file": str(path), "valid": True, "kind": loaded.kind, "problems": []})
        if fmt == "text":
            click.echo(f"{path}: valid {loaded.kind}")
    if fmt == "json":
        click.echo(_dump_json({"files": results}), nl=False)
    sys.exit(ExitCode.BAD_INPUT if failed else ExitCode.OK)


@main.command()
@click.argument("name", type=click.Choice(sorted(INPUT_SCHEMAS)))
def schema(name: str) -> None:
    """Print the JSON Schema (draft 2020-12) of an input kind."""
    click.echo(_dump_json(input_schema(name)), nl=False)


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
    write_atomic(schema_path, _dump_json(input_schema(name)))
    write_atomic(target, render_template(model, kind, schema_path.name))
    click.echo(f"wrote {target} and {schema_path}")
