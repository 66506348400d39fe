"""JSON Schemas (draft 2020-12) generated from the models, for editors and other tools."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire

DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Schema names accepted by ``sourcing-check schema``, with their model and document kind.
INPUT_SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "vendor": (VendorQuestionnaire, "vendor-questionnaire"),
    "project": (ProjectPlan, "project-plan"),
}


def schema_id(kind: str, version: int = 1) -> str:
    """Return the ``$id`` of a document kind's schema."""
    return f"urn:sourcing-check:schema:{kind}:{version}"


def model_schema(
    model: type[BaseModel], kind: str, description: str | None = None
) -> dict[str, Any]:
    """Return the draft 2020-12 schema of ``model`` with ``$schema``, ``$id`` and description."""
    body = model.model_json_schema(mode="validation")
    schema: dict[str, Any] = {"$schema": DIALECT, "$id": schema_id(kind)}
    schema.update(body)
    for obj in [schema, *schema.get("$defs", {}).values()]:
        for field, spec in obj.get("properties", {}).items():
            spec.setdefault("title", field.replace("_", " ").capitalize())
    schema["title"] = body.get("title", kind)
    schema["description"] = description or body.get("description", kind)
    return schema


def input_schema(name: str) -> dict[str, Any]:
    """Return the schema of an input kind: ``vendor`` or ``project``."""
    model, kind = INPUT_SCHEMAS[name]
    return model_schema(model, kind)


def _guideline_schema() -> dict[str, Any]:
    from pydantic.json_schema import models_json_schema

    from sourcing_check.models.guideline import FrameworkFile, RequirementsFile

    _, defs = models_json_schema(
        [(FrameworkFile, "validation"), (RequirementsFile, "validation")],
        ref_template="#/$defs/{model}",
    )
    return {
        "$schema": DIALECT,
        "$id": schema_id("guidelines"),
        "title": "Guideline framework file",
        "description": "framework.yaml (kind: guideline-framework) or a requirements file "
        "(kind: guideline-requirements) of a guideline framework directory.",
        "oneOf": [{"$ref": "#/$defs/FrameworkFile"}, {"$ref": "#/$defs/RequirementsFile"}],
        **defs,
    }


def _assessment_schema() -> dict[str, Any]:
    from sourcing_check.models.results import ASSESSMENT_SCHEMA_VERSION, Assessments

    schema = model_schema(
        Assessments,
        "assessment",
        "The canonical assessments of 'sourcing-check check --format json', one per subject.",
    )
    schema["$id"] = schema_id("assessment", ASSESSMENT_SCHEMA_VERSION)
    return schema


def _profile_schema() -> dict[str, Any]:
    from sourcing_check.models.profile import PROFILE_KIND, ProfileFile

    return model_schema(
        ProfileFile,
        PROFILE_KIND,
        "A profile: an organisation's tailoring of a guideline framework (check --profile).",
    )


def _decision_schema() -> dict[str, Any]:
    from sourcing_check.models.decision import DECISION_KIND, DecisionFile

    return model_schema(
        DecisionFile,
        DECISION_KIND,
        "The board's decision on one subject: waivers, conditions, sign-off (check --decision).",
    )


#: Every schema 'sourcing-check schema NAME' prints.
SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "vendor": lambda: input_schema("vendor"),
    "project": lambda: input_schema("project"),
    "guidelines": _guideline_schema,
    "profile": _profile_schema,
    "decision": _decision_schema,
    "assessment": _assessment_schema,
}


def named_schema(name: str) -> dict[str, Any]:
    """Return the schema called ``name`` (see SCHEMAS)."""
    return SCHEMAS[name]()
