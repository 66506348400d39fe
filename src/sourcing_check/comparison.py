"""Compare several assessments made against one framework: a matrix and a ranking. Pure."""

from __future__ import annotations

import string
from collections.abc import Sequence
from decimal import Decimal

from sourcing_check.errors import InputError, Problem
from sourcing_check.models.comparison import ComparedRow, ComparedSubject, Comparison
from sourcing_check.models.results import (
    VERDICT_ORDER,
    Assessment,
    Finding,
    Status,
    subject_name,
)
from sourcing_check.models.wage_facts import Shortfall, WageLine

_LEVELS = ("must", "should", "may")


def compare(assessments: Sequence[Assessment]) -> Comparison:
    """Put assessments side by side; raise InputError unless they share framework and date."""
    _same_basis(assessments)
    first = assessments[0]
    order = {s.id: index for index, s in enumerate(first.scores)}
    guidelines: dict[str, str] = {}
    for a in assessments:
        for s in a.scores:
            guidelines.setdefault(s.id, s.title)
    ranks = _ranks(assessments)
    subjects = [_subject(a, _key(index), ranks[index]) for index, a in enumerate(assessments)]
    return Comparison(
        framework=first.framework,
        assessment_date=first.assessment_date,
        guidelines=dict(sorted(guidelines.items(), key=lambda g: order.get(g[0], len(order)))),
        subjects=subjects,
        rows=_rows(assessments, list(guidelines)),
    )


def _same_basis(assessments: Sequence[Assessment]) -> None:
    if not assessments:
        raise InputError([Problem("(inputs)", "nothing to compare")])
    first = assessments[0]
    for a in assessments[1:]:
        if a.framework != first.framework or a.assessment_date != first.assessment_date:
            raise InputError(
                [
                    Problem(
                        subject_name(a),
                        "was assessed against another framework or date than "
                        f"{subject_name(first)}; compare like with like",
                    )
                ]
            )


def _key(index: int) -> str:
    letters = string.ascii_uppercase
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def lowest_wage(a: Assessment) -> tuple[Decimal, str] | None:
    """The lowest effective-wage ratio over the subject's locations, and where it is."""
    found: list[tuple[Decimal, str]] = []
    for fact in (a.facts.project_wage, a.facts.vendor_wage):
        if fact is not None and fact.lowest_ratio is not None and fact.lowest is not None:
            found.append((fact.lowest_ratio, fact.lowest.place))
    return min(found, default=None)


def _bounds(a: Assessment) -> list[Shortfall]:
    """The shortfalls a computed ratio does not show: pay at most (answers missing), observed
    earnings, or against a statutory minimum wage."""
    return [
        short
        for fact in (a.facts.project_wage, a.facts.vendor_wage)
        if fact is not None
        for short in fact.shortfalls
        if not (short.against == "living_wage" and short.basis == "computed")
    ]


def not_compared(a: Assessment) -> dict[str, str]:
    """The places whose pay is neither compared with a living wage nor shown short, with why
    (no pay rate, no living wage, or answers missing): a lowest pay leaves them out."""
    places: dict[str, str] = {}
    for fact in (a.facts.project_wage, a.facts.vendor_wage):
        for line in fact.locations if fact is not None else []:
            if line.ratio is None and line.shortfall is None:
                places.setdefault(line.place, _why_not(line))
    return places


def _why_not(line: WageLine) -> str:
    """Why a line's pay is not compared: no benchmark for the place, no rate given for it at
    all (a country of the workforce without one), or answers missing (hours, the model...)."""
    if any(item.startswith("/vendor/pay/rates: ") for item in line.missing):
        return "no pay rate"  # a country of the workforce no rate is given for (facts.wage)
    if any("living-wage benchmark" in item for item in line.missing):
        return "no living wage"
    return "answers missing"


def lowest_pay(a: Assessment) -> tuple[Decimal, str] | None:
    """The lowest pay shown against the living wage or a floor, in words, and its ratio: the
    lowest computed ratio, or a location shown lower without a full working."""
    found = [(w[0], f"{w[0] * 100:.1f}% in {w[1]}") for w in [lowest_wage(a)] if w is not None]
    for short in _bounds(a):
        how = {"observed_earnings": "observed "}.get(short.basis, "at most ")
        what = "" if short.against == "living_wage" else " of the minimum wage"
        found.append((short.ratio, f"{how}{short.ratio_text}{what} in {short.place}"))
    return min(found, default=None)


def _ranks(assessments: Sequence[Assessment]) -> list[int]:
    """Rank 1 is best: the better verdict, then the higher score, then the higher wage ratio."""

    def sort_key(index: int) -> tuple[int, Decimal, Decimal, int]:
        a = assessments[index]
        wage = lowest_pay(a)
        return (
            VERDICT_ORDER.index(a.verdict.value),
            -(a.overall.score if a.overall.score is not None else Decimal(-1)),
            -(wage[0] if wage else Decimal(-1)),
            index,
        )

    ranking = sorted(range(len(assessments)), key=sort_key)
    ranks = [0] * len(assessments)
    for rank, index in enumerate(ranking, start=1):
        ranks[index] = rank
    return ranks


def _subject(a: Assessment, key: str, rank: int) -> ComparedSubject:
    wage = lowest_wage(a)
    must_failed = [f.title for f in a.findings if f.level == "must" and f.status == "fail"]
    reasons = [
        f"{a.verdict.label}, score {a.overall.score if a.overall.score is not None else 'n/a'}"
    ]
    if must_failed:
        reasons.append(f"{len(must_failed)} must-level requirement(s) failed")
    pay = []
    bound = min(_bounds(a), key=lambda short: short.ratio, default=None)
    if wage is not None:
        lowest = "lowest fully computed pay" if bound is not None else "lowest pay"
        pay.append(f"{lowest} is {wage[0] * 100:.1f}% of the living wage, in {wage[1]}")
    if bound is not None:
        what = "living wage" if bound.against == "living_wage" else "statutory minimum wage"
        pay.append(f"pay shown below the {what} in {bound.place} ({bound.ratio_text})")
    left_out = not_compared(a)
    if pay and left_out:
        said = ", ".join(f"{place} ({why})" for place, why in left_out.items())
        pay.append(f"pay not compared with a living wage in {said}")
    reasons += pay or ["effective wage not computed"]
    shown = lowest_pay(a)
    lowest = shown[1] if shown else "not computed"
    if shown and left_out:
        lowest += f" (not compared: {', '.join(left_out)})"
    return ComparedSubject(
        key=key,
        name=subject_name(a),
        rank=rank,
        verdict=a.verdict.value,
        verdict_label=a.verdict.label,
        score=a.overall.score,
        scores={s.id: s.score for s in a.scores},
        lowest_wage_ratio=wage[0] if wage else None,
        lowest_wage_place=wage[1] if wage else None,
        lowest_pay=lowest,
        must_failed=must_failed,
        reasons=reasons,
    )


def _rows(assessments: Sequence[Assessment], guideline_order: list[str]) -> list[ComparedRow]:
    """One row per requirement any subject has: grouped by guideline, must first, then id."""
    by_id: dict[str, Finding] = {}
    statuses: dict[str, list[Status | None]] = {}
    for column, a in enumerate(assessments):
        for f in a.findings:
            by_id.setdefault(f.requirement, f)
            statuses.setdefault(f.requirement, [None] * len(assessments))[column] = f.status
    position = {g: i for i, g in enumerate(guideline_order)}

    def sort_key(requirement: str) -> tuple[int, int, tuple[int, ...]]:
        f = by_id[requirement]
        number = tuple(int(p) for p in requirement.split("-")[-1].split(".") if p.isdigit())
        return (position.get(f.guideline, len(position)), _LEVELS.index(f.level), number)

    return [
        ComparedRow(
            requirement=rid,
            guideline=by_id[rid].guideline,
            title=by_id[rid].title,
            level=by_id[rid].level,
            statuses=statuses[rid],
            differs=len(set(statuses[rid])) > 1,
        )
        for rid in sorted(by_id, key=sort_key)
    ]
