"""JSON Schemas (draft 2020-12) generated from the models, for editors and other tools."""

from __future__ import annotations

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
