"""Load a guideline framework directory, lint it strictly, and compile its predicates once."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sourcing_check.errors import InputError, Problem
from sourcing_check.facts import FACT_KEYS
from sourcing_check.load.documents import read_document
from sourcing_check.load.validation import validate_as
from sourcing_check.models.document import Document
from sourcing_check.models.guideline import FrameworkFile, Requirement, RequirementsFile
from sourcing_check.models.introspect import model_in
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire
from sourcing_check.resources import display_path
from sourcing_check.rules.predicates import (
    Compiled,
    PredicateError,
    compile_predicate,
    param_names,
    pointers,
)

FRAMEWORK_FILE = "framework.yaml"
REQUIREMENTS_GLOB = "requirements/*.yaml"
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ROOTS: dict[str, type[BaseModel]] = {"vendor": VendorQuestionnaire, "project": ProjectPlan}


@dataclass(frozen=True)
class Rule:
    """A requirement with its compiled predicates and where it is written."""

    requirement: Requirement
    applies: Compiled | None
    check: Compiled
    reads: tuple[str, ...]
    file: str
    line: int

    @functools.cached_property
    def answer_pointers(self) -> tuple[str, ...]:
        """The input answers a finding shows: applicability first, then what the check reads."""
        pointers = list(self.applies.reads) if self.applies else []
        pointers += [p for p in self.reads if not p.startswith("/facts/")]
        return tuple(dict.fromkeys(pointers))

    @functools.cached_property
    def static(self) -> dict[str, Any]:
        """The parts of a finding that do not depend on the subject (sources filled in later)."""
        req = self.requirement
        return {
            "requirement": req.id,
            "guideline": req.guideline,
            "title": req.title,
            "rationale": req.rationale,
            "level": req.level,
            "weight": req.weight,
            "scope": req.scope,
            "source": req.source,
        }

    @functools.cached_property
    def facts(self) -> tuple[str, ...]:
        """The names of the facts the check reads."""
        return tuple(sorted({p.split("/")[2] for p in self.reads if p.startswith("/facts/")}))


@dataclass(frozen=True)
class Framework:
    """A loaded, linted and compiled framework."""

    meta: FrameworkFile
    rules: tuple[Rule, ...]
    params: Mapping[str, Any]
    files: tuple[tuple[str, str], ...]  # (path, sha256)

    def rule(self, requirement_id: str) -> Rule | None:
        """Return the rule with this id, if any."""
        return next((r for r in self.rules if r.requirement.id == requirement_id), None)


def requirement_files(directory: Path) -> list[Path]:
    """Return the framework's requirement files in a stable order."""
    return sorted(directory.glob(REQUIREMENTS_GLOB))


def load_framework(directory: Path, overrides: Mapping[str, Any] | None = None) -> Framework:
    """Load and compile a framework; raise InputError listing every lint problem."""
    framework, problems = _build(directory, overrides or {})
    if problems or framework is None:
        raise InputError(problems)
    return framework


def lint_framework(directory: Path) -> list[Problem]:
    """Return every problem in a framework directory (empty when it is sound)."""
    return _build(directory, {})[1]


def _build(directory: Path, overrides: Mapping[str, Any]) -> tuple[Framework | None, list[Problem]]:
    problems: list[Problem] = []
    if not directory.is_dir():
        return None, [
            Problem(
                str(directory),
                "is not a guideline framework directory",
                hint=f"a framework directory holds {FRAMEWORK_FILE} and {REQUIREMENTS_GLOB}",
            )
        ]
    try:
        meta_path = directory / FRAMEWORK_FILE
        meta_doc = read_document(meta_path)
        meta = validate_as(meta_doc, FrameworkFile)
    except InputError as exc:
        return None, exc.problems
    files = [(display_path(meta_path), meta_doc.sha256)]
    params = {name: p.default for name, p in meta.parameters.items()}
    for name, value in overrides.items():
        if name not in params:
            problems.append(
                Problem(
                    str(meta_doc.path),
                    f"unknown parameter {name!r}",
                    hint="declared: " + ", ".join(sorted(params)),
                )
            )
        params[name] = value
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    paths = requirement_files(directory)
    if not paths:
        problems.append(Problem(str(directory), f"no requirement files ({REQUIREMENTS_GLOB})"))
    for path in paths:
        try:
            document = read_document(path)
            content = validate_as(document, RequirementsFile)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        files.append((display_path(path), document.sha256))
        for index, requirement in enumerate(content.requirements):
            at = f"/requirements/{index}"
            line = document.locate(at)[0]
            if requirement.id in seen:
                problems.append(
                    document.problem(
                        f"{at}/id",
                        f"duplicate requirement id {requirement.id!r}",
                        f"first defined at {seen[requirement.id]}; ids are never reused",
                    )
                )
                continue
            seen[requirement.id] = f"{document.name}:{line}"
            found = list(_lint_requirement(requirement, meta, document, at))
            problems.extend(found)
            rule = None if found else _compile(requirement, params, document, at, problems)
            if rule is not None:
                rules.append(rule)
    framework = Framework(meta, tuple(rules), params, tuple(files))
    return (framework if not problems else None), problems


def _compile(
    requirement: Requirement,
    params: Mapping[str, Any],
    document: Document,
    at: str,
    problems: list[Problem],
) -> Rule | None:
    try:
        applies = (
            compile_predicate(requirement.applies_when, params, f"{at}/applies_when")
            if requirement.applies_when
            else None
        )
        check = compile_predicate(requirement.check, params, f"{at}/check")
    except PredicateError as exc:
        problems.append(document.problem(exc.where, str(exc)))
        return None
    reads = tuple(requirement.reads) if requirement.reads else check.reads
    return Rule(requirement, applies, check, reads, document.name, document.locate(at)[0])


def _lint_requirement(
    requirement: Requirement, meta: FrameworkFile, document: Document, at: str
) -> Iterator[Problem]:
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
    if requirement.scope == "vendor":
        reads = [
            *pointers(requirement.check),
            *(requirement.reads or []),
            *pointers(requirement.applies_when or {}),
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
        ("evidence", [e.at for e in requirement.evidence]),
    ]
    for where, listed in pointer_lists:
        for pointer in listed:
            error = pointer_error(pointer, evidence=where == "evidence")
            if error:
                yield document.problem(f"{at}/{where}", f"{pointer}: {error}")
    for field in ("applies_when", "check"):
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
