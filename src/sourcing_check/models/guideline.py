"""The guideline format: a framework (metadata, parameters, scoring) and its requirements."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from sourcing_check.models.common import Strict

Level = Literal["must", "should", "may"]
Scope = Literal["vendor", "project"]

#: A predicate: a mapping from JSON pointer (into the subject) to a JSON Schema fragment,
#: or a combinator: {"any_of": [...]}, {"all_of": [...]}, {"not": {...}}.
Predicate = dict[str, Any]


class SourceRef(Strict):
    """Where a requirement comes from, precisely enough for a reader to check it."""

    document: str = Field(description="Key of a source declared by the framework, e.g. PAI.")
    section: str = Field(description="Section, principle or page within the source.")
    url: str | None = Field(None, description="A link to the section, if more precise.")
    basis: Literal["text", "operationalisation"] = Field(
        description="'text' when the source states the rule; 'operationalisation' when the rule "
        "is our checkable reading of it, supported by the cited source."
    )
    note: str | None = Field(None, description="How the rule follows from the source.")


class EvidenceSpec(Strict):
    """A document that would substantiate a pass."""

    description: str = Field(description="What the document is, e.g. 'payslips per location'.")
    at: str = Field(description="JSON pointer of the input section whose 'evidence' list holds it.")
    required: bool = Field(True, description="Without it a pass is reported as 'unverified'.")


class Messages(Strict):
    """Finding messages; may quote facts and parameters as {facts.wage.lowest_ratio}."""

    pass_: str | None = Field(None, alias="pass", description="Message when the check passes.")
    fail: str | None = Field(None, description="Message when the check fails.")

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, populate_by_name=True, defer_build=True
    )


class Requirement(Strict):
    """One checkable requirement."""

    id: str = Field(
        pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\d+(\.\d+)*$",
        description="Stable id, e.g. PAI-1.3; never reused.",
    )
    guideline: str = Field(description="Id of the guideline area it belongs to.")
    title: str = Field(description="One line: what must be true.")
    rationale: str = Field(description="Why it matters, in plain words.")
    level: Level = Field(description="must, should or may.")
    weight: int = Field(ge=1, le=10, description="Relative weight in the score (1-10).")
    scope: Scope = Field(description="vendor (questionnaire) or project (plan).")
    applies_when: Predicate | None = Field(
        None, description="Predicate; when false the finding is not_applicable."
    )
    not_applicable_reason: str | None = Field(
        None, description="Reason shown when applies_when is false."
    )
    pending_when: Predicate | None = Field(
        None,
        description="Predicate; when true the answers say the matter is still to be decided "
        "(a scheduled pilot, a pending review): the finding is 'unanswered' with "
        "pending_reason, whatever the check says.",
    )
    pending_reason: str | None = Field(
        None, description="Reason shown when pending_when is true: what is awaited."
    )
    unverified_when: Predicate | None = Field(
        None,
        description="Predicate; when true a pass cannot be confirmed (a figure it rests on is "
        "out of date): the finding is at best 'unverified', with unverified_reason.",
    )
    unverified_reason: str | None = Field(
        None, description="Message shown when unverified_when holds; may quote facts."
    )
    unverified_remediation: str | None = Field(
        None, description="What to do when unverified_when holds; may quote facts."
    )
    reads: list[str] | None = Field(
        None,
        description="Answer and fact pointers the check needs; defaults to the check's "
        "pointers. Any missing makes the finding 'unanswered'.",
    )
    check: Predicate = Field(description="Predicate that holds when the requirement is met.")
    messages: Messages = Field(default_factory=Messages, description="Finding messages.")
    evidence: list[EvidenceSpec] = Field(
        default_factory=list, description="Documents that substantiate a pass."
    )
    remediation: str = Field(description="What to do, concretely; may quote {facts...}.")
    source: SourceRef = Field(description="Where the requirement comes from.")


class RequirementsFile(Strict):
    """A file of requirements inside a framework directory."""

    kind: Literal["guideline-requirements"]
    schema_version: Literal[1]
    requirements: list[Requirement]


class Source(Strict):
    """A source document the framework cites."""

    title: str
    publisher: str
    year: int | None = None
    url: str | None = None


class Guideline(Strict):
    """A guideline area: one of the five PAI guidelines or a further area."""

    id: str
    title: str
    summary: str


class Parameter(Strict):
    """A judgement-call threshold, declared with its default and meaning."""

    default: int | Decimal | str | bool | list[str]
    description: str
    choices: list[str] | None = Field(
        None, description="The values a text parameter may take, where they are few."
    )
    minimum: int | Decimal | None = Field(None, description="The least value a number may take.")
    maximum: int | Decimal | None = Field(None, description="The greatest value a number may take.")

    @model_validator(mode="after")
    def _default_fits(self) -> Parameter:
        wrong = self.refusal(self.default)
        if wrong:
            raise ValueError(f"the default does not fit: {wrong}")
        return self

    def refusal(self, value: Any) -> str | None:
        """Why ``value`` does not fit (the default's kind, the choices or the bounds)."""
        default = self.default
        if isinstance(default, bool):
            fits = isinstance(value, bool)
        elif isinstance(default, int | Decimal):
            fits = isinstance(value, int | Decimal) and not isinstance(value, bool)
        elif isinstance(default, str):
            fits = isinstance(value, str)
        else:
            fits = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if not fits:
            kind = {bool: "true or false", str: "a text", list: "a list of texts"}
            expected = kind.get(type(default), "a number")
            shown = repr(default) if isinstance(default, str) else written(default)
            return f"expected {expected} like the default {shown}"
        if self.choices and value not in self.choices:
            return f"{value!r} is not one of " + ", ".join(self.choices)
        if not isinstance(value, int | Decimal) or isinstance(value, bool):
            return None
        if self.minimum is not None and value < self.minimum:
            return f"expected at least {written(self.minimum)}, not {written(value)}"
        if self.maximum is not None and value > self.maximum:
            return f"expected at most {written(self.maximum)}, not {written(value)}"
        return None


def written(value: Any) -> str:
    """A parameter's value as a profile or framework file writes it (YAML): true, false and
    null, not Python's True, False and None; a number as given; a list as 'a, b'."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list | tuple):
        return ", ".join(written(item) for item in value) or "(none)"
    return str(value)


class Scoring(Strict):
    """How findings become scores."""

    unverified_credit: Decimal = Field(
        Decimal("0.5"), ge=0, le=1, description="Credit for a pass without its evidence."
    )


class VerdictRules(Strict):
    """Thresholds of the verdict."""

    conditions_below_score: int = Field(
        80,
        ge=0,
        le=100,
        description="A score below this gives at best 'approved with conditions'.",
    )


class FrameworkFile(Strict):
    """``framework.yaml``: the metadata of a guideline framework."""

    kind: Literal["guideline-framework"]
    schema_version: Literal[1]
    id: str
    title: str
    version: str
    description: str
    sources: dict[str, Source]
    guidelines: list[Guideline]
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    scoring: Scoring = Field(default_factory=Scoring)
    verdict: VerdictRules = Field(default_factory=VerdictRules)
