"""The canonical assessment: findings, scores and verdict. Frozen; JSON is its archive form."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Annotated, Any, Final, Literal, overload

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
)
from typing_extensions import TypedDict

from sourcing_check.models.changes import Changes
from sourcing_check.models.decision import DecisionRecord
from sourcing_check.models.facts import Facts
from sourcing_check.models.guideline import Level, Scope, SourceRef
from sourcing_check.models.input_warning import InputWarning
from sourcing_check.models.numbers import Points, ScoreNumber
from sourcing_check.models.profile import AppliedProfile

#: Version of the canonical JSON: 2 since scores are numbers and the document is always
#: ``{"schema_version": 2, "assessments": [...]}``.
ASSESSMENT_SCHEMA_VERSION: Final = 2


Status = Literal["pass", "fail", "unanswered", "unverified", "not_applicable", "waived"]
VerdictValue = Literal["not_approved", "information_needed", "approved_with_conditions", "approved"]

VERDICT_LABELS: dict[str, str] = {
    "not_approved": "Not approved",
    "information_needed": "Information needed",
    "approved_with_conditions": "Approved with conditions",
    "approved": "Approved",
}

#: Verdicts from the best to the worst, for thresholds such as ``check --fail-on``.
VERDICT_ORDER: tuple[VerdictValue, ...] = (
    "approved",
    "approved_with_conditions",
    "information_needed",
    "not_approved",
)

STATUS_LABELS: dict[str, str] = {
    "pass": "Pass",
    "fail": "Fail",
    "unanswered": "Unanswered",
    "unverified": "Unverified",
    "not_applicable": "Not applicable",
    "waived": "Waived",
}

#: Status symbols, so that status never depends on colour alone.
STATUS_SYMBOLS: dict[str, str] = {
    "pass": "✓",
    "fail": "✗",
    "unanswered": "?",
    "unverified": "!",
    "not_applicable": "–",
    "waived": "~",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Answer(TypedDict):
    """An answer a finding read, and where it is written (a plain mapping: built in bulk)."""

    pointer: Annotated[str, Field(description="JSON pointer in the subject, e.g. /project/pay.")]
    value: Annotated[Any, Field(description="The answer (null when not answered).")]
    file: Annotated[str, Field(description="The input file.")]
    line: Annotated[int | None, Field(description="Line in the file, when known.")]
    column: Annotated[int | None, Field(description="Column in the file, when known.")]
    place: Annotated[
        str | None, Field(description="The cell of a workbook input, e.g. Answers!C14.")
    ]


class Answers(Sequence[Answer]):
    """A finding's answers, made on first read: locating them is work only renderers need."""

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[], list[Answer]]) -> None:
        self._make: Callable[[], list[Answer]] | None = make
        self._made: list[Answer] | None = None

    def _items(self) -> list[Answer]:
        if self._made is None:
            assert self._make is not None
            self._made, self._make = self._make(), None
        return self._made

    @overload
    def __getitem__(self, index: int) -> Answer: ...

    @overload
    def __getitem__(self, index: slice) -> list[Answer]: ...

    def __getitem__(self, index: int | slice) -> Answer | list[Answer]:
        return self._items()[index]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self) -> Iterator[Answer]:
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        return self._items() == (other._items() if isinstance(other, Answers) else other)

    __hash__ = None  # type: ignore[assignment]  # like the list it stands for

    def __repr__(self) -> str:
        return repr(self._items())


def _made_answers(value: Any) -> Any:
    """Answers made on first read, as the list pydantic validates."""
    return list(value) if isinstance(value, Answers) else value


def _answers_list(answers: Sequence[Answer]) -> list[Answer]:
    """Answers made on first read (``Answers``) are made now: a serialized finding shows them
    (one call per finding; pydantic-core then writes each as a plain dict: its values are
    plain JSON, and a dict costs less per answer than the ``Answer`` TypedDict's fields)."""
    if isinstance(answers, Answers):
        return answers._items()
    return list(answers)


class EvidenceItem(TypedDict):
    """A document given as evidence."""

    title: Annotated[str, Field(description="Title.")]
    reference: Annotated[str | None, Field(description="Reference.")]
    url: Annotated[str | None, Field(description="URL, shown as text, never fetched.")]
    date: Annotated[str | None, Field(description="Date.")]


class Finding(_Frozen):
    """The outcome of one requirement."""

    requirement: str = Field(description="Requirement id.")
    guideline: str = Field(description="Guideline area id.")
    title: str = Field(description="Requirement title.")
    rationale: str = Field(description="Why it matters.")
    level: Level = Field(description="must, should or may.")
    weight: int = Field(description="Weight in the score.")
    scope: Scope = Field(description="vendor or project.")
    status: Status = Field(description="Outcome.")
    message: str = Field(description="What was found, in words.")
    answers: Annotated[
        Sequence[Answer],
        BeforeValidator(_made_answers),
        PlainSerializer(_answers_list, return_type=list[dict[str, Any]]),
    ] = Field(description="Answers the check read.")
    facts: list[str] = Field(description="Facts the check read.")
    missing: list[str] = Field(description="What must be answered to decide.")
    evidence: list[EvidenceItem] = Field(description="Evidence given in the sections read.")
    evidence_missing: list[str] = Field(description="Required evidence not given.")
    remediation: str | None = Field(description="What to do; null when passed.")
    source: SourceRef = Field(description="Where the requirement comes from.")
    source_title: str = Field(description="Title of the source document.")
    source_url: str | None = Field(description="URL of the source.")
    waived_from: Status | None = Field(
        None, description="When waived: the status the waiver set aside."
    )

    @classmethod
    def made(cls, values: dict[str, Any]) -> Finding:
        """A finding from the values the evaluator made, every field in order, taken as they
        are: what pydantic's ``model_construct`` does, without its per-field alias and default
        handling (a finding has neither), at a fraction of the cost. Tests check it against
        ``model_validate``."""
        if tuple(values) != _FINDING_FIELDS:  # the JSON follows the order of __dict__
            raise ValueError(f"a finding has the fields {_FINDING_FIELDS}, in order: {values}")
        return cls.built(values)

    @classmethod
    def built(cls, values: dict[str, Any]) -> Finding:
        """``made`` without checking the fields: for the evaluator, whose one dict literal
        gives them in order (a test checks every finding it makes). Every finding shares one
        set of fields set: pydantic copies it before changing it (``model_copy``)."""
        finding = _new(cls)
        _set_dict(finding, values)
        _set_fields_set(finding, _FINDING_FIELD_SET)
        _set_extra(finding, None)
        _set_private(finding, None)
        return finding


_FINDING_FIELDS = tuple(Finding.model_fields)
_FINDING_FIELD_SET = set(_FINDING_FIELDS)
#: The slots of a model, set directly (what ``object.__setattr__`` does, without its lookup):
#: a hundred findings an assessment.
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class Score(_Frozen):
    """A weighted score with its arithmetic."""

    id: str = Field(description="Guideline id, or 'overall'.")
    title: str = Field(description="Guideline title.")
    earned: Points = Field(description="Sum of weight x credit.")
    possible: Points = Field(description="Sum of weights of applicable requirements.")
    score: ScoreNumber | None = Field(
        description="100 x earned / possible, or null when none apply."
    )
    counts: dict[str, int] = Field(description="Findings per status.")


class Verdict(_Frozen):
    """The decision the findings support, and why."""

    value: VerdictValue = Field(description="The verdict.")
    label: str = Field(description="The verdict in words.")
    reasons: list[str] = Field(description="The rules that decided it.")


class Standing(_Frozen):
    """Scores and verdict computed from one set of findings (e.g. without the waivers)."""

    scores: list[Score] = Field(description="Score per guideline area.")
    overall: Score = Field(description="Overall score.")
    verdict: Verdict = Field(description="The verdict.")


class FileRef(_Frozen):
    """A file the assessment was computed from."""

    role: str = Field(
        description="vendor-questionnaire, project-plan, guidelines, profile, reference, decision."
    )
    path: str = Field(description="Path as given.")
    sha256: str = Field(description="SHA-256 of the file's bytes.")


class Assessment(_Frozen):
    """One assessment: a questionnaire or a plan (with its questionnaire) against a framework."""

    schema_version: Literal[2] = Field(description="Version of this assessment format.")
    tool: dict[str, str] = Field(description="Tool name and version.")
    framework: dict[str, str] = Field(description="Framework id, title and version.")
    assessment_date: str = Field(description="Date the assessment is made for (YYYY-MM-DD).")
    subject: dict[str, str | None] = Field(description="Vendor and project names.")
    parameters: dict[str, Any] = Field(description="Parameter values used.")
    profiles: list[AppliedProfile] = Field(
        description="Profiles that tailored the framework, in order, with what each changed."
    )
    files: list[FileRef] = Field(description="Every file the result was computed from.")
    facts: Facts = Field(description="Derived facts with their working.")
    findings: list[Finding] = Field(description="One finding per requirement in scope.")
    scores: list[Score] = Field(description="Score per guideline area.")
    overall: Score = Field(description="Overall score.")
    unverified_credit: Points = Field(description="Credit given to an unverified pass.")
    conditions_below_score: int = Field(
        description="Scores below this give at best 'approved with conditions'."
    )
    verdict: Verdict = Field(description="The verdict (with the waivers of a decision file).")
    without_waivers: Standing = Field(
        description="Scores and verdict as if nothing were waived (the same when nothing is)."
    )
    decision: DecisionRecord | None = Field(
        None, description="The board's decision file as applied: waivers, conditions, sign-off."
    )
    previous: Changes | None = Field(
        None, description="What changed since a previous report ('report --previous')."
    )
    warnings: list[InputWarning] = Field(
        default_factory=list,
        description="Answers that are valid but probably not what was meant, located.",
    )


class Assessments(_Frozen):
    """The canonical JSON document: always a list of assessments, one per subject."""

    schema_version: Literal[2] = Field(description="Version of this format.")
    assessments: list[Assessment] = Field(description="One assessment per subject.")


def subject_name(assessment: Assessment) -> str:
    """Name what was assessed, e.g. 'Project X (vendor: Y)'."""
    project, vendor = assessment.subject.get("project"), assessment.subject.get("vendor")
    project_name = (project or "(unnamed project)") if project is not None else None
    vendor_name = (vendor or "(unnamed vendor)") if vendor is not None else None
    if project_name and vendor_name:
        return f"{project_name} (vendor: {vendor_name})"
    return project_name or vendor_name or "(nothing assessed)"
