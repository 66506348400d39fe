"""What a benchmark stands for in time and money: a forecast does not bring it forward, a figure
in another currency than its country's is not brought forward by that country's prices, and a
figure or rate dated after the assessment keeps a pass from being clean."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache
from pathlib import Path

from sourcing_check.assess import assess
from sourcing_check.facts import Context, Inputs, derive
from sourcing_check.load.reference import TableFiles, load_tables
from sourcing_check.load.subject import subject_from_data
from sourcing_check.models.facts import WageFact
from sourcing_check.reference.lookup import Reference
from sourcing_check.resources import default_framework_dir, reference_dir
from sourcing_check.rules.framework import Framework, load_framework
from tests.conftest import DATA
from tests.helpers import TEST_DATE, facts, project
from tests.test_wage_benchmarks import GOOD_PAY

HEADER = (
    "id,country,region,amount,currency,period,hours_per_period,hours_basis,"
    "household_basis,gross_or_net,year,publisher,source_title,source_url\n"
)
#: USD 0.10 a 2-minute task, nothing deducted: USD 3 = KES 390 an hour.
PAY = GOOD_PAY
INDEX = """kind: price-index-table
schema_version: 1
title: Mine
measure: annual_average_inflation_percent
series:
  - country: KE
    publisher: Test
    indicator: test inflation
    source_title: Test
    source_url: https://example.invalid/cpi
    retrieved: test
    values:
      - {year: 2021, value: 10}
      - {year: 2022, value: 10}
      - {year: 2023, value: 10, projection: true}
      - {year: 2024, value: 10}
"""


def _tables(tmp_path: Path, amount: str, currency: str, year: int) -> Reference:
    table = tmp_path / "lw.csv"
    table.write_text(
        HEADER + f"ke-mine,KE,,{amount},{currency},month,173,test,test,gross,{year},Test,Test,"
        "https://example.invalid/ke\n"
    )
    index = tmp_path / "index.yaml"
    index.write_text(INDEX)
    files = TableFiles((table,), (DATA / "currency-rates.yaml",), (), (index,))
    return load_tables(files)


def _wage(tables: Reference, date: dt.date = TEST_DATE) -> WageFact:
    plan = project(
        pay=PAY,
        workers={"locations": [{"country": "KE"}]},
        rejection={"rejected_work_paid": "always"},
    )
    settings = {"wage_time_basis": "p75", "max_benchmark_age_years": 3}
    fact = derive(Inputs(None, plan), Context(tables, settings, date)).project_wage
    assert fact is not None
    return fact


@cache
def _framework() -> Framework:
    return load_framework(default_framework_dir())


def _status(tables: Reference, date: dt.date) -> str:
    plan = {
        "kind": "project-plan",
        "schema_version": 1,
        "project": {"name": "Dates"},
        "pay": PAY,
        "workers": {"locations": [{"country": "KE"}]},
        "rejection": {"rejected_work_paid": "always"},
    }
    assessment = assess(subject_from_data(None, plan), _framework(), tables, date)
    return next(f.status for f in assessment.findings if f.requirement == "PAI-1.1")


def test_a_forecast_does_not_bring_a_benchmark_forward(tmp_path: Path) -> None:
    # KES 34,600 (2020) x 1.1 x 1.1 = KES 41,866 at 2022 prices; 2023 is a forecast, so the
    # figure stops there (2024's outturn cannot be reached past it) and is 4 years old
    (line,) = _wage(_tables(tmp_path, "34600", "KES", 2020)).locations
    assert line.benchmark is not None and line.benchmark.indexed_to == 2022
    assert line.living_wage_hourly == Decimal(242)
    assert line.benchmark_age_years == 4
    # a figure of 2022 is not indexed at all, and says why
    fact = _wage(_tables(tmp_path, "34600", "KES", 2022))
    assert fact.locations[0].benchmark is not None
    assert fact.locations[0].benchmark.indexed_to is None
    assert any("KE's figure for 2023 is a forecast" in c for c in fact.caveats)


def test_a_figure_in_another_currency_is_not_indexed_by_the_country_s_prices(
    tmp_path: Path,
) -> None:
    # USD 346 a month for Kenya, 2020: Kenyan inflation says nothing of dollar prices
    fact = _wage(_tables(tmp_path, "346", "USD", 2020))
    (line,) = fact.locations
    assert line.benchmark is not None and line.benchmark.indexed_to is None
    assert line.living_wage_hourly == Decimal(2)  # USD 346 / 173 h, as published
    assert line.benchmark_age_years == 6
    assert any(
        "the figure is in USD; the price index for KE measures prices in KES" in caveat
        for caveat in fact.caveats
    )


def test_a_benchmark_or_rate_newer_than_the_assessment_gives_no_clean_pass(
    tmp_path: Path,
) -> None:
    tables = _tables(tmp_path, "34600", "KES", 2025)
    assert _status(tables, TEST_DATE) == "pass"
    early = dt.date(2019, 6, 1)  # before the figure (2025) and the rate (2026-11-01)
    fact = _wage(tables, early)
    assert any("benchmark from 2025, after the assessment date" in c for c in fact.caveats)
    assert any("2026-11-01, after the assessment date" in c for c in fact.caveats)
    assert _status(tables, early) == "unverified"


def test_every_bundled_benchmark_brought_forward_can_be_redone_by_hand() -> None:
    # the amount printed times the factor printed gives the figure printed, to the cent
    # (KES 38,100.00 x 1.3547 gave KES 51,614.07 by hand, not the KES 51,613.46 printed)
    tables = load_tables(
        TableFiles(
            *(
                (reference_dir() / name,)
                for name in (
                    "living-wages.yaml",
                    "currency-rates.yaml",
                    "minimum-wages.yaml",
                    "price-index.yaml",
                )
            )
        )
    )
    places = [
        {"country": row.country, **({"region": row.region} if row.region else {})}
        for row in tables.living_wages.entries
    ]
    plan = project(
        pay=PAY, workers={"locations": places}, rejection={"rejected_work_paid": "always"}
    )
    settings = {"wage_time_basis": "p75", "max_benchmark_age_years": 3}
    fact = derive(Inputs(None, plan), Context(tables, settings, dt.date(2026, 12, 1)))
    assert fact.project_wage is not None
    redone = 0
    for line in fact.project_wage.locations:
        for step in line.steps:
            if step.label.startswith("Benchmark brought forward"):
                found = re.match(r"[A-Z]{3} ([\d,.]+) \(\d{4}\) x ([\d.]+) ", step.formula)
                assert found is not None, step.formula
                amount, factor = (Decimal(g.replace(",", "")) for g in found.groups())
                product = (amount * factor).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
                assert step.value.split(" ")[1] == f"{product:,.2f}", (line.place, step)
                redone += 1
    assert redone >= 20


def test_a_currency_conversion_can_be_redone_by_hand() -> None:
    # KES 1,000.00 an hour x 0.0077 is USD 7.70 by hand, but the working said USD 7.69
    # (1,000 / 130): the factor is printed with the places it takes to redo the product
    pay = {
        "model": "salaried",
        "rate": {"amount": 173000, "currency": "KES", "period": "month"},
        "contracted_hours_per_period": 173,
        "unpaid_hours_per_period": 0,
        "fee_share_percent": 0,
    }
    plan = project(pay=pay, workers={"locations": [{"country": "US"}]})
    fact = facts(plan).project_wage
    assert fact is not None
    steps = {step.label: step for step in fact.locations[0].steps}
    assert steps["Gross pay per contracted hour"].value == "KES 1,000.00"
    step = steps["In USD"]
    assert step.value == "USD 7.69"
    factor = Decimal(step.formula.split(" ")[1])
    assert (Decimal("1000.00") * factor).quantize(Decimal("0.01")) == Decimal("7.69")


def _price_finding(tables: Reference, date: dt.date) -> tuple[str, str]:
    plan = {
        "kind": "project-plan",
        "schema_version": 1,
        "project": {"name": "Price"},
        "sourcing": {"direct": False, "price": {"amount": 6, "currency": "USD", "period": "hour"}},
        "workers": {"locations": [{"country": "KE"}]},
    }
    assessment = assess(subject_from_data(None, plan), _framework(), tables, date)
    found = next(f for f in assessment.findings if f.requirement == "PAI-1.19")
    return found.status, found.message


def test_a_price_against_a_stale_rate_or_benchmark_gives_no_clean_pass(tmp_path: Path) -> None:
    """The rules audit: PAI-1.19 (the price covers fair pay) passed cleanly on a currency rate
    245 days old and a benchmark 6 years old, while PAI-1.1 on the same figures did not."""
    tables = _tables(tmp_path, "34600", "KES", 2025)
    assert _price_finding(tables, TEST_DATE)[0] == "pass"
    later = dt.date(2027, 6, 1)  # the rate (2026-11-01) is 212 days old
    status, message = _price_finding(tables, later)
    assert status == "unverified"
    assert "the currency rate USD -> KES is of 2026-11-01, 212 days before" in message
    old = _tables(tmp_path, "34600", "KES", 2019)  # brought forward to 2022 at most
    status, message = _price_finding(old, TEST_DATE)
    assert status == "unverified" and "years old (the limit is 3)" in message
