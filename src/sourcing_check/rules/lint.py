"""Lint a guideline requirement strictly: a table of small checks, each with a stable code.

Like yamllint's rule table: ``RULES`` maps a code to its summary (from ``errors.CODES``) and its
check. A check looks at one requirement and yields flags (where within the requirement, what,
and a hint); ``lint_requirement`` turns each flag into a located problem carrying the code.
The framework loader reports the rest of the ``G`` codes: the shape of guideline files
(G101-G103) and the framework directory as a whole (G301-G303).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pydantic import BaseModel

from sourcing_check.errors import CODES, Problem
from sourcing_check.facts import FACT_KEYS
from sourcing_check.models.document import Document
from sourcing_check.models.guideline import FrameworkFile, Requirement
from sourcing_check.models.introspect import model_in
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire
from sourcing_check.rules.predicates import (
    Compiled,
    PredicateError,
    compile_predicate,
    param_names,
    pointers,
)

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ROOTS: dict[str, type[BaseModel]] = {"vendor": VendorQuestionnaire, "project": ProjectPlan}
_PROJECT_ONLY = ("/project/", "/facts/project_wage", "/facts/pricing", "/facts/languages")


@dataclass(frozen=True)
class Target:
    """One requirement under lint, and what its checks may consult."""

    requirement: Requirement
    meta: FrameworkFile
    #: Parameter values: the declared defaults with any overrides.
    params: Mapping[str, Any]
    #: Where an earlier requirement with the same id is defined ("" when none is).
    first_seen: str = ""
    #: The predicates as compiled by the G210 check, kept so that they compile once.
    compiled: dict[str, Compiled] = field(default_factory=dict)
    #: Where the requirement's file may declare sources and guideline areas: the framework's
    #: framework.yaml, or the profile that adds the requirement.
    declares: str = "framework.yaml"


class Flag(NamedTuple):
    """What a check found: a pointer within the requirement, the message, a hint."""

    at: str
    message: str
    hint: str = ""


Check = Callable[[Target], Iterator[Flag]]


def lint_requirement(target: Target, document: Document, at: str) -> Iterator[Problem]:
    """Yield every problem of one requirement (at pointer ``at`` in ``document``), coded."""
    for code, (_summary, check) in RULES.items():
        for flag in check(target):
            yield document.problem(f"{at}{flag.at}", flag.message, flag.hint, code=code)


def _duplicate_id(t: Target) -> Iterator[Flag]:
    if t.first_seen:
        yield Flag(
            "/id",
            f"duplicate requirement id {t.requirement.id!r}",
            f"first defined at {t.first_seen}; ids are never reused",
        )


def _unknown_guideline(t: Target) -> Iterator[Flag]:
    declared = {g.id for g in t.meta.guidelines}
    if t.requirement.guideline not in declared:
        yield Flag(
            "/guideline",
            f"unknown guideline {t.requirement.guideline!r}",
            f"declared: {', '.join(sorted(declared))}; or declare it under 'guidelines' in "
            f"{t.declares}",
        )


#: The predicates a requirement may have; only 'check' is required.
PREDICATES = ("applies_when", "pending_when", "unverified_when", "check")


def _undeclared_source(t: Target) -> Iterator[Flag]:
    if t.requirement.source.document not in t.meta.sources:
        yield Flag(
            "/source/document",
            f"source {t.requirement.source.document!r} is not declared",
            f"declare it under 'sources' in {t.declares}, or cite one declared: "
            + ", ".join(sorted(t.meta.sources)),
        )


def _no_not_applicable_reason(t: Target) -> Iterator[Flag]:
    if t.requirement.applies_when and not t.requirement.not_applicable_reason:
        yield Flag(
            "/applies_when",
            "a conditional requirement needs a not_applicable_reason",
            "say in a sentence when it does not apply",
        )


def _no_pending_reason(t: Target) -> Iterator[Flag]:
    if t.requirement.pending_when and not t.requirement.pending_reason:
        yield Flag(
            "/pending_when",
            "a requirement that can be pending needs a pending_reason",
            "say in a sentence what is awaited",
        )


def _no_unverified_reason(t: Target) -> Iterator[Flag]:
    if t.requirement.unverified_when and not t.requirement.unverified_reason:
        yield Flag(
            "/unverified_when",
            "a requirement whose pass can be unconfirmed needs an unverified_reason",
            "say in a sentence why the pass cannot be confirmed",
        )


def _empty_remediation(t: Target) -> Iterator[Flag]:
    if not t.requirement.remediation.strip():
        yield Flag("/remediation", "the remediation is empty")


def _vendor_reads_project(t: Target) -> Iterator[Flag]:
    req = t.requirement
    if req.scope != "vendor":
        return
    read = [
        *pointers(req.check),
        *(req.reads or []),
        *pointers(req.applies_when or {}),
        *pointers(req.pending_when or {}),
        *pointers(req.unverified_when or {}),
    ]
    for pointer in read:
        if pointer.startswith(_PROJECT_ONLY):
            yield Flag(
                "/scope",
                f"a vendor-scope requirement reads {pointer}, which only a project plan provides",
                "make it project scope, or read /vendor answers",
            )


def _undefined_pointer(t: Target) -> Iterator[Flag]:
    req = t.requirement
    pointer_lists: list[tuple[str, list[str]]] = [
        ("check", list(pointers(req.check))),
        ("reads", req.reads or []),
        ("applies_when", list(pointers(req.applies_when or {}))),
        ("pending_when", list(pointers(req.pending_when or {}))),
        ("unverified_when", list(pointers(req.unverified_when or {}))),
        ("evidence", [e.at for e in req.evidence]),
    ]
    for where, listed in pointer_lists:
        for pointer in listed:
            error = pointer_error(pointer, evidence=where == "evidence")
            if error:
                yield Flag(f"/{where}", f"{pointer}: {error}")


def _undeclared_parameter(t: Target) -> Iterator[Flag]:
    for where in PREDICATES:
        for name in param_names(getattr(t.requirement, where)):
            if name not in t.meta.parameters:
                yield Flag(
                    f"/{where}",
                    f"parameter {name!r} is not declared",
                    "declare it under 'parameters' in framework.yaml"
                    if t.declares == "framework.yaml"
                    else "a profile sets the framework's parameters but declares none: write "
                    "the value itself, or use one declared: "
                    + ", ".join(sorted(t.meta.parameters)),
                )


def _unfillable_placeholder(t: Target) -> Iterator[Flag]:
    texts = [
        ("remediation", t.requirement.remediation),
        ("messages/pass", t.requirement.messages.pass_),
        ("messages/fail", t.requirement.messages.fail),
        ("unverified_reason", t.requirement.unverified_reason),
        ("unverified_remediation", t.requirement.unverified_remediation),
    ]
    for where, text in texts:
        for placeholder in PLACEHOLDER.findall(text or ""):
            error = placeholder_error(placeholder, t.meta)
            if error:
                yield Flag(f"/{where}", f"{{{placeholder}}}: {error}")


def _invalid_predicate(t: Target) -> Iterator[Flag]:
    for where in PREDICATES:
        predicate = getattr(t.requirement, where)
        if where != "check" and not predicate:
            continue
        if any(name not in t.params for name in param_names(predicate)):
            continue  # an undeclared parameter is G208's
        try:
            t.compiled[where] = compile_predicate(predicate, t.params, f"/{where}")
        except PredicateError as exc:
            yield Flag(exc.where, str(exc))


#: The codes lint reports, in the order ``guidelines lint --codes`` lists them: the guideline
#: codes, the profile codes, then those of reading a file.
LINT_CODE_PREFIXES = ("G", "P", "I1")

#: The rule table: code -> (summary, check), in the order problems are reported.
RULES: dict[str, tuple[str, Check]] = {
    code: (CODES[code], check)
    for code, check in {
        "G201": _duplicate_id,
        "G202": _unknown_guideline,
        "G203": _undeclared_source,
        "G204": _no_not_applicable_reason,
        "G205": _empty_remediation,
        "G206": _vendor_reads_project,
        "G207": _undefined_pointer,
        "G208": _undeclared_parameter,
        "G209": _unfillable_placeholder,
        "G210": _invalid_predicate,
        "G211": _no_pending_reason,
        "G212": _no_unverified_reason,
    }.items()
}


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
