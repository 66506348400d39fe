"""Load a guideline framework directory, lint it strictly (G codes), compile its predicates once."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcing_check.errors import InputError, Problem
from sourcing_check.facts.inputs import quoted_inputs
from sourcing_check.load.documents import read_document
from sourcing_check.load.validation import ShapeCodes, validate_as
from sourcing_check.models.document import Document
from sourcing_check.models.guideline import (
    EvidenceSpec,
    FrameworkFile,
    Requirement,
    RequirementsFile,
)
from sourcing_check.models.numbers import plain_json
from sourcing_check.models.profile import AppliedProfile
from sourcing_check.models.results import FileRef, Finding
from sourcing_check.resources import display_path
from sourcing_check.rules.lint import PREDICATES, Target, lint_requirement
from sourcing_check.rules.predicates import Compiled, compile_predicate, param_names

FRAMEWORK_FILE = "framework.yaml"
REQUIREMENTS_GLOB = "requirements/*.yaml"
#: Shape problems in guideline files (the rule table in rules/lint.py has the G2xx codes).
GUIDELINE_CODES = ShapeCodes(unknown="G101", missing="G102", invalid="G103")


@dataclass(frozen=True)
class Rule:
    """A requirement with its compiled predicates and where it is written."""

    requirement: Requirement
    applies: Compiled | None
    pending: Compiled | None
    check: Compiled
    unverified: Compiled | None
    reads: tuple[str, ...]
    file: str
    line: int

    @functools.cached_property
    def answer_pointers(self) -> tuple[str, ...]:
        """The input answers a finding shows: applicability first, then what the check reads
        (for a fact made from a few answers, such as the pilot's timing, those answers)."""
        pointers = list(self.applies.reads) if self.applies else []
        pointers += list(self.pending.reads) if self.pending else []
        for read in self.reads:
            pointers += quoted_inputs(read) if read.startswith("/facts/") else [read]
        return tuple(dict.fromkeys(pointers))

    @functools.cached_property
    def static(self) -> dict[str, Any]:
        """The first fields of a finding, which do not depend on the subject."""
        req = self.requirement
        return {
            "requirement": req.id,
            "guideline": req.guideline,
            "title": req.title,
            "rationale": req.rationale,
            "level": req.level,
            "weight": req.weight,
            "scope": req.scope,
        }

    @functools.cached_property
    def template(self) -> dict[str, Any]:
        """A finding's fields in order, those that do not depend on the subject filled in (the
        evaluator copies it and sets the rest)."""
        template: dict[str, Any] = dict.fromkeys(Finding.model_fields)  # in their order
        template.update(self.static)
        return template

    @functools.cached_property
    def evidence(self) -> tuple[EvidenceSpec, ...]:
        """The evidence its requirement names, if any."""
        return tuple(self.requirement.evidence or ())

    @functools.cached_property
    def fact_reads(self) -> tuple[str, ...]:
        """The pointers it reads that are facts."""
        return tuple(p for p in self.reads if p.startswith("/facts/"))

    @functools.cached_property
    def reads_facts(self) -> bool:
        """True when an answer it finds missing may be a fact's (whose words depend on the
        subject's facts): a pointer it or a predicate reads is a fact."""
        reads = [*self.reads, *self.check.reads, *(self.applies.reads if self.applies else ())]
        return any(p.startswith("/facts/") for p in reads)

    @functools.cached_property
    def met(self) -> str:
        """The message of a pass when the author wrote none."""
        return f"Met: {self.requirement.title}."

    @functools.cached_property
    def facts(self) -> tuple[str, ...]:
        """The names of the facts the check reads."""
        return tuple(sorted({p.split("/")[2] for p in self.reads if p.startswith("/facts/")}))

    @functools.cached_property
    def params(self) -> frozenset[str]:
        """The parameters its predicates use."""
        req = self.requirement
        return frozenset(
            name for where in PREDICATES for name in param_names(getattr(req, where) or {})
        )

    def recompiled(self, params: Mapping[str, Any]) -> Rule:
        """This rule with its predicates compiled for other parameter values (raises
        PredicateError when a value makes a predicate invalid)."""
        req = self.requirement
        compiled = {
            where: compile_predicate(getattr(req, where), params, f"/{where}")
            for where in PREDICATES
            if getattr(req, where)
        }
        check = compiled["check"]
        reads = tuple(req.reads) if req.reads else check.reads
        applies, pending = compiled.get("applies_when"), compiled.get("pending_when")
        unverified = compiled.get("unverified_when")
        return Rule(req, applies, pending, check, unverified, reads, self.file, self.line)


@dataclass(frozen=True)
class Framework:
    """A loaded, linted and compiled framework."""

    meta: FrameworkFile
    rules: tuple[Rule, ...]
    params: Mapping[str, Any]
    files: tuple[tuple[str, str], ...]  # (path, sha256)
    #: The profiles applied, in order, with what each changed.
    profiles: tuple[AppliedProfile, ...] = ()

    @functools.cached_property
    def shown_params(self) -> dict[str, Any]:
        """The parameter values as every assessment shows them (plain JSON; made once)."""
        shown: dict[str, Any] = plain_json(dict(self.params), numbers=True)
        return shown

    @functools.cached_property
    def templates(self) -> tuple[dict[str, Any], ...]:
        """Each rule's finding, in order of ``rules``: its fields in order, those that do not
        depend on the subject filled in, its source's among them (the evaluator copies one
        and sets the rest)."""
        made = []
        for rule in self.rules:
            source = rule.requirement.source
            document = self.meta.sources[source.document]
            template = rule.template.copy()
            template["source"] = source
            template["source_title"] = document.title
            template["source_url"] = source.url or document.url
            made.append(template)
        return tuple(made)

    @functools.cached_property
    def file_refs(self) -> tuple[FileRef, ...]:
        """The guideline and profile files, as every assessment lists them (made once)."""
        files = [FileRef(role="guidelines", path=p, sha256=h) for p, h in self.files]
        files += [FileRef(role="profile", path=p.file, sha256=p.sha256) for p in self.profiles]
        return tuple(files)

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
    if not directory.is_dir():
        hint = f"a framework directory holds {FRAMEWORK_FILE} and {REQUIREMENTS_GLOB}"
        message = "is not a guideline framework directory"
        return None, [Problem(str(directory), message, hint=hint, code="G301")]
    try:
        meta_doc = read_document(directory / FRAMEWORK_FILE)
        meta = validate_as(meta_doc, FrameworkFile, GUIDELINE_CODES)
    except InputError as exc:
        return None, exc.problems
    files = [(display_path(meta_doc.path), meta_doc.sha256)]
    params, problems = _params(meta, meta_doc, overrides)
    paths = requirement_files(directory)
    if not paths:
        message = f"no requirement files ({REQUIREMENTS_GLOB})"
        problems.append(Problem(str(directory), message, code="G302"))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            document = read_document(path)
            content = validate_as(document, RequirementsFile, GUIDELINE_CODES)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        files.append((display_path(path), document.sha256))
        for index, requirement in enumerate(content.requirements):
            at = f"/requirements/{index}"
            target = Target(requirement, meta, params, seen.get(requirement.id, ""))
            seen.setdefault(requirement.id, f"{document.name}:{document.locate(at)[0]}")
            rule, found = linted_rule(target, document, at)
            problems.extend(found)
            if rule is not None:
                rules.append(rule)
    framework = Framework(meta, tuple(rules), params, tuple(files))
    return (framework if not problems else None), problems


def _params(
    meta: FrameworkFile, meta_doc: Document, overrides: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Problem]]:
    """The parameter values (defaults, then overrides) and a G303 problem per unknown name."""
    params = {name: p.default for name, p in meta.parameters.items()}
    problems = [
        Problem(
            meta_doc.name,
            f"unknown parameter {name!r}",
            hint="declared: " + ", ".join(sorted(params)),
            code="G303",
        )
        for name in overrides
        if name not in params
    ]
    return {**params, **overrides}, problems


def linted_rule(target: Target, document: Document, at: str) -> tuple[Rule | None, list[Problem]]:
    """Lint one requirement (at pointer ``at`` in ``document``): its rule when it is sound,
    and every problem."""
    found = list(lint_requirement(target, document, at))
    return (None if found else _rule(target, document, at)), found


def _rule(target: Target, document: Document, at: str) -> Rule:
    """The rule of a requirement that linted clean (so its predicates compiled)."""
    requirement = target.requirement
    check = target.compiled["check"]
    reads = tuple(requirement.reads) if requirement.reads else check.reads
    applies = target.compiled.get("applies_when")
    pending = target.compiled.get("pending_when")
    unverified = target.compiled.get("unverified_when")
    line = document.locate(at)[0]
    return Rule(requirement, applies, pending, check, unverified, reads, document.name, line)
