"""Load the subject of an assessment: one input file, and the questionnaire a plan names."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.documents import PartialRead, read_document
from sourcing_check.load.paths import named_path
from sourcing_check.load.validation import INPUT_CODES, validate_as
from sourcing_check.load.xlsx_order import in_form_order
from sourcing_check.models.document import Document
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.subject import InputModel, LoadedInput, Subject
from sourcing_check.models.vendor import VendorQuestionnaire

#: Document kinds, keyed by the value of their ``kind`` field.
KINDS: dict[str, type[VendorQuestionnaire] | type[ProjectPlan]] = {
    "vendor-questionnaire": VendorQuestionnaire,
    "project-plan": ProjectPlan,
}


#: Where a plan names its vendor questionnaire.
VENDOR_POINTER = "/sourcing/vendor_questionnaire"


def load_input(path: Path, *, name: str | None = None, regular_only: bool = False) -> LoadedInput:
    """Read, parse and validate one input file; raise InputError listing every problem."""
    try:
        document = read_document(path, name=name, regular_only=regular_only)
    except PartialRead as partial:
        problems = partial.problems + validating_rest(partial)
        raise InputError(in_form_order(partial.document, problems)) from None
    return LoadedInput(document, validate_document(document))


def validating_rest(partial: PartialRead) -> list[Problem]:
    """What validating the readable rest of a file finds, beside the places already refused
    (a value refused at a cell is not also reported as missing, nor its parent)."""
    try:
        validate_document(partial.document)
    except InputError as exc:
        # a value refused at its cell is an answer not read; a value beside the columns or
        # an added sheet (I112) takes no answer away
        refused = [p.pointer for p in partial.problems if p.pointer and p.code != "I112"]
        cells = {p.place for p in partial.problems if p.place}
        return [
            p
            for p in exc.problems
            if p.place not in cells and not any(_related(p.pointer, r) for r in refused)
        ]
    return []


def _related(pointer: str, other: str) -> bool:
    """Whether ``pointer`` is ``other`` or inside it."""
    return pointer == other or pointer.startswith(other + "/")


def validate_document(document: Document) -> InputModel:
    """Validate parsed data against the model its ``kind`` names."""
    data = document.data
    if not isinstance(data, dict):
        raise InputError(
            [
                document.problem(
                    "",
                    "expected a mapping with 'kind', 'schema_version' and answers",
                    "start from 'sourcing-check init vendor' or 'init project'",
                    code="I204",
                )
            ]
        )
    kind = data.get("kind")
    model_class = KINDS.get(kind) if isinstance(kind, str) else None
    if model_class is None:
        expected = ", ".join(repr(k) for k in KINDS)
        message = "missing field 'kind'" if "kind" not in data else f"unknown kind {kind!r}"
        raise InputError(
            [
                document.problem(
                    "/kind",
                    f"{message}; expected one of {expected}",
                    "add e.g. 'kind: vendor-questionnaire' at the top of the file",
                    code="I204",
                )
            ]
        )
    return validate_as(document, model_class, INPUT_CODES)


def load_subject(path: Path, allow_outside: Sequence[Path] = ()) -> Subject:
    """Load one input file; a project plan brings the vendor questionnaire it names, which
    must be a regular file under the plan's directory or under one of ``allow_outside``."""
    return subject_of(load_input(path), allow_outside)


def subject_of(loaded: LoadedInput, allow_outside: Sequence[Path] = ()) -> Subject:
    """The subject of one validated input; a plan brings the vendor questionnaire it names."""
    model = loaded.model
    if isinstance(model, VendorQuestionnaire):
        return Subject(vendor=loaded, project=None)
    named = model.sourcing.vendor_questionnaire if model.sourcing else None
    if named is None:
        return Subject(vendor=None, project=loaded)
    plan = loaded.document
    vendor_path = named_path(plan, VENDOR_POINTER, named, allow_outside)
    try:
        vendor = load_input(vendor_path, regular_only=True)
    except InputError as exc:
        raise InputError([_at_plan(plan, p) for p in exc.problems]) from None
    if not isinstance(vendor.model, VendorQuestionnaire):
        raise InputError(
            [
                plan.problem(
                    VENDOR_POINTER,
                    f"{vendor_path} is a {vendor.kind}, not a vendor questionnaire",
                    code="I301",
                )
            ]
        )
    return Subject(vendor=vendor, project=loaded)


def _at_plan(plan: Document, problem: Problem) -> Problem:
    """A problem of the named file that has no place in it (a line or a cell), located at the
    plan's line."""
    if problem.location():
        return problem
    message = f"names {problem.file}, which cannot be used: {problem.message}"
    return plan.problem(VENDOR_POINTER, message, problem.hint, code="I301")


def subject_from_data(
    vendor: dict[str, Any] | None, project: dict[str, Any] | None, name: str = "<data>"
) -> Subject:
    """Build a subject from plain data (tests, benchmarks); raise InputError when invalid."""
    loaded: dict[str, LoadedInput | None] = {"vendor": None, "project": None}
    for role, data in (("vendor", vendor), ("project", project)):
        if data is not None:
            document = Document(Path(f"{name}-{role}"), f"{name} ({role})", data, {}, "")
            loaded[role] = LoadedInput(document, validate_document(document))
    return Subject(vendor=loaded["vendor"], project=loaded["project"])
