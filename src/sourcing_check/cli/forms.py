"""The commands that hand out blank inputs: 'init' (a YAML template) and 'schema'."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from sourcing_check.cli.files import write_or_stop
from sourcing_check.cli.problems import stop
from sourcing_check.errors import Problem
from sourcing_check.forms.schemas import INPUT_SCHEMAS, SCHEMAS, input_schema, named_schema
from sourcing_check.forms.yaml_template import EvidenceAsked, render_template
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import Framework, load_framework


def _dump_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


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


@click.command()
@click.argument("name", type=click.Choice(sorted(SCHEMAS)))
def schema(name: str) -> None:
    """Print a JSON Schema (draft 2020-12): an input kind, the guideline format or the
    assessment (the canonical JSON output of 'check')."""
    click.echo(_dump_json(named_schema(name)), nl=False)


@click.command()
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

    The template lists every field with its description as a comment, marks the sections
    whose evidence the bundled guidelines ask for, and a schema file is written beside it so
    that editors (with the YAML language server) validate and complete while you type.
    """
    model, kind = INPUT_SCHEMAS[name]
    target = output or Path(f"{name}.yaml")
    schema_path = target.with_name(f"{kind}.schema.json")
    existing = [path for path in (target, schema_path) if path.exists() and not force]
    if existing:
        hint = "choose another file with -o, or pass --force"
        stop([Problem(str(p), "already exists; not overwritten", hint=hint) for p in existing])
    asked = evidence_asked(load_framework(default_framework_dir()), name)
    write_or_stop(
        [
            (schema_path, _dump_json(input_schema(name))),
            (target, render_template(model, kind, schema_path.name, asked)),
        ]
    )
    click.echo(f"wrote {target} and {schema_path}")
