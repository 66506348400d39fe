"""A board's decision file (waivers, conditions, sign-off) and the record of how it applied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from sourcing_check.models.common import IsoDate, Strict
from sourcing_check.models.document import Document

DECISION_KIND = "decision"
ReviewerDecision = Literal["approve", "approve_with_conditions", "reject", "defer", "pending"]
ConditionStatus = Literal["open", "in_progress", "done"]
WaiverState = Literal["active", "expired", "stale"]

REVIEWER_DECISION_LABELS: dict[str, str] = {
    "approve": "Approve",
    "approve_with_conditions": "Approve with conditions",
    "reject": "Reject",
    "defer": "Defer",
    "pending": "Not signed yet",
}


def _none_as_empty(value: Any) -> Any:
    """A section left with only comments in it (YAML null) holds nothing."""
    return [] if value is None else value


def _or_null(schema: dict[str, Any]) -> None:
    """The JSON Schema of a list that may also be null (see ``_none_as_empty``)."""
    description = schema.pop("description", None)
    items = dict(schema)
    schema.clear()
    schema["anyOf"] = [items, {"type": "null"}]
    if description:
        schema["description"] = description


class Person(Strict):
    """Someone who approves or signs: name and role."""

    name: str = Field(min_length=1, description="Full name.")
    role: str = Field(min_length=1, description="Role, e.g. 'Chair, human-data review board'.")


class DecidedFile(Strict):
    """An input file the decision was made for, named by its SHA-256."""

    role: str = Field(description="vendor-questionnaire or project-plan.")
    path: str = Field(description="The file, as the assessment named it (for people).")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file's bytes.")


class DecidedProfile(Strict):
    """A profile that tailored the framework of the assessment decided on, by its SHA-256."""

    path: str = Field(description="The profile, as the assessment named it (for people).")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file's bytes.")


class DecidedSubject(Strict):
    """What was decided on: the inputs and the profiles, by hash, so a decision on other
    answers or under other tailoring is stale."""

    name: str = Field(description="The subject's name, for people.")
    assessment_date: IsoDate = Field(description="Date of the assessment decided on.")
    files: list[DecidedFile] = Field(min_length=1, description="The inputs, by SHA-256.")
    profiles: list[DecidedProfile] | None = Field(
        None,
        description="The profiles that tailored the framework, in order, by SHA-256 ([] for "
        "none). A file without this key (written before decisions recorded profiles) is taken "
        "as made under no profile.",
    )


class Waiver(Strict):
    """A requirement the board accepts as not met, for a reason, for a time."""

    requirement: str = Field(description="Requirement id, e.g. PAI-1.3.")
    justification: str = Field(min_length=1, description="Why it is accepted.")
    risk_accepted: str = Field(min_length=1, description="The risk the board accepts, in words.")
    approvers: list[Person] = Field(
        min_length=1,
        description="Who approved it; a must needs as many as the framework's "
        "must_waiver_approvers parameter (2).",
    )
    granted: IsoDate = Field(description="Date granted (YYYY-MM-DD).")
    expires: IsoDate = Field(description="Last day it applies (YYYY-MM-DD).")


class Condition(Strict):
    """Something to be done by an owner by a date, for the approval to hold."""

    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", description="Short id, e.g. C1.")
    requirements: list[str] = Field(
        default_factory=list, description="Requirement ids it addresses (none for free text)."
    )
    text: str | None = Field(None, description="What must be done, in words.")
    owner: str = Field(min_length=1, description="Who is responsible (name or role).")
    due: IsoDate = Field(description="Due date (YYYY-MM-DD).")
    status: ConditionStatus = Field(description="open, in_progress or done.")

    @model_validator(mode="after")
    def _says_what(self) -> Condition:
        if not self.requirements and not self.text:
            raise ValueError("name the requirements it addresses, or say what is to be done")
        return self


class Reviewer(Person):
    """One signer of the sign-off, with their decision."""

    decision: ReviewerDecision = Field(
        description="approve, approve_with_conditions, reject, defer, or pending for a reviewer "
        "who has not signed yet."
    )
    date: IsoDate | None = Field(
        None, description="Date signed (YYYY-MM-DD); none while the decision is pending."
    )
    comment: str | None = Field(None, description="A remark of this reviewer.")

    @model_validator(mode="after")
    def _dated_when_signed(self) -> Reviewer:
        if self.decision != "pending" and self.date is None:
            raise ValueError(
                f"{self.decision} needs the date it was signed; a reviewer who has not signed "
                "yet is written with decision: pending and no date"
            )
        if self.decision == "pending" and self.date is not None:
            raise ValueError("a pending decision is not signed: leave its date out")
        return self


class SignOff(Strict):
    """The board's sign-off: each reviewer's decision, and when to review again."""

    reviewers: list[Reviewer] = Field(min_length=1, description="The signers.")
    review_by: IsoDate = Field(description="Date by which the decision is reviewed again.")


class DecisionFile(Strict):
    """A decision file (``kind: decision``): the board's decision on one subject."""

    kind: Literal["decision"] = Field(description="Always 'decision'.")
    schema_version: Literal[1] = Field(description="Version of this format: 1.")
    subject: DecidedSubject = Field(description="What was decided on.")
    waivers: Annotated[list[Waiver], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list,
        description="Requirements waived (empty or null for none).",
        json_schema_extra=_or_null,
    )
    conditions: Annotated[list[Condition], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list,
        description="Conditions, with owner and due date (empty or null for none).",
        json_schema_extra=_or_null,
    )
    signoff: SignOff | None = Field(None, description="The sign-off, once given.")


@dataclass(frozen=True)
class LoadedDecision:
    """A validated decision file and the document it came from (for locating problems)."""

    document: Document
    model: DecisionFile


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class AppliedWaiver(_Record):
    """A waiver as it stood on the assessment date."""

    requirement: str = Field(description="Requirement id.")
    title: str = Field(description="Requirement title.")
    level: str = Field(description="Requirement level.")
    status: str = Field(description="The requirement's status without the waiver.")
    justification: str = Field(description="Why it is accepted.")
    risk_accepted: str = Field(description="The risk accepted.")
    approvers: list[Person] = Field(description="Who approved it.")
    granted: str = Field(description="Date granted.")
    expires: str = Field(description="Last day it applies.")
    state: WaiverState = Field(
        description="active (applied), expired (past its last day: not applied) or stale "
        "(the decision was made for other answers: not applied)."
    )


class ConditionRecord(_Record):
    """A condition as it stood on the assessment date."""

    id: str = Field(description="Condition id.")
    requirements: list[str] = Field(description="Requirement ids it addresses.")
    text: str = Field(description="What must be done.")
    owner: str = Field(description="Who is responsible.")
    due: str = Field(description="Due date.")
    status: ConditionStatus = Field(description="As the decision file says.")
    overdue: bool = Field(description="Due before the assessment date and not done.")
    still_open: list[str] = Field(
        description="Requirements it addresses that are not met on the assessment date."
    )


class DecisionRecord(_Record):
    """How a decision file applied to an assessment (embedded in the canonical JSON)."""

    file: str = Field(description="The decision file.")
    sha256: str = Field(description="SHA-256 of the decision file.")
    decided_on: str = Field(description="Date of the assessment the decision was made on.")
    stale: bool = Field(
        description="Made for other inputs or profiles than these: its waivers do not apply."
    )
    stale_reasons: list[str] = Field(description="Which inputs differ.")
    waivers: list[AppliedWaiver] = Field(description="Every waiver and its state.")
    conditions: list[ConditionRecord] = Field(description="Every condition and its state.")
    signoff: SignOff | None = Field(description="The sign-off, as given.")
    review_due: bool = Field(description="The sign-off's review-by date is before the assessment.")
