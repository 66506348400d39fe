"""The commands that hand out inputs: 'init' (a YAML or .xlsx template), 'convert', 'schema'.

Each command imports the models and the framework loader when it runs (fast ``--help``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sourcing_check import __version__
from sourcing_check.cli.files import write_or_stop
from sourcing_check.cli.problems import stop
from sourcing_check.errors import InputError, Problem
from sourcing_check.resources import default_framework_dir

if TYPE_CHECKING:
    from sourcing_check.forms.yaml_template import EvidenceAsked
    from sourcing_check.models.subject import LoadedInput
    from sourcing_check.rules.framework import Framework

#: Output formats of 'convert', by file suffix.
CONVERT_SUFFIXES = {".xlsx": "xlsx", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}

#: The names 'schema' and 'init' offer: the keys of ``forms.schemas.SCHEMAS`` and
#: ``INPUT_SCHEMAS`` (a test keeps them equal), written out so that --help imports no model.
SCHEMA_NAMES = ("assessment", "guidelines", "project", "vendor")
INPUT_NAMES = ("project", "vendor")

_GUIDELINES = click.option(
    "--guidelines",
    type=click.Path(path_type=Path),
    help="Guideline framework whose 'must' requirements the workbook marks "
    "[default: the bundled PAI framework].",
)


def _dump_json(value: Any) -> str:
    import json

    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


@click.command()
@click.argument("name", type=click.Choice(SCHEMA_NAMES))
def schema(name: str) -> None:
    """Print a JSON Schema (draft 2020-12): an input kind, the guideline format or the
    assessment (the canonical JSON output of 'check')."""
    from sourcing_check.forms.schemas import named_schema

    click.echo(_dump_json(named_schema(name)), nl=False)


def _framework(guidelines: Path | None) -> Framework:
    """The framework whose requirements the template marks; exit 2 when it cannot load."""
    from sourcing_check.rules.framework import load_framework

    try:
        return load_framework(guidelines or default_framework_dir())
    except InputError as exc:
        stop(exc.problems)


def must_answers(framework: Framework, scope: str) -> dict[str, list[str]]:
    """Answer pointer (within a ``scope`` document) -> ids of the must requirements reading
    it."""
    needs: dict[str, list[str]] = {}
    prefix = f"/{scope}"
    for rule in framework.rules:
        if rule.requirement.level != "must":
            continue
        for pointer in rule.answer_pointers:
            if pointer.startswith(prefix + "/"):
                needs.setdefault(pointer.removeprefix(prefix), []).append(rule.requirement.id)
    return needs


def evidence_asked(framework: Framework, root: str) -> EvidenceAsked:
    """The evidence the framework's requirements ask of one input kind, by section pointer
    within the document: {"/pay": ["PAI-1.2: Payslips or rate cards ..."], ...}."""
    asked: dict[str, list[str]] = {}
    for rule in framework.rules:
        req = rule.requirement
        for spec in req.evidence:
            head, _, rest = spec.at[1:].partition("/")
            if head != root:
                continue
            optional = "" if spec.required else " (optional)"
            asked.setdefault(f"/{rest}", []).append(f"{req.id}: {spec.description}{optional}")
    return asked


def _refuse_existing(paths: list[Path], force: bool) -> None:
    existing = [path for path in paths if path.exists() and not force]
    if existing:
        hint = "choose another file with -o, or pass --force"
        stop([Problem(str(p), "already exists; not overwritten", hint=hint) for p in existing])


@click.command()
@click.argument("name", type=click.Choice(INPUT_NAMES))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "xlsx"]),
    default="yaml",
    show_default=True,
    help="yaml: a commented template and its JSON Schema; xlsx: a workbook with one row per "
    "question, dropdowns and the answers 'must' requirements need.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Template file to write [default: NAME.yaml or NAME.xlsx, e.g. vendor.yaml].",
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@_GUIDELINES
def init(name: str, fmt: str, output: Path | None, force: bool, guidelines: Path | None) -> None:
    """Write a fill-in template for a vendor questionnaire or project plan.

    The YAML template lists every field with its description as a comment, marks the sections
    whose evidence the guidelines ask for, and a schema file is written beside it so that
    editors (with the YAML language server) validate and complete while you type. The .xlsx
    workbook has one row per question; validate, check, report and convert read it back.
    """
    from sourcing_check.forms.schemas import INPUT_SCHEMAS, input_schema
    from sourcing_check.forms.yaml_template import render_template

    model, kind = INPUT_SCHEMAS[name]
    target = output or Path(f"{name}.{fmt}")
    if fmt == "xlsx":
        from sourcing_check.forms.xlsx_template import render_workbook

        _refuse_existing([target], force)
        needs = must_answers(_framework(guidelines), name)
        write_or_stop([(target, render_workbook(model, kind, None, needs, __version__))])
        click.echo(f"wrote {target}")
        return
    schema_path = target.with_name(f"{kind}.schema.json")
    _refuse_existing([target, schema_path], force)
    asked = evidence_asked(_framework(guidelines), name)
    write_or_stop(
        [
            (schema_path, _dump_json(input_schema(name))),
            (target, render_template(model, kind, schema_path.name, asked)),
        ]
    )
    click.echo(f"wrote {target} and {schema_path}")


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The file to write; its suffix chooses the format: .xlsx, .yaml (.yml) or .json.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@_GUIDELINES
def convert(source: Path, output: Path, force: bool, guidelines: Path | None) -> None:
    """Convert a questionnaire or plan between YAML/JSON and an .xlsx workbook.

    The answers are validated first; the output holds the same answers (a round trip gives
    the same data). A plan is converted on its own, without the questionnaire it names.
    Exit 2 when the input has problems or the output cannot be written (nothing written).
    """
    from sourcing_check.run import load_one

    fmt = CONVERT_SUFFIXES.get(output.suffix.lower())
    if fmt is None:
        expected = ", ".join(CONVERT_SUFFIXES)
        stop([Problem(str(output), f"unknown output format; the suffix must be one of {expected}")])
    _refuse_existing([output], force)
    try:
        loaded = load_one(source)
    except InputError as exc:
        stop(exc.problems, "nothing written: fix the problems above")
    write_or_stop([(output, _converted(loaded, fmt, source, guidelines))])
    click.echo(f"wrote {output}")


def _converted(loaded: LoadedInput, fmt: str, source: Path, guidelines: Path | None) -> str | bytes:
    """The answers of ``loaded`` in the format ``fmt``."""
    data = loaded.model.model_dump(exclude_unset=True)
    if fmt == "xlsx":
        from sourcing_check.forms.xlsx_template import render_workbook

        scope = "vendor" if loaded.kind == "vendor-questionnaire" else "project"
        needs = must_answers(_framework(guidelines), scope)
        return render_workbook(type(loaded.model), loaded.kind, data, needs, __version__)
    from sourcing_check.forms.text_output import to_json, to_yaml

    if fmt == "json":
        return to_json(data)
    return to_yaml(data, f"Converted from {source.name} by sourcing-check {__version__}.")
