"""What changed between two assessments of one subject: the result of 'sourcing-check diff'."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sourcing_check.models.numbers import ScoreNumber

#: How a requirement's status moved.
Movement = Literal["newly_failing", "newly_passing", "changed"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Side(_Frozen):
    """One of the two assessments compared."""

    source: str = Field(description="The file it was read or made from.")
    subject: str = Field(description="What was assessed.")
    assessment_date: str = Field(description="Its assessment date.")
    verdict: str = Field(description="Its verdict (with the waivers of its decision, if any).")
    verdict_label: str = Field(description="The verdict in words.")
    score: ScoreNumber | None = Field(description="Its overall score.")


class StatusChange(_Frozen):
    """A requirement whose status differs (statuses without waivers; null: not assessed)."""

    requirement: str = Field(description="Requirement id.")
    title: str = Field(description="Requirement title.")
    level: str = Field(description="Its level now (or before, when no longer assessed).")
    old: str | None = Field(description="Status before; null when it was not assessed.")
    new: str | None = Field(description="Status now; null when it is not assessed.")
    movement: Movement = Field(description="newly_failing, newly_passing or changed.")
    regressed: bool = Field(description="True when the status got worse.")


class ScoreChange(_Frozen):
    """A score that differs, per guideline area or overall (with waivers)."""

    id: str = Field(description="Guideline id, or 'overall'.")
    title: str = Field(description="Guideline title.")
    old: ScoreNumber | None = Field(description="Score before.")
    new: ScoreNumber | None = Field(description="Score now.")
    delta: ScoreNumber | None = Field(description="new - old, when both are known.")


class WageChange(_Frozen):
    """A worker location whose effective-wage ratio to the living wage differs."""

    payer: Literal["project", "vendor"] = Field(description="Whose pay: the plan's or vendor's.")
    place: str = Field(description="The worker location.")
    old: str | None = Field(description="Ratio before, exact (1 is the living wage).")
    new: str | None = Field(description="Ratio now.")
    old_text: str | None = Field(description="Ratio before, as a percentage.")
    new_text: str | None = Field(description="Ratio now, as a percentage.")


class LapsedWaiver(_Frozen):
    """A waiver that applied before and does not now."""

    requirement: str = Field(description="Requirement id.")
    title: str = Field(description="Requirement title.")
    expires: str = Field(description="Its last day.")
    now: str = Field(description="expired, stale, or gone (no longer in the decision).")
    status: str | None = Field(description="The requirement's status now.")


class AnswerChange(_Frozen):
    """An answer the findings read, with its old and new value and where each is written."""

    pointer: str = Field(description="JSON pointer in the subject.")
    old: Any = Field(description="The answer before (null: not answered).")
    new: Any = Field(description="The answer now (null: not answered).")
    old_at: str | None = Field(description="Where it was written: file:line, or file:cell.")
    new_at: str | None = Field(description="Where it is written now.")


class Changes(_Frozen):
    """Every difference between two assessments of one subject, and what regressed."""

    old: Side = Field(description="The earlier assessment.")
    new: Side = Field(description="The later assessment.")
    newly_failing: list[StatusChange] = Field(description="Requirements that fail now.")
    newly_passing: list[StatusChange] = Field(description="Requirements that pass now.")
    changed: list[StatusChange] = Field(description="Other status changes.")
    scores: list[ScoreChange] = Field(description="Scores that differ: overall first.")
    wages: list[WageChange] = Field(description="Effective-wage ratios that differ.")
    lapsed_waivers: list[LapsedWaiver] = Field(description="Waivers that no longer apply.")
    answers: list[AnswerChange] = Field(description="Answers that differ.")
    regressions: list[str] = Field(description="What got worse, in words; empty when nothing.")

    @property
    def regressed(self) -> bool:
        """True when anything got worse."""
        return bool(self.regressions)
