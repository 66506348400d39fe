"""Load a guideline framework directory, lint it strictly, and compile its predicates once."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.documents import read_document
from sourcing_check.load.validation import validate_as
from sourcing_check.models.document import Document
from sourcing_check.models.guideline import FrameworkFile, Requirement, RequirementsFile
from sourcing_check.resources import display_path
from sourcing_check.rules.lint import lint_requirement
from sourcing_check.rules.predicates import Compiled, PredicateError, compile_predicate

FRAMEWORK_FILE = "framework.yaml"
REQUIREMENTS_GLOB = "requirements/*.yaml"


@dataclass(frozen=True)
class Rule:
    """A requirement with its compiled predicates and where it is written."""

    requirement: Requirement
    applies: Compiled | None
    pending: Compiled | None
    check: Compiled
    reads: tuple[str, ...]
    file: str
    line: int

    @functools.cached_property
    def answer_pointers(self) -> tuple[str, ...]:
        """The input answers a finding shows: applicability first, then what the check reads."""
        pointers = list(self.applies.reads) if self.applies else []
        pointers += list(self.pending.reads) if self.pending else []
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


def build_framework(directory: Path) -> tuple[Framework | None, list[Problem]]:
    """Load, lint and compile a framework: the framework when sound, and every problem."""
    return _build(directory, {})


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
            found = list(lint_requirement(requirement, meta, document, at))
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
        pending = (
            compile_predicate(requirement.pending_when, params, f"{at}/pending_when")
            if requirement.pending_when
            else None
        )
        check = compile_predicate(requirement.check, params, f"{at}/check")
    except PredicateError as exc:
        problems.append(document.problem(exc.where, str(exc)))
        return None
    reads = tuple(requirement.reads) if requirement.reads else check.reads
    return Rule(requirement, applies, pending, check, reads, document.name, document.locate(at)[0])
