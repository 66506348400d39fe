"""A comparison of several assessments against one framework: a requirement x subject matrix."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from sourcing_check.models.guideline import Level
from sourcing_check.models.results import Status, VerdictValue


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class ComparedSubject(_Frozen):
    """One column of the matrix: a vendor (or a plan) with its verdict, scores and wage."""

    key: str = Field(description="Short key used in narrow tables: A, B, C, ...")
    name: str = Field(description="The subject's name, e.g. the vendor's.")
    rank: int = Field(description="1 for the best: verdict, then score, then lowest wage ratio.")
    verdict: VerdictValue = Field(description="The verdict.")
    verdict_label: str = Field(description="The verdict in words.")
    score: Decimal | None = Field(description="Overall score, 0-100.")
    scores: dict[str, Decimal | None] = Field(description="Score per guideline area id.")
    lowest_wage_ratio: Decimal | None = Field(
        description="Lowest effective wage / living wage over the subject's locations."
    )
    lowest_wage_place: str | None = Field(description="Where that lowest ratio is.")
    lowest_pay: str = Field(
        "not computed",
        description="The lowest pay shown, in words: the lowest ratio, or lower where pay is "
        "shown below the living wage without a full working ('at most 64.6% in UG'), or below "
        "a minimum wage.",
    )
    must_failed: list[str] = Field(description="Titles of the must-level requirements failed.")
    reasons: list[str] = Field(description="Why it ranks where it does, in words.")


class ComparedRow(_Frozen):
    """One row of the matrix: a requirement and each subject's status (null: not in scope)."""

    requirement: str = Field(description="Requirement id.")
    guideline: str = Field(description="Guideline area id.")
    title: str = Field(description="Requirement title.")
    level: Level = Field(description="must, should or may.")
    statuses: list[Status | None] = Field(description="Status per subject, in column order.")
    differs: bool = Field(description="True when the subjects' statuses are not all the same.")


class Comparison(_Frozen):
    """Several assessments side by side."""

    framework: dict[str, str] = Field(description="Framework id, title and version.")
    assessment_date: str = Field(description="Date the assessments are made for.")
    guidelines: dict[str, str] = Field(description="Guideline area id -> title, in order.")
    subjects: list[ComparedSubject] = Field(description="The columns, in the inputs' order.")
    rows: list[ComparedRow] = Field(description="Grouped by guideline, must first.")
