"""Scoring arithmetic and each verdict rule, on hand-made findings."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest

from sourcing_check.models.guideline import SourceRef
from sourcing_check.models.numbers import points
from sourcing_check.models.results import Finding, Score
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import load_framework
from sourcing_check.scoring import _deciding, built_score, credit, score, scores, verdict

META = load_framework(default_framework_dir()).meta


def finding(rid: str, level: str, status: str, weight: int = 1, guideline: str = "pay") -> Finding:
    data: dict[str, Any] = {
        "requirement": rid,
        "guideline": guideline,
        "title": rid,
        "rationale": "",
        "level": level,
        "weight": weight,
        "scope": "project",
        "status": status,
        "message": "",
        "answers": [],
        "facts": [],
        "missing": [],
        "evidence": [],
        "evidence_missing": [],
        "remediation": None,
        "source": SourceRef(document="PAI", section="s", basis="text"),
        "source_title": "PAI",
        "source_url": None,
    }
    return Finding(**data)


def test_weighted_score_with_partial_credit_and_exclusions() -> None:
    findings = [
        finding("A-1", "must", "pass", weight=10),
        finding("A-2", "should", "unverified", weight=4),  # 0.5 x 4 = 2
        finding("A-3", "should", "fail", weight=3),
        finding("A-4", "should", "unanswered", weight=3),
        finding("A-5", "may", "not_applicable", weight=7),  # leaves the denominator
    ]
    result = score(findings, "x", "X", Decimal("0.5"))
    assert result.earned == Decimal("12.0")
    assert result.possible == Decimal(20)
    assert result.score == Decimal("60.0")
    assert result.counts == {
        "fail": 1,
        "not_applicable": 1,
        "pass": 1,
        "unanswered": 1,
        "unverified": 1,
    }


def test_no_applicable_requirement_gives_no_score() -> None:
    assert score([finding("A-1", "must", "not_applicable")], "x", "X", Decimal("0.5")).score is None


def test_scores_per_guideline_in_framework_order() -> None:
    findings = [
        finding("B-1", "must", "pass", guideline="pilot"),
        finding("A-1", "must", "fail", guideline="pay"),
    ]
    per, overall = scores(findings, META)
    assert [s.id for s in per] == ["pay", "pilot"]
    assert [s.score for s in per] == [Decimal("0.0"), Decimal("100.0")]
    assert overall.score == Decimal("50.0")


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([("must", "fail"), ("must", "unanswered")], "not_approved"),
        ([("must", "unanswered"), ("should", "fail")], "information_needed"),
        ([("must", "pass"), ("should", "fail")], "approved_with_conditions"),
        ([("must", "pass"), ("should", "unanswered")], "approved_with_conditions"),
        ([("must", "unverified"), ("should", "pass")], "approved_with_conditions"),
        ([("must", "pass"), ("should", "pass"), ("may", "fail")], "approved"),
    ],
)
def test_verdict_rules(statuses: list[tuple[str, str]], expected: str) -> None:
    findings = [
        finding(f"A-{i}", level, status, weight=1 if level == "may" else 20)
        for i, (level, status) in enumerate(statuses)
    ]
    _, overall = scores(findings, META)
    assert verdict(findings, overall, META).value == expected


def test_low_score_alone_gives_conditions() -> None:
    findings = [finding("A-1", "must", "pass", weight=1), finding("A-2", "may", "fail", weight=9)]
    _, overall = scores(findings, META)
    result = verdict(findings, overall, META)
    assert result.value == "approved_with_conditions"
    assert "overall score 10.0 is below 80" in result.reasons


def test_a_score_built_without_validation_is_the_validated_one() -> None:
    findings = [finding("A", "must", "pass", 3), finding("B", "should", "unverified", 2, "workers")]
    per, overall = scores(findings, META)
    for made in (*per, overall):
        values = made.model_dump()
        assert made == Score.model_validate(values)
        assert made.model_fields_set == set(Score.model_fields)
        with pytest.raises(ValueError, match="a score has the fields"):
            built_score(dict(reversed(values.items())))


STATUSES = ("pass", "fail", "unanswered", "unverified", "not_applicable", "waived")


def _findings(seed: int) -> list[Finding]:
    """Findings of every level and status, in a shuffled order, over two guidelines."""
    rng = random.Random(seed)
    return [
        finding(
            f"R-{i}",
            rng.choice(("must", "should", "may")),
            rng.choice(STATUSES),
            rng.randint(0, 9),
            rng.choice(("pay", "pilot")),
        )
        for i in range(rng.randint(0, 40))
    ]


@pytest.mark.parametrize("seed", range(40))
def test_scores_are_each_finding_s_credit_summed(seed: int) -> None:
    # the straightforward arithmetic: each finding's weight x its credit, in Decimals
    findings = _findings(seed)
    credit_given = Decimal("0.35")
    made = score(findings, "x", "X", credit_given)
    counted = [(f.weight, credit(f.status, credit_given)) for f in findings]
    earned = sum((w * c for w, c in counted if c is not None), Decimal(0))
    possible = sum((Decimal(w) for w, c in counted if c is not None), Decimal(0))
    assert made.earned == earned and str(made.earned) == str(points(earned))
    assert str(made.possible) == str(points(possible))
    expected = (earned * 100 / possible).quantize(Decimal("0.1")) if possible else None
    assert made.score == expected and str(made.score) == str(expected)


@pytest.mark.parametrize("seed", range(40))
def test_the_verdict_names_the_findings_each_rule_names(seed: int) -> None:
    findings = _findings(seed)

    def ids(levels: tuple[str, ...], statuses: tuple[str, ...]) -> list[str]:
        return [f.requirement for f in findings if f.level in levels and f.status in statuses]

    every = ("must", "should", "may")
    assert _deciding(findings) == (
        ids(("must",), ("fail",)),
        ids(("must",), ("unanswered",)),
        ids(("should",), ("fail", "unanswered")),
        ids(every, ("unverified",)),
        ids(every, ("waived",)),
    )
