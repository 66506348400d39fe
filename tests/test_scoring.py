"""Scoring arithmetic and each verdict rule, on hand-made findings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from sourcing_check.models.guideline import SourceRef
from sourcing_check.models.results import Finding, Score
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import load_framework
from sourcing_check.scoring import built_score, score, scores, verdict

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
