"""A provable fail is never withheld: pay already below the living wage before unanswered
deductions, and pay below a statutory minimum where no living wage is known (issue 9, items 3
and 6). Hand-checked on the test tables, then on the bundled tables for the issue's cases.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from sourcing_check.assess import assess
from sourcing_check.load.reference import load_reference
from sourcing_check.load.subject import subject_from_data
from sourcing_check.models.facts import WageLine
from sourcing_check.models.results import Finding
from sourcing_check.reference.lookup import Reference
from sourcing_check.rules.framework import Framework
from sourcing_check.run import Settings, load_context
from tests.conftest import DATA
from tests.helpers import facts, project

DATE = dt.date(2026, 11, 24)
PAID = {"rejected_work_paid": "always"}


def test_a_bound_names_what_could_only_lower_it() -> None:
    # USD 1/h = KES 130/h before fees, rejections and unpaid hours: at most 65% of KES 200
    plan = project(
        pay={"model": "hourly", "rate": {"amount": 1, "currency": "USD", "period": "hour"}},
        workers={"locations": [{"country": "KE"}]},
    )
    fact = facts(plan).project_wage
    assert fact is not None and fact.lowest is None  # not computed: answers are missing
    (short,) = fact.shortfalls
    assert short.basis == "before_unanswered_deductions"
    assert short.ratio == Decimal("0.65")
    assert [item.split(": ")[0] for item in short.unanswered] == [
        "/project/pay/unpaid_hours_per_period",
        "/project/pay/fee_share_percent",
        "/project/rejection/rejected_work_paid",
    ]
    assert fact.worst_shortfall == short


def test_a_bound_needs_the_gross_pay() -> None:
    # a monthly salary without its hours cannot be bounded: no shortfall, only what is missing
    plan = project(
        pay={"model": "salaried", "rate": {"amount": 1000, "currency": "KES", "period": "month"}},
        workers={"locations": [{"country": "KE"}]},
    )
    fact = facts(plan).project_wage
    assert fact is not None and fact.shortfalls == []


def test_the_floor_is_shown_beside_the_missing_living_wage() -> None:
    plan = project(
        pay={"model": "hourly", "rate": {"amount": 20, "currency": "VES", "period": "hour"}},
        workers={"locations": [{"country": "VE"}]},
        rejection={"rejected_work_paid": "always"},
    )
    fact = facts(plan).project_wage
    assert fact is not None
    (line,) = fact.locations
    assert line.floor is not None and line.floor.hourly_text == "VES 10.00"
    assert fact.shortfalls == []  # VES 20/h is above the floor: proves nothing
    assert any("living-wage benchmark for VE" in m for m in line.missing)
    assert line.effective_hourly_text is None  # fees and unpaid time unanswered: a bound only


def test_pay_known_exactly_is_shown_where_no_living_wage_is_known() -> None:
    """The wage table showed 'not computed' for a place whose pay is worked out to the end
    (only the living wage to compare it with is missing): a board could not see the pay."""
    from sourcing_check.render.html import render_html
    from sourcing_check.render.text import render_text

    plan = _hourly_plan(20, "VES", "VE")  # every deduction answered: VES 20.00 an hour
    fact = facts(project(**plan)).project_wage
    assert fact is not None
    (line,) = fact.locations
    assert line.effective_hourly_text == "VES 20.00" and line.effective_hourly == 20
    assert line.ratio is None and fact.lowest is None  # still not compared: no pass, no fail
    data = {"kind": "project-plan", "schema_version": 1, "project": {"name": "Case"}, **plan}
    framework, reference = _bundled()
    assessment = assess(subject_from_data(None, data), framework, reference, DATE)
    text = render_text([assessment])
    assert "VE" in text and "VES 20.00/h not compared with a living wage: living-wage" in text
    html = render_html([assessment])
    assert '<td class="num">VES 20.00</td><td colspan="3">not compared with a living wage' in html


@cache
def _bundled() -> tuple[Framework, Reference]:
    basis = load_context(Settings(date=DATE))
    return basis.framework, basis.reference


def _hourly_plan(
    amount: float, currency: str, country: str, region: str | None = None
) -> dict[str, Any]:
    """A plan paying ``amount`` an hour in one location, every deduction answered (none)."""
    location = {"country": country, **({"region": region} if region else {})}
    return {
        "pay": {
            "model": "hourly",
            "rate": {"amount": amount, "currency": currency, "period": "hour"},
            "unpaid_hours_per_period": 0,
            "fee_share_percent": 0,
            "evidence": [{"title": "Rate card", "reference": "RC-1", "date": "2026-11-03"}],
        },
        "workers": {"locations": [location]},
        "rejection": {"rejected_work_paid": "always"},
    }


def _bundled_finding(
    plan: dict[str, Any], requirement: str = "PAI-1.1", date: dt.date = DATE
) -> Finding:
    framework, reference = _bundled()
    data = {"kind": "project-plan", "schema_version": 1, "project": {"name": "Case"}, **plan}
    assessment = assess(subject_from_data(None, data), framework, reference, date)
    return next(f for f in assessment.findings if f.requirement == requirement)


def test_rural_kenya_at_usd_1_32_an_hour_fails_with_the_bundled_tables() -> None:
    # USD 1.32 x KES 129.675 = KES 171.17/h. No row for "rural" Kenya as a whole (GLWC's rural
    # row is Kericho's), so the national row applies, labelled: KES 38,100 a month (2019) x
    # 1.3547 (World Bank consumer prices 2020-2024) / 173.33 h = KES 297.78/h: 57.5%. Nothing
    # else needs answering: fees, unpaid time and rejections could only lower it.
    plan = {
        "pay": {"model": "hourly", "rate": {"amount": 1.32, "currency": "USD", "period": "hour"}},
        "workers": {"locations": [{"country": "KE", "region": "rural"}]},
    }
    finding = _bundled_finding(plan)
    assert finding.status == "fail"
    assert "at most KES 171.17 per hour" in finding.message
    assert "57.5% of the living wage of KES 297.78" in finding.message
    _, reference = _bundled()
    match = reference.living_wage("KE", "rural")
    assert match.note is not None and "regions with a row for KE: Rural Kericho" in match.note


def test_a_venezuelan_worker_below_the_bundled_floor_fails() -> None:
    # The bundled VE floor: VES 130 a month / 173.33 h = VES 0.75/h (about USD 0.0009 at the
    # table's rate, so only pay that is almost nil falls below it). VES 0.50/h is below.
    plan = _hourly_plan(0.5, "VES", "VE")
    finding = _bundled_finding(plan)
    assert finding.status == "fail"
    assert "below the statutory minimum wage of VES 0.75 per hour for VE" in finding.message
    assert "the living wage is unknown, so a pass cannot be shown" in finding.message
    assert "(the statutory minimum; the living wage, not known, is higher)" in (
        finding.remediation or ""
    )


def _floor_table(tmp_path: Path, hourly: int) -> Path:
    """A minimum-wage table: the test fixture's, plus KE at ``hourly`` KES an hour (173 h a
    month)."""
    table = tmp_path / "minimum.yaml"
    text = (DATA / "minimum-wages.yaml").read_text(encoding="utf-8")
    row = text[text.index("  - id: ve-test") :]
    ke = (
        row.replace("ve-test", "ke-test")
        .replace("country: VE", "country: KE")
        .replace("amount: 1730", f"amount: {hourly * 173}")
        .replace("currency: VES", "currency: KES")
    )
    table.write_text(text + ke, encoding="utf-8")
    return table


def _with_floor(tmp_path: Path, hourly: int) -> Reference:
    """The test tables with a KE statutory minimum of ``hourly`` KES an hour (173 h a month)."""
    return load_reference(
        DATA / "living-wages.yaml",
        DATA / "currency-rates.yaml",
        minimum_wages=_floor_table(tmp_path, hourly),
    )


def _hourly_ke(amount: int, tables: Reference) -> WageLine:
    pay = {
        "model": "hourly",
        "rate": {"amount": amount, "currency": "KES", "period": "hour"},
        "unpaid_hours_per_period": 0,
        "fee_share_percent": 0,
    }
    plan = project(pay=pay, workers={"locations": [{"country": "KE"}]}, rejection=PAID)
    fact = facts(plan, tables=tables).project_wage
    assert fact is not None
    (line,) = fact.locations
    return line


def test_pay_above_a_benchmark_below_the_legal_minimum_fails(tmp_path: Path) -> None:
    # living wage KES 200/h (test table), minimum wage KES 250/h: KES 220 reaches the benchmark
    # but not the law's floor, which no living wage is under
    tables = _with_floor(tmp_path, 250)
    line = _hourly_ke(220, tables)
    assert line.ratio_text == "110.0%" and line.shortfall is not None
    assert (line.shortfall.against, line.shortfall.ratio_text) == ("minimum_wage", "88.0%")
    assert "the legal minimum is above the living-wage benchmark used" in line.shortfall.text
    assert line.shortfall.required_rate_text == "KES 250.00 per hour"
    # below both, the higher bar (the minimum) is the one to reach
    assert _hourly_ke(180, tables).shortfall.against == "minimum_wage"  # type: ignore[union-attr]
    # at the minimum, nothing is short
    assert _hourly_ke(250, tables).shortfall is None


def test_a_minimum_below_the_benchmark_leaves_the_living_wage_as_the_bar(tmp_path: Path) -> None:
    line = _hourly_ke(180, _with_floor(tmp_path, 150))
    assert line.shortfall is not None and line.shortfall.against == "living_wage"


def test_the_wage_table_marks_a_location_by_the_bar_it_misses(tmp_path: Path) -> None:
    # The well-run plan pays KES 416.18/h in Nairobi, 139.8% of the living wage; a statutory
    # minimum of KES 450/h (given as a table that overrides the bundled KE row) is missed.
    from click.testing import CliRunner

    from sourcing_check.cli import main
    from tests.conftest import EXAMPLES

    table = _floor_table(tmp_path, 450)
    plan = str(EXAMPLES / "well-run-project.yaml")
    args = ["check", plan, "--date", "2026-11-24", "--minimum-wages", str(table)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    row = next(line for line in result.stdout.splitlines() if "project KE (Nairobi)" in line)
    assert row.split()[:3] == ["✗", "project", "KE"]
    assert "vs minimum wage KES 450.00/h" in row
    assert "below the statutory minimum wage of KES 450.00 per hour" in " ".join(
        result.stdout.split()
    )


def test_a_german_worker_above_the_old_benchmark_but_below_the_minimum_wage_fails() -> None:
    # Germany's bundled living-wage row (WageIndicator 2018, EUR 1,290 a month / 173.33 h,
    # brought forward to 2025 prices: EUR 9.22/h) is far below the statutory minimum of
    # EUR 13.90/h from 1 January 2026. EUR 12/h reaches the old row but not the legal minimum.
    plan = _hourly_plan(12, "EUR", "DE")
    finding = _bundled_finding(plan)
    assert finding.status == "fail"
    assert "below the statutory minimum wage of EUR 13.90 per hour for DE" in finding.message
    assert "(EUR 9.22)" in finding.message


def test_a_minimum_wage_not_yet_in_force_on_the_assessment_date_is_not_applied() -> None:
    # the same EUR 12/h assessed on 2025-06-01, before Germany's EUR 13.90 took effect
    # (2026-01-01): no law then said 13.90, so it proves no shortfall
    plan = _hourly_plan(12, "EUR", "DE")
    assert "statutory minimum" not in _bundled_finding(plan, date=dt.date(2025, 6, 1)).message


def test_a_floor_not_yet_in_force_is_named_in_the_working(tmp_path: Path) -> None:
    # VE has no living wage; its test floor (VES 10/h) takes effect after the test date, so
    # VES 5/h is not shown below it, and the working says why the floor is left out
    table = tmp_path / "minimum.yaml"
    text = (DATA / "minimum-wages.yaml").read_text(encoding="utf-8")
    table.write_text(
        text.replace("    year: 2025\n", '    year: 2025\n    effective_date: "2099-01-01"\n')
    )
    tables = load_reference(
        DATA / "living-wages.yaml", DATA / "currency-rates.yaml", minimum_wages=table
    )
    pay = {"model": "hourly", "rate": {"amount": 5, "currency": "VES", "period": "hour"}}
    plan = project(pay=pay, workers={"locations": [{"country": "VE"}]}, rejection=PAID)
    fact = facts(plan, tables=tables).project_wage
    assert fact is not None and fact.shortfalls == []
    (line,) = fact.locations
    assert line.floor is None
    (step,) = [s for s in line.steps if s.label == "Statutory minimum wage (not applied)"]
    assert step.formula.startswith("VES 1,730.00 per month takes effect on 2099-01-01, after")
    assert step.value == "not yet in force"


def test_a_minimum_that_binds_only_some_employers_proves_no_shortfall() -> None:
    # Rural Madhya Pradesh: GLWC's rural living wage (INR 63.84/h in 2023) is below India's
    # central-sphere unskilled rate (INR 97.88/h), which most private employers there are not
    # bound by; INR 80/h is judged against the living wage alone
    plan = _hourly_plan(80, "INR", "IN", "Rural Madhya Pradesh")
    finding = _bundled_finding(plan)
    assert finding.status == "pass", finding.message


def test_the_report_leads_with_the_figure_that_decides_the_wage(tmp_path: Path) -> None:
    # a KE minimum of KES 450/h above the well-run plan's KES 416.18 (139.5% of the living
    # wage): page 1 names the minimum-wage shortfall, and the working shown is Nairobi's,
    # not the vendor's Metro Manila line that is lowest against its living wage
    from sourcing_check.render.board import lowest_line, reasons_in_words
    from sourcing_check.run import run
    from tests.conftest import EXAMPLES

    table = _floor_table(tmp_path, 450)
    settings = Settings(date=DATE, minimum_wages=(table,))
    (a,) = run([EXAMPLES / "well-run-project.yaml"], settings).assessments
    line = lowest_line(a)
    assert line is not None and line.place == "KE (Nairobi)"
    reasons = reasons_in_words(a)
    assert any(r.startswith("Effective pay in KE (Nairobi) is KES 416.18") for r in reasons)
    assert not any(r.startswith("Lowest effective pay") for r in reasons)


def test_fair_pay_is_costed_on_the_minimum_wage_where_it_is_higher(tmp_path: Path) -> None:
    # KE: living wage KES 200/h (test table), minimum KES 250/h; USD 3/h = KES 390/h against
    # 1.5 x 250 = KES 375 passes, and USD 2.5/h = KES 325 is 86.7% of it
    tables = _with_floor(tmp_path, 250)
    workers = {"locations": [{"country": "KE"}]}

    def price_line(amount: float) -> Any:
        sourcing = {"price": {"amount": amount, "currency": "USD", "period": "hour"}}
        fact = facts(
            project(sourcing=sourcing, workers=workers), tables=tables, price_on_cost_factor=1.5
        ).price
        assert fact is not None and fact.lowest is not None
        return fact.lowest

    low = price_line(2.5)
    assert (low.fair_cost_hourly_text, low.ratio_text) == ("KES 375.00", "86.7%")
    assert low.wage_basis_text == (
        "the statutory minimum wage of KES 250.00, which is above the living wage of KES 200.00"
    )
    assert price_line(3).ratio_text == "104.0%"
