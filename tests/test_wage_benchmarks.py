"""Benchmarks a board can trust: old ones brought forward by the price index, stale benchmarks
and stale currency rates keep a pass from being clean (test tables: KE 200 KES/h, Nairobi
300 KES/h from 2020; USD 1 = KES 130 on 2026-11-01; price index KE 2021 and 2022 10%, 2025 5%).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from sourcing_check.assess import assess
from sourcing_check.load.subject import subject_from_data
from sourcing_check.models.facts import WageFact
from sourcing_check.models.results import Finding
from sourcing_check.reference.lookup import Reference
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import Framework, load_framework
from tests.helpers import TEST_DATE, facts, project, reference

PAID = {"rejected_work_paid": "always"}
#: USD 0.10 a 2-minute task, nothing deducted: USD 3 = KES 390 an hour.
GOOD_PAY = {
    "model": "per_task",
    "rate": {"amount": 0.10, "currency": "USD", "period": "task"},
    "minutes_per_task": 2,
    "unpaid_minutes_per_task": 0,
    "fee_share_percent": 0,
    "evidence": [{"title": "Rate card"}],
}


@cache
def _framework() -> Framework:
    return load_framework(default_framework_dir())


def _wage(region: str | None, tables: Reference, **params: Any) -> WageFact:
    where = {"country": "KE", **({"region": region} if region else {})}
    plan = project(pay=GOOD_PAY, workers={"locations": [where]}, rejection=PAID)
    fact = facts(plan, tables=tables, **params).project_wage
    assert fact is not None
    return fact


def _finding(region: str | None, tables: Reference, requirement: str = "PAI-1.1") -> Finding:
    where = {"country": "KE", **({"region": region} if region else {})}
    plan = {
        "kind": "project-plan",
        "schema_version": 1,
        "project": {"name": "Benchmarks"},
        "pay": GOOD_PAY,
        "workers": {"locations": [where]},
        "rejection": PAID,
    }
    assessment = assess(subject_from_data(None, plan), _framework(), tables, TEST_DATE)
    return next(f for f in assessment.findings if f.requirement == requirement)


def test_an_old_benchmark_is_brought_forward_as_far_as_the_index_goes() -> None:
    # Nairobi KES 51,900 a month (2020) x 1.1 x 1.1 (2021, 2022) = KES 62,799; 2023 is not in
    # the index, so it stops at 2022 prices: / 173 h = KES 363/h; KES 390 / 363 = 107.4%
    fact = _wage("Nairobi", reference(price_index=True))
    (line,) = fact.locations
    assert line.living_wage_hourly == Decimal(363)
    assert line.benchmark is not None and line.benchmark.indexed_to == 2022
    assert line.benchmark.index_factor == Decimal("1.2100")
    step = next(s for s in line.steps if s.label == "Benchmark brought forward to 2022 prices")
    assert step.formula.startswith("KES 51,900.00 (2020) x 1.2100 (consumer prices 2020-2022")
    assert step.value == "KES 62,799.00 per month"
    # the age counts from the prices the figure stands for: 2026 - 2022
    assert line.benchmark_age_years == 4
    assert fact.oldest_benchmark is not None
    assert fact.oldest_benchmark.text == "from 2020, brought forward to 2022 prices"


def test_a_benchmark_older_than_the_limit_even_when_indexed_gives_no_clean_pass() -> None:
    finding = _finding("Nairobi", reference(price_index=True))
    assert finding.status == "unverified"
    assert "KE (Nairobi): benchmark from 2020, brought forward to 2022 prices: 4 years old" in (
        finding.message
    )
    assert "no older than 3 years" in (finding.remediation or "")


def test_a_benchmark_that_cannot_be_indexed_gives_no_clean_pass() -> None:
    finding = _finding("Nairobi", reference())  # no price index at all
    assert finding.status == "unverified"
    assert "benchmark from 2020, not indexed (no price index for KE): 6 years old" in (
        finding.message
    )


def test_a_recent_benchmark_gives_a_clean_pass_and_is_not_indexed_past_the_index() -> None:
    # KE national is from 2025; the index has 2025 but not 2026, so 2025 is the newest anyway
    fact = _wage(None, reference(price_index=True))
    (line,) = fact.locations
    assert line.benchmark is not None and line.benchmark.indexed_to is None
    assert line.benchmark_age_years == 1 and not line.caveats
    assert _finding(None, reference(price_index=True)).status == "pass"


def test_indexing_can_be_turned_off() -> None:
    fact = _wage("Nairobi", reference(price_index=True), index_benchmarks=False)
    (line,) = fact.locations
    assert line.living_wage_hourly == Decimal(300)
    assert line.benchmark_age_years == 6
    assert fact.caveats == ["KE (Nairobi): benchmark from 2020: 6 years old (the limit is 3)"]


def test_a_stale_currency_rate_is_named_and_makes_the_pass_unverified(tmp_path: Path) -> None:
    rates = tmp_path / "rates.yaml"
    text = (Path(__file__).parent / "data" / "currency-rates.yaml").read_text()
    rates.write_text(text.replace('as_of: "2026-11-01"', 'as_of: "2026-01-01"'))
    tables = reference(rates=rates)
    (line,) = _wage(None, tables).locations
    conversion = next(s for s in line.steps if s.label == "In KES")
    assert "2026-01-01: 327 days old, older than 90 days" in conversion.formula
    finding = _finding(None, tables)
    assert finding.status == "unverified"
    assert "the currency rate USD -> KES is of 2026-01-01, 327 days before the assessment" in (
        finding.message
    )
    # the same pay in the benchmark's currency needs no rate, so its pass is clean
    assert _finding(None, reference()).status == "pass"


def test_pay_below_the_benchmark_still_fails_when_the_benchmark_is_stale() -> None:
    plan = {
        "kind": "project-plan",
        "schema_version": 1,
        "project": {"name": "Low pay"},
        "pay": {**GOOD_PAY, "rate": {"amount": 0.05, "currency": "USD", "period": "task"}},
        "workers": {"locations": [{"country": "KE", "region": "Nairobi"}]},
        "rejection": PAID,
    }
    assessment = assess(subject_from_data(None, plan), _framework(), reference(), TEST_DATE)
    finding = next(f for f in assessment.findings if f.requirement == "PAI-1.1")
    assert finding.status == "fail"  # USD 1.50 = KES 195/h against KES 300/h
