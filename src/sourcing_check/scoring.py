"""Scores and verdict from findings: weighted credit per guideline and overall, gating rules."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sourcing_check.models.guideline import FrameworkFile
from sourcing_check.models.numbers import points
from sourcing_check.models.results import VERDICT_LABELS, Finding, Score, Verdict

HUNDRED = Decimal(100)
_TENTH = Decimal("0.1")
_SCORE_FIELDS = tuple(Score.model_fields)


def credit(status: str, unverified_credit: Decimal) -> Decimal | None:
    """Credit of one finding: 1, partial, 0, or None when it leaves the denominator."""
    if status == "pass":
        return Decimal(1)
    if status == "unverified":
        return unverified_credit
    if status in ("fail", "unanswered"):
        return Decimal(0)
    return None


#: Findings and the sum of their weights, per status.
Tally = dict[str, list[int]]


def score(findings: Sequence[Finding], ident: str, title: str, unverified_credit: Decimal) -> Score:
    """Weighted score of ``findings``: 100 x sum(weight x credit) / sum(weight)."""
    tally: Tally = {}
    for finding in findings:
        _count(tally, finding)
    return _scored(tally, ident, title, unverified_credit)


def _count(tally: Tally, finding: Finding) -> None:
    entry = tally.get(finding.status)
    if entry is None:
        entry = tally[finding.status] = [0, 0]
    entry[0] += 1
    entry[1] += finding.weight  # the weights of each status, summed in whole numbers


def _scored(tally: Tally, ident: str, title: str, unverified_credit: Decimal) -> Score:
    """The score of the findings counted in ``tally``."""
    # whole-number weights summed per credit, then one product: the sum ``credit`` gives
    full = partial = possible = 0
    for given, (_, weight) in tally.items():
        if given == "pass":
            full += weight
        elif given == "unverified":
            partial += weight
        elif given != "fail" and given != "unanswered":
            continue  # not_applicable and waived leave the denominator
        possible += weight
    earned = Decimal(full) + partial * unverified_credit if partial else Decimal(full)
    result = (earned * HUNDRED / possible).quantize(_TENTH) if possible else None
    return built_score(
        {
            "id": ident,
            "title": title,
            "earned": points(earned),
            "possible": points(Decimal(possible)),
            "score": result,
            "counts": {status: entry[0] for status, entry in sorted(tally.items())},
        }
    )


def built_score(values: dict[str, Any]) -> Score:
    """A score from the values computed here, every field in order, taken as they are: what
    ``model_construct`` does when every field is given, at a fraction of the cost."""
    if tuple(values) != _SCORE_FIELDS:  # the JSON follows the order of __dict__
        raise ValueError(f"a score has the fields {_SCORE_FIELDS}, in order: {values}")
    made = Score.__new__(Score)
    _set = object.__setattr__
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", set(_SCORE_FIELDS))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


def scores(findings: Sequence[Finding], meta: FrameworkFile) -> tuple[list[Score], Score]:
    """Scores per guideline area (in framework order) and overall: the findings are counted
    once, per guideline, and the overall tally is the sum of the guidelines'."""
    unverified = meta.scoring.unverified_credit
    by_guideline: dict[str, Tally] = {}
    for finding in findings:  # _count inline: a hundred findings an assessment
        values = finding.__dict__
        guideline, status = values["guideline"], values["status"]
        tally = by_guideline.get(guideline)
        if tally is None:
            tally = by_guideline[guideline] = {}
        entry = tally.get(status)
        if entry is None:
            entry = tally[status] = [0, 0]
        entry[0] += 1
        entry[1] += values["weight"]
    per = [
        _scored(by_guideline[g.id], g.id, g.title, unverified)
        for g in meta.guidelines
        if g.id in by_guideline
    ]
    overall: Tally = {}
    for tally in by_guideline.values():
        for status, (count, weight) in tally.items():
            entry = overall.setdefault(status, [0, 0])
            entry[0] += count
            entry[1] += weight
    return per, _scored(overall, "overall", "Overall", unverified)


def verdict(findings: Sequence[Finding], overall: Score, meta: FrameworkFile) -> Verdict:
    """Apply the gating rules in order; the first that matches decides."""
    threshold = meta.verdict.conditions_below_score
    must_failed, must_open, should_open, unverified, waived = _deciding(findings)
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
                f"every must- and should-level requirement that applies is {met}, none lacks "
                f"evidence it asks for, and the overall score is at least {threshold}"
            )
    if waived:
        reasons.append(f"{len(waived)} requirement(s) waived by the board: " + ", ".join(waived))
    return Verdict(value=value, label=VERDICT_LABELS[value], reasons=reasons)


def _deciding(findings: Sequence[Finding]) -> tuple[list[str], ...]:
    """The requirements that decide a verdict, each list in the findings' order: must-level
    failed, must-level unanswered, should-level failed or unanswered, unverified, waived (one
    pass over the findings; passes and findings that do not apply decide nothing)."""
    must_failed: list[str] = []
    must_open: list[str] = []
    should_open: list[str] = []
    unverified: list[str] = []
    waived: list[str] = []
    for finding in findings:
        values = finding.__dict__
        status = values["status"]
        if status == "pass" or status == "not_applicable":
            continue
        level, requirement = values["level"], values["requirement"]
        if status == "fail" or status == "unanswered":
            if level == "must":
                (must_failed if status == "fail" else must_open).append(requirement)
            elif level == "should":
                should_open.append(requirement)
        elif status == "unverified":
            unverified.append(requirement)
        elif status == "waived":
            waived.append(requirement)
    return must_failed, must_open, should_open, unverified, waived
