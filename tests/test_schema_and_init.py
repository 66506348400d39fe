"""JSON Schemas agree with the models; `init` templates are complete and validate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from sourcing_check.cli import main
from sourcing_check.errors import InputError
from sourcing_check.load.documents import read_document
from sourcing_check.load.subject import load_input
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import load_framework
from tests.conftest import EXAMPLES

KIND_OF = {"vendor": "vendor-questionnaire", "project": "project-plan"}


def _schema(runner: CliRunner, name: str) -> dict[str, Any]:
    result = runner.invoke(main, ["schema", name])
    assert result.exit_code == 0
    schema: dict[str, Any] = json.loads(result.stdout)
    return schema


def _jsonable(value: Any) -> Any:
    """Round-trip through JSON as another tool would see the document."""
    return json.loads(json.dumps(value, default=float))


@pytest.mark.parametrize("name", ["vendor", "project"])
def test_schema_is_valid_draft_2020_12(runner: CliRunner, name: str) -> None:
    schema = _schema(runner, name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"{KIND_OF[name]}:1")


@pytest.mark.parametrize("name", ["vendor", "project"])
def test_every_field_has_title_and_description(runner: CliRunner, name: str) -> None:
    schema = _schema(runner, name)
    objects = [schema, *schema["$defs"].values()]
    for obj in objects:
        for field, spec in obj.get("properties", {}).items():
            assert spec.get("title"), f"{obj.get('title')}.{field} has no title"
            assert spec.get("description"), f"{obj.get('title')}.{field} has no description"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_examples_pass_schema_and_models(runner: CliRunner, path: Path) -> None:
    document = read_document(path)
    name = "vendor" if document.data["kind"] == "vendor-questionnaire" else "project"
    errors = list(Draft202012Validator(_schema(runner, name)).iter_errors(_jsonable(document.data)))
    assert errors == []
    load_input(path)


BROKEN = [
    ("vendor", {"vendor": {"name": "X", "colour": "red"}}),
    ("vendor", {"vendor": {"name": "X"}, "pay": {"fee_share_percent": 120}}),
    ("vendor", {"vendor": {"name": "X"}, "pay": {"rates": [{"country": "XX"}]}}),
    ("vendor", {"vendor": {"name": "X"}, "rejection": {"rejected_work_paid": "sometimes"}}),
    ("project", {"project": {"name": "P", "planned_start": "31/12/2026"}}),
    ("project", {"project": {"name": "P"}, "pilot": {"participants": -3}}),
    (
        "project",
        {
            "project": {"name": "P"},
            "pay": {"rate": {"amount": 1, "currency": "usd", "period": "task"}},
        },
    ),
    ("project", {"project": {}}),
    (
        "vendor",
        {
            "vendor": {"name": "X"},
            "pay": {
                "fee_share_percent": 5,
                "rates": [
                    {
                        "country": "KE",
                        "rate": {"amount": 1e300, "currency": "KES", "period": "month"},
                    }
                ],
            },
        },
    ),
    ("project", {"project": {"name": "P"}, "workers": {"minimum_age": "18"}}),
    ("project", {"project": {"name": "P"}, "pay": {"minutes_per_task": 1e-30}}),
    ("project", {"project": {"name": "P"}, "pay": {"contracted_hours_per_period": 0}}),
    ("project", {"project": {"name": "P"}, "pay": {"tasks_per_worker": 0.5}}),
    ("project", {"project": {"name": "P"}, "pilot": {"p75_minutes": 0}}),
    ("project", {"project": {"name": "P"}, "task": {"volume_tasks": 10**16}}),
    ("vendor", {"vendor": {"name": "X"}, "pay": {"living_wage_benchmark": {"year": 10**9}}}),
]


@pytest.mark.parametrize(("name", "body"), BROKEN)
def test_schema_and_models_reject_the_same_documents(
    runner: CliRunner, tmp_path: Path, name: str, body: dict[str, Any]
) -> None:
    data = {"kind": KIND_OF[name], "schema_version": 1, **body}
    assert list(Draft202012Validator(_schema(runner, name)).iter_errors(data))
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data))
    with pytest.raises(InputError):
        load_input(path)


@pytest.mark.parametrize("name", ["vendor", "project"])
def test_init_writes_template_and_schema(runner: CliRunner, tmp_path: Path, name: str) -> None:
    target = tmp_path / f"my-{name}.yaml"
    result = runner.invoke(main, ["init", name, "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text()
    schema_file = tmp_path / f"{KIND_OF[name]}.schema.json"
    assert text.startswith(f"# yaml-language-server: $schema={schema_file.name}\n")
    assert json.loads(schema_file.read_text()) == _schema(runner, name)
    # well formed: the one problem of a blank template is the name it asks for (the workbook's
    # empty cell was refused as missing while the YAML's "" passed as a name)
    with pytest.raises(InputError) as refused:
        load_input(target)
    (problem,) = refused.value.problems
    assert problem.pointer == f"/{'vendor' if name == 'vendor' else 'project'}/name"
    assert "an empty name is no answer" in problem.message
    filled = text.replace('name: ""  # required', "name: Named", 1)
    target.write_text(filled)
    assert load_input(target).kind == KIND_OF[name]
    # every top-level field of the model appears with its description (a list commented out)
    for field, spec in _schema(runner, name)["properties"].items():
        assert f"\n{field}:" in text or f"\n# {field}: []" in text
        assert spec["description"] in text


def test_filled_template_validates(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "vendor.yaml"
    runner.invoke(main, ["init", "vendor", "-o", str(target)])
    text = target.read_text()
    text = text.replace('name: ""  # required', "name: Nairobi Data Works", 1)
    text = text.replace("  fee_share_percent: null", "  fee_share_percent: 0", 1)
    text = text.replace("  # jurisdictions: []", "  jurisdictions: [KE]", 1)
    text = text.replace(
        "  # rates: []",
        (
            "  rates:\n    - {country: KE, model: hourly, "
            "rate: {amount: 400, currency: KES, period: hour}}"
        ),
        1,
    )
    target.write_text(text)
    model = load_input(target).model
    assert model.vendor.name == "Nairobi Data Works"
    assert model.pay is not None and model.pay.rates[0].country == "KE"


def test_template_fills_only_the_document_kind_and_asks_no_retired_question(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "vendor.yaml"
    runner.invoke(main, ["init", "vendor", "-o", str(target)])
    text = target.read_text()
    # a nested field called 'kind' is a question, not the document kind
    assert "    kind: null" in text
    # EU presence comes from the workforce locations; the old question is not asked
    assert "eu_workers" not in text


def test_init_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "v.yaml"
    target.write_text("mine\n")
    result = runner.invoke(main, ["init", "vendor", "-o", str(target)])
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert target.read_text() == "mine\n"
    assert runner.invoke(main, ["init", "vendor", "-o", str(target), "--force"]).exit_code == 0
    assert target.read_text() != "mine\n"


def test_templates_in_one_folder_share_their_schema(runner: CliRunner, tmp_path: Path) -> None:
    # a team reviewing three vendors writes three templates side by side
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        result = runner.invoke(main, ["init", "vendor", "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    schema = tmp_path / "vendor-questionnaire.schema.json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml", "c.yaml", schema.name]
    assert f"(beside {schema})" in result.stdout
    # another schema under that name (an older version, or the user's) is not replaced silently
    schema.write_text("{}\n")
    refused = runner.invoke(main, ["init", "vendor", "-o", str(tmp_path / "d.yaml")])
    assert refused.exit_code == 2 and not (tmp_path / "d.yaml").exists()
    assert "pass --force to replace it" in refused.stderr and schema.read_text() == "{}\n"


def _unwrapped_comments(lines: list[str]) -> list[str]:
    """The template's lines with each wrapped comment ('#   ' continuations) on one line."""
    joined: list[str] = []
    for line in lines:
        if line.lstrip().startswith("#   ") and joined and joined[-1].lstrip().startswith("#"):
            joined[-1] += " " + line.lstrip()[4:]
        else:
            joined.append(line)
    return joined


@pytest.mark.parametrize("name", ["vendor", "project"])
def test_template_marks_every_section_whose_evidence_a_requirement_asks_for(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    target = tmp_path / f"{name}.yaml"
    assert runner.invoke(main, ["init", name, "-o", str(target)]).exit_code == 0
    lines = _unwrapped_comments(target.read_text().splitlines())
    framework = load_framework(default_framework_dir())
    asked = [
        (rule.requirement.id, spec)
        for rule in framework.rules
        for spec in rule.requirement.evidence
        if spec.at.startswith(f"/{name}/")
    ]
    assert asked
    for requirement, spec in asked:
        # the marker stands just above the section it is about, at the section's indent
        section = spec.at.split("/")[-1]
        depth = spec.at.count("/") - 2
        marker = f"{'  ' * depth}# evidence asked for by {requirement}: {spec.description}"
        at = next(i for i, line in enumerate(lines) if line.startswith(marker))
        following = next(line for line in lines[at:] if not line.lstrip().startswith("#"))
        assert following == f"{'  ' * depth}{section}:", (requirement, following)


def test_vendor_template_says_which_pay_evidence_is_wanted(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "vendor.yaml"
    runner.invoke(main, ["init", "vendor", "-o", str(target)])
    text = target.read_text()
    assert "# evidence asked for by PAI-1.2: Payslips or rate cards" in text
    assert "(optional)" in text  # PAI-1.11's cost breakdown helps but is not required
