"""The vendor's benchmark (issue 9, item 9): per-location figures, a higher one shown beside
ours and used when the framework prefers the higher (test tables: KE 200 KES/h)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sourcing_check.models.facts import WageLine
from tests.helpers import facts, vendor


def _line(kind: str = "living_wage", amount: int = 41600, **params: Any) -> WageLine:
    questionnaire = vendor(
        pay={
            "fee_share_percent": 0,
            "rates": [
                {
                    "country": "KE",
                    "model": "hourly",
                    "rate": {"amount": 230, "currency": "KES", "period": "hour"},
                    "unpaid_hours_per_period": 0,
                }
            ],
            "living_wage_benchmark": {
                "kind": kind,
                "source": "Our wage study",
                "year": 2026,
                "figures": [
                    {
                        "country": "KE",
                        "amount": {"amount": amount, "currency": "KES", "period": "month"},
                        "hours_per_period": 173,
                    }
                ],
            },
        },
        rejection={"rejected_work_paid": "always"},
    )
    fact = facts(None, questionnaire, **params).vendor_wage
    assert fact is not None
    (line,) = fact.locations
    return line


def test_a_higher_vendor_figure_is_shown_beside_ours() -> None:
    # KES 41,600 / 173 h = KES 240.46/h, above our KES 200/h
    line = _line()
    assert line.vendor_benchmark is not None
    assert line.vendor_benchmark.hourly_text == "KES 240.46"
    assert not line.vendor_benchmark.used
    assert line.ratio == Decimal("1.15")  # still against ours: KES 230 / 200
    step = next(s for s in line.steps if s.label.startswith("The vendor's living wage"))
    assert step.formula == "KES 41,600.00 per month / 173 h (Our wage study, 2026)"


def test_the_higher_figure_is_used_when_the_framework_prefers_it() -> None:
    line = _line(prefer_higher_benchmark=True)
    assert line.vendor_benchmark is not None and line.vendor_benchmark.used
    assert line.living_wage_hourly_text == "KES 240.46"
    assert line.ratio is not None and line.ratio < 1  # KES 230 / 240.46


def test_a_lower_figure_or_one_that_is_not_a_living_wage_is_not_shown() -> None:
    assert _line(amount=30000).vendor_benchmark is None  # KES 173/h: below ours
    assert _line(kind="gdp_per_capita").vendor_benchmark is None
