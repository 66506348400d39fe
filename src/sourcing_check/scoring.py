"""Scores and verdict from findings: weighted credit per guideline and overall, gating rules."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sourcing_check.models.guideline import FrameworkFile
from sourcing_check.models.numbers import points
from sourcing_check.models.results import VERDICT_LABELS, Finding, Score, Verdict

HUNDRED = Decimal(100)


def credit(status: str, unverified_credit: Decimal) -> Decimal | None:
    """Credit of one finding: 1, partial, 0, or None when it leaves the denominator."""
    if status == "pass":
        return Decimal(1)
    if status == "unverified":
        return unverified_credit
    if status in ("fail", "unanswered"):
        return Decimal(0)
    return None


def score(findings: Sequence[Finding], ident: str, title: str, unverified_credit: Decimal) -> Score:
    """Weighted score of ``findings``: 100 x sum(weight x credit) / sum(weight)."""
    counts: dict[str, int] = {}
    weights: dict[str, int] = {}  # the weights of each status, summed in whole numbers
    for finding in findings:
        status = finding.status
        counts[status] = counts.get(status, 0) + 1
        weights[status] = weights.get(status, 0) + finding.weight
    earned = Decimal(0)
    possible = Decimal(0)
    for given, weight in weights.items():
        value = credit(given, unverified_credit)
        if value is not None:
            earned += weight * value
            possible += weight
    result = (earned * HUNDRED / possible).quantize(Decimal("0.1")) if possible else None
    return Score.model_construct(
        id=ident,
        title=title,
        earned=points(earned),
        possible=points(possible),
        score=result,
        counts=dict(sorted(counts.items())),
    )


def scores(findings: Sequence[Finding], meta: FrameworkFile) -> tuple[list[Score], Score]:
    """Scores per guideline area (in framework order) and overall."""
    unverified = meta.scoring.unverified_credit
    by_guideline: dict[str, list[Finding]] = {}
    for finding in findings:
        by_guideline.setdefault(finding.guideline, []).append(finding)
    per = [
        score(by_guideline[g.id], g.id, g.title, unverified)
        for g in meta.guidelines
        if g.id in by_guideline
    ]
    return per, score(findings, "overall", "Overall", unverified)


def verdict(findings: Sequence[Finding], overall: Score, meta: FrameworkFile) -> Verdict:
    """Apply the gating rules in order; the first that matches decides."""

    def ids(level: str, statuses: tuple[str, ...]) -> list[str]:
        return [f.requirement for f in findings if f.level == level and f.status in statuses]

    threshold = meta.verdict.conditions_below_score
    waived = [f.requirement for f in findings if f.status == "waived"]
    must_failed = ids("must", ("fail",))
    must_open = ids("must", ("unanswered",))
    if must_failed:
        value = "not_approved"
        reasons = [
            f"{len(must_failed)} must-level requirement(s) failed: " + ", ".join(must_failed)
        ]
        if must_open:
            reasons.append(
                f"{len(must_open)} must-level requirement(s) unanswered: " + ", ".join(must_open)
            )
    elif must_open:
        value = "information_needed"
        reasons = [
            f"{len(must_open)} must-level requirement(s) unanswered: " + ", ".join(must_open)
        ]
    else:
        reasons = []
        should_open = ids("should", ("fail", "unanswered"))
        unverified = [f.requirement for f in findings if f.status == "unverified"]
        if should_open:
            reasons.append(
                f"{len(should_open)} should-level requirement(s) failed or "
                "unanswered: " + ", ".join(should_open)
            )
        if unverified:
            reasons.append(
                f"{len(unverified)} requirement(s) met but not confirmed (evidence missing, "
                "or a figure it rests on out of date): " + ", ".join(unverified)
            )
        if overall.score is not None and overall.score < threshold:
            reasons.append(f"overall score {overall.score} is below {threshold}")
        value = "approved_with_conditions" if reasons else "approved"
        if not reasons:
            met = "met or waived" if waived else "met"
            reasons.append(
                f"every must- and should-level requirement is {met} with its evidence, "
                f"and the overall score is at least {threshold}"
            )
    if waived:
        reasons.append(f"{len(waived)} requirement(s) waived by the board: " + ", ".join(waived))
    return Verdict(value=value, label=VERDICT_LABELS[value], reasons=reasons)
