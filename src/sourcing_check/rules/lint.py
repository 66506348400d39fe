"""Lint a guideline requirement strictly: every problem located in its file."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from sourcing_check.errors import Problem
from sourcing_check.facts import FACT_KEYS
from sourcing_check.models.document import Document
from sourcing_check.models.guideline import FrameworkFile, Requirement
from sourcing_check.models.introspect import model_in
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire
from sourcing_check.rules.predicates import param_names, pointers

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ROOTS: dict[str, type[BaseModel]] = {"vendor": VendorQuestionnaire, "project": ProjectPlan}


def lint_requirement(
    requirement: Requirement, meta: FrameworkFile, document: Document, at: str
) -> Iterator[Problem]:
    """Yield every problem of one requirement (at pointer ``at`` in ``document``)."""
    guidelines = {g.id for g in meta.guidelines}
    if requirement.guideline not in guidelines:
        yield document.problem(
            f"{at}/guideline",
            f"unknown guideline {requirement.guideline!r}",
            "declared: " + ", ".join(sorted(guidelines)),
        )
    if requirement.source.document not in meta.sources:
        yield document.problem(
            f"{at}/source/document",
            f"source {requirement.source.document!r} is not declared",
            "declare it under 'sources' in framework.yaml",
        )
    if not requirement.remediation.strip():
        yield document.problem(f"{at}/remediation", "the remediation is empty")
    if requirement.applies_when and not requirement.not_applicable_reason:
        yield document.problem(
            f"{at}/applies_when",
            "a conditional requirement needs a not_applicable_reason",
            "say in a sentence when it does not apply",
        )
    if requirement.pending_when and not requirement.pending_reason:
        yield document.problem(
            f"{at}/pending_when",
            "a requirement that can be pending needs a pending_reason",
            "say in a sentence what is awaited",
        )
    if requirement.scope == "vendor":
        reads = [
            *pointers(requirement.check),
            *(requirement.reads or []),
            *pointers(requirement.applies_when or {}),
            *pointers(requirement.pending_when or {}),
        ]
        for pointer in reads:
            if pointer.startswith(
                ("/project/", "/facts/project_wage", "/facts/pricing", "/facts/languages")
            ):
                yield document.problem(
                    f"{at}/scope",
                    f"a vendor-scope requirement reads "
                    f"{pointer}, which only a project plan provides",
                    "make it project scope, or read /vendor answers",
                )
    pointer_lists: list[tuple[str, list[str]]] = [
        ("check", list(pointers(requirement.check))),
        ("reads", requirement.reads or []),
        ("applies_when", list(pointers(requirement.applies_when or {}))),
        ("pending_when", list(pointers(requirement.pending_when or {}))),
        ("evidence", [e.at for e in requirement.evidence]),
    ]
    for where, listed in pointer_lists:
        for pointer in listed:
            error = pointer_error(pointer, evidence=where == "evidence")
            if error:
                yield document.problem(f"{at}/{where}", f"{pointer}: {error}")
    for field in ("applies_when", "pending_when", "check"):
        for name in param_names(getattr(requirement, field)):
            if name not in meta.parameters:
                yield document.problem(
                    f"{at}/{field}",
                    f"parameter {name!r} is not declared",
                    "declare it under 'parameters' in framework.yaml",
                )
    texts = [
        ("remediation", requirement.remediation),
        ("messages/pass", requirement.messages.pass_),
        ("messages/fail", requirement.messages.fail),
    ]
    for where, text in texts:
        for placeholder in PLACEHOLDER.findall(text or ""):
            error = placeholder_error(placeholder, meta)
            if error:
                yield document.problem(f"{at}/{where}", f"{{{placeholder}}}: {error}")


def pointer_error(pointer: str, *, evidence: bool = False) -> str | None:
    """Return why a subject pointer is not defined by the input schemas or facts, or None."""
    parts = pointer.split("/")[1:]
    if not parts or parts[0] not in (*_ROOTS, "facts"):
        return "must start with /vendor, /project or /facts"
    if parts[0] == "facts":
        if evidence:
            return "evidence lives in input sections, not facts"
        if len(parts) < 2 or parts[1] not in FACT_KEYS:
            return "unknown fact; known: " + ", ".join(sorted(FACT_KEYS))
        if len(parts) > 2 and parts[2] not in FACT_KEYS[parts[1]]:
            return f"fact {parts[1]!r} has no {parts[2]!r}"
        return None
    current: type[BaseModel] | None = _ROOTS[parts[0]]
    for part in parts[1:]:
        if part.isdigit():
            continue
        if current is None or part not in current.model_fields:
            return f"no field {part!r} here in the {parts[0]} schema"
        current = model_in(current.model_fields[part].annotation)
    if evidence and (current is None or "evidence" not in current.model_fields):
        return "not a section that can hold evidence"
    return None


def placeholder_error(placeholder: str, meta: FrameworkFile) -> str | None:
    """Return why a ``{...}`` placeholder cannot be filled, or None."""
    parts = placeholder.split(".")
    if parts[0] == "params":
        return None if len(parts) == 2 and parts[1] in meta.parameters else "unknown parameter"
    if parts[0] == "facts" and len(parts) >= 3 and parts[1] in FACT_KEYS:
        return None if parts[2] in FACT_KEYS[parts[1]] else f"fact {parts[1]!r} has no {parts[2]!r}"
    return "placeholders are {facts.NAME.KEY...} or {params.NAME}"
