"""The vendor's benchmark (issue 9, item 9): per-location figures, a higher one shown beside
ours and used when the framework prefers the higher (test tables: KE 200 KES/h)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from sourcing_check.cli import main
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


def test_a_figure_the_working_cannot_use_is_refused_where_it_is(tmp_path: Path) -> None:
    """A supplier's figure per month without its hours, or per task, was dropped in silence:
    the supplier believed its benchmark was compared. Now validate says where and what."""
    path = tmp_path / "v.yaml"
    path.write_text(
        "kind: vendor-questionnaire\nschema_version: 1\nvendor: {name: V}\npay:\n"
        "  living_wage_benchmark:\n    kind: living_wage\n    figures:\n"
        "      - {country: KE, amount: {amount: 70000, currency: KES, period: month}}\n"
        "      - {country: PH, amount: {amount: 400, currency: PHP, period: task},"
        " hours_per_period: 208}\n"
        "      - {country: IN, amount: {amount: 250, currency: INR, period: hour}}\n"
    )
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:8:9: I203 a figure per month needs hours_per_period" in result.stderr
    # at the period it refuses, and at the figure that lacks its hours, with an example in
    # the figure's own period
    assert f"{path}:9:60: I203 a living wage is per hour, day, week, month or year" in (
        result.stderr
    )
    assert "[/pay/living_wage_benchmark/figures/0/hours_per_period]" in result.stderr
    assert "(e.g. 173.33 for a month of 40-hour weeks)" in result.stderr
    assert ":10:" not in result.stderr  # a figure per hour needs no hours
