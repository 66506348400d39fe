"""The commands that hand out inputs: 'init' (a YAML or .xlsx template), 'convert', 'schema'.

Each command imports the models and the framework loader when it runs (fast ``--help``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sourcing_check import __version__
from sourcing_check.cli import files
from sourcing_check.cli.asked import evidence_asked, must_answers
from sourcing_check.cli.options import DATE, OUTPUT, Tables, settings_from
from sourcing_check.cli.problems import stop
from sourcing_check.errors import InputError, Problem
from sourcing_check.resources import default_framework_dir

if TYPE_CHECKING:
    from sourcing_check.models.subject import LoadedInput
    from sourcing_check.rules.framework import Framework
    from sourcing_check.run import Settings

#: Output formats of 'convert', by file suffix.
CONVERT_SUFFIXES = {".xlsx": "xlsx", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}

#: The names 'schema' and 'init' offer: the keys of ``forms.schemas.SCHEMAS`` and
#: ``INPUT_SCHEMAS`` (a test keeps them equal), written out so that --help imports no model.
SCHEMA_NAMES = ("assessment", "decision", "guidelines", "profile", "project", "vendor")
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


@click.command()
@click.argument("name", type=click.Choice(["decision", *INPUT_NAMES]))
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "xlsx"]),
    default="yaml",
    help="yaml: a commented template and its JSON Schema; xlsx: a workbook with one row per "
    "question, dropdowns and the answers 'must' requirements need. [default: yaml, or xlsx "
    "when -o FILE ends in .xlsx]",
)
@click.option(
    "-o",
    "--output",
    type=OUTPUT,
    help="Template file to write [default: NAME.yaml or NAME.xlsx, e.g. vendor.yaml].",
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@_GUIDELINES
@click.option(
    "--profile",
    "profiles",
    multiple=True,
    metavar="FILE|NAME",
    help="For 'init decision' from an input file: tailor the framework with a profile.",
)
@click.option(
    "--date",
    "date_",
    type=DATE,
    help="For 'init decision' from an input file: the assessment date [default: today].",
)
@click.option(
    "--from",
    "previous",
    type=click.Path(path_type=Path),
    metavar="DECISION",
    help="For 'init decision': carry forward from this earlier decision the waivers (out of "
    "force until approved again) and conditions whose requirements are still open.",
)
def init(
    name: str,
    source: Path | None,
    fmt: str,
    output: Path | None,
    force: bool,
    guidelines: Path | None,
    profiles: tuple[str, ...],
    date_: Any,
    previous: Path | None,
) -> None:
    """Write a fill-in template: a vendor questionnaire, a project plan, or the board's
    decision on an assessment ('init decision SOURCE').

    The YAML template lists every field with its description as a comment, marks the sections
    whose evidence the guidelines ask for, and a schema file is written beside it so that
    editors (with the YAML language server) validate and complete while you type. The .xlsx
    workbook has one row per question; validate, check, report and convert read it back.

    'init decision SOURCE' (SOURCE: an assessment JSON from 'check --format json', a report
    PDF, or an input file, assessed now) writes a decision file naming the subject's inputs by
    SHA-256, with every failed, unanswered, and met but not confirmed (unverified) requirement
    ready to be decided. With '--from OLD.yaml' (the decision made on earlier answers) it
    carries forward the
    conditions still open, and the waivers still open out of force: each applies only once the
    board approves it again; what is now met is listed as resolved, and the sign-off is not
    carried.
    """
    from sourcing_check.cli.formats import output_format

    if name == "decision":  # a decision file is YAML: dec.xlsx held YAML, and exit 0
        output_format("yaml", output, {"yaml": ".yaml"}, "init decision")
        if fmt != "yaml":
            stop([Problem("--format", "a decision file is YAML", hint="drop --format xlsx")])
        settings = settings_from(guidelines, Tables(), date_, profiles=profiles)
        _init_decision(source, output, force, settings, previous)
        return
    if source is not None:
        stop([Problem(str(source), f"'init {name}' takes no file; only 'init decision' does")])
    if previous is not None:
        stop([Problem(str(previous), f"'init {name}' takes no --from; only 'init decision' does")])
    from sourcing_check.forms.schemas import INPUT_SCHEMAS

    fmt = output_format(fmt, output, {"yaml": ".yaml", "xlsx": ".xlsx"}, "init")
    model, kind = INPUT_SCHEMAS[name]
    target = output or Path(f"{name}.{fmt}")
    if fmt == "xlsx":
        from sourcing_check.forms.xlsx_template import render_workbook

        files.refuse_existing([target], force)
        needs = must_answers(_framework(guidelines), name)
        files.write_or_stop([(target, render_workbook(model, kind, None, needs, __version__))])
        files.say_written(target)
        return
    _init_yaml(name, target, force, guidelines)


def _init_yaml(name: str, target: Path, force: bool, guidelines: Path | None) -> None:
    """Write the YAML template of ``name`` with its schema beside it (one shared per folder)."""
    from sourcing_check.forms.schemas import INPUT_SCHEMAS, input_schema
    from sourcing_check.forms.yaml_template import render_template

    model, kind = INPUT_SCHEMAS[name]
    schema_path = target.with_name(f"{kind}.schema.json")
    asked = evidence_asked(_framework(guidelines), name)
    if files.in_place(target):  # a device or this process's output: nothing is written beside it
        files.write_or_stop([(target, render_template(model, kind, schema_path.name, asked))])
        files.say_written(target, f" (its schema: 'sourcing-check schema {name}')")
        return
    schema_text = _dump_json(input_schema(name))
    # templates in one folder share their schema: the same schema already there is kept
    shared = schema_path.is_file() and schema_path.read_bytes() == schema_text.encode("utf-8")
    files.refuse_existing([target] if shared else [target, schema_path], force)
    template = (target, render_template(model, kind, schema_path.name, asked))
    files.write_or_stop([template] if shared else [(schema_path, schema_text), template])
    files.say_written(target, f" (beside {schema_path})" if shared else f" and {schema_path}")


def _init_decision(
    source: Path | None,
    output: Path | None,
    force: bool,
    settings: Settings,
    previous: Path | None,
) -> None:
    """Write the decision file for the one subject ``source`` gives, carrying forward what is
    still open of the ``previous`` decision."""
    from sourcing_check.forms.decision_carry import carry_forward
    from sourcing_check.forms.decision_template import render_decision
    from sourcing_check.forms.decision_text import requirement_findings
    from sourcing_check.run import assessments_of, load_decision

    if source is None:
        stop([Problem("(arguments)", "'init decision' needs the assessment: a JSON, PDF or input")])
    target = output or Path("decision.yaml")
    files.refuse_existing([target], force)
    try:
        found = assessments_of(source, settings)
        old = load_decision(previous).model if previous else None
    except InputError as exc:
        stop(exc.problems, "nothing written: fix the problems above")
    files.refuse_overwriting([target], [*found.inputs, *([previous] if previous else [])])
    assessments = found.assessments
    if len(assessments) != 1:
        message = f"holds {len(assessments)} assessments; a decision is about one subject"
        stop([Problem(str(source), message)])
    (assessment,) = assessments
    carried = None
    if old is not None and previous is not None:
        carried = carry_forward(old, str(previous), requirement_findings(assessment))
    text = render_decision(assessment, f"sourcing-check {__version__}", carried)
    files.write_or_stop([(target, text)])
    files.say_written(target)
    if carried is not None:
        aside = files.to_own_output([target])
        conditions = ", ".join(c.id for c in carried.conditions) or "none"
        waivers = ", ".join(w.requirement for w in carried.waivers) or "none"
        click.echo(f"  conditions carried forward: {conditions}", err=aside)
        click.echo(f"  waivers to approve again (written out of force): {waivers}", err=aside)
        click.echo(f"  resolved: {'; '.join(carried.resolved) or 'none'}", err=aside)


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=OUTPUT,
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
    files.refuse_existing([output], force)
    try:
        loaded = load_one(source)
    except InputError as exc:
        stop(exc.problems, "nothing written: fix the problems above")
    files.refuse_overwriting([output], [source])
    files.write_or_stop([(output, _converted(loaded, fmt, source, guidelines))])
    files.say_written(output)


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
