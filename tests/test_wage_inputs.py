"""Inputs that say what they mean (issue 9, item 7): hours with their own period, gross or
take-home pay, observed earnings (test tables: KE 200 KES/h gross; USD 1 = KES 130)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pydantic import ValidationError

from sourcing_check.cli import main
from sourcing_check.load.reference import load_reference
from sourcing_check.models.facts import WageFact, WageLine
from sourcing_check.run import Settings, run
from tests.conftest import DATA, EXAMPLES, TEST_TABLES
from tests.helpers import facts, project, vendor

PAID = {"rejected_work_paid": "always"}
_UNPAID = {"unpaid_hours_per_period": 8}
KE = {"locations": [{"country": "KE"}]}


def _salary(amount: int, **hours: Any) -> dict[str, Any]:
    return {
        "model": "salaried",
        "rate": {"amount": amount, "currency": "KES", "period": "month"},
        "unpaid_hours_per_period": 0,
        "fee_share_percent": 0,
        **hours,
    }


def _fact(pay: dict[str, Any], **params: Any) -> WageFact:
    fact = facts(project(pay=pay, workers=KE, rejection=PAID), **params).project_wage
    assert fact is not None
    return fact


def _line(pay: dict[str, Any], **params: Any) -> WageLine:
    (line,) = _fact(pay, **params).locations
    return line


def test_weekly_hours_on_a_monthly_salary_convert_to_about_208_hours() -> None:
    # 48 h a week x 52 / 12 = 208 h a month; KES 41,600 / 208 h = KES 200/h, the living wage
    line = _line(_salary(41600, contracted_hours={"hours": 48, "per": "week"}))
    step = next(s for s in line.steps if s.label == "Contracted hours per month")
    assert (step.formula, step.value) == ("48 h per week x 52 / 12", "208.00 h")
    assert line.gross_hourly == Decimal(200) and line.ratio == Decimal(1)


def test_hours_per_period_still_work_for_old_files() -> None:
    line = _line(_salary(41600, contracted_hours_per_period=208))
    assert line.ratio == Decimal(1)


def test_hours_are_given_one_way() -> None:
    with pytest.raises(ValidationError, match="not both"):
        project(
            pay=_salary(
                1, contracted_hours={"hours": 40, "per": "week"}, contracted_hours_per_period=173
            )
        )


def test_daily_hours_on_a_monthly_salary_cannot_be_converted() -> None:
    line = _line(_salary(41600, contracted_hours={"hours": 8, "per": "day"}))
    assert line.ratio is None
    assert any("hours per day cannot be turned into hours per month" in m for m in line.missing)


def _listed(missing: list[str], answer: str) -> list[str]:
    return [item for item in missing if item.startswith(f"{answer}: ")]


def test_a_salary_s_missing_hours_are_asked_for_once_with_one_wording() -> None:
    # the hours are needed for the pay per hour and again to weigh the unpaid hours: the
    # supplier is asked once, in the first step's words, not twice under two wordings
    line = _line({**_salary(41600), "unpaid_hours_per_period": 8})
    hours = "/project/pay/contracted_hours"
    assert _listed(line.missing, hours) == [
        f"{hours}: the hours the monthly pay covers, e.g. {{hours: 40, per: week}}"
    ]
    daily = _line({**_salary(41600, contracted_hours={"hours": 8, "per": "day"}), **_UNPAID})
    (said,) = _listed(daily.missing, hours)
    assert "hours per day cannot be turned into hours per month" in said


def test_the_report_s_formats_list_a_missing_pay_input_once(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = yaml.safe_load((EXAMPLES / "moderation-vendor.yaml").read_text(encoding="utf-8"))
    del data["pay"]["rates"][0]["contracted_hours_per_period"]  # 8 unpaid hours stay
    path = tmp_path / "vendor.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    hours = "/vendor/pay/rates/0/contracted_hours"
    for form in ("md", "checklist-md", "text"):
        shown = runner.invoke(main, ["check", str(path), "--format", form, *TEST_TABLES]).output
        assert "the hours the monthly pay covers" in shown, form
        assert "needed to weigh unpaid hours" not in shown, form
        for line in shown.splitlines():
            assert line.count(hours) <= 1, (form, line)


def test_unpaid_hours_count_per_the_period_of_the_hours() -> None:
    # hourly KES 250 with 40 contracted and 10 unpaid hours a week: 250 / 1.25 = KES 200/h
    pay = {
        "model": "hourly",
        "rate": {"amount": 250, "currency": "KES", "period": "hour"},
        "contracted_hours": {"hours": 40, "per": "week"},
        "unpaid_hours_per_period": 10,
        "fee_share_percent": 0,
    }
    line = _line(pay)
    assert line.effective_hourly == Decimal(200)
    assert any("10 h per week over 40 h" in s.formula for s in line.steps)


def test_take_home_pay_against_a_gross_benchmark_is_said() -> None:
    line = _line({**_salary(41600, contracted_hours_per_period=208), "basis": "take_home"})
    assert line.ratio == Decimal(1) and "caveats" not in line.model_dump()
    basis = next(s for s in line.steps if s.label == "Basis")
    assert basis.formula.startswith("take-home pay against a gross benchmark: a pass is sure")
    assert line.steps[0].label == "Take-home pay per contracted hour"


def test_gross_pay_against_a_net_benchmark_cannot_give_a_clean_pass(tmp_path: Path) -> None:
    table = tmp_path / "net.yaml"
    table.write_text(
        (DATA / "living-wages.yaml").read_text().replace("gross_or_net: gross", "gross_or_net: net")
    )
    tables = load_reference(table, DATA / "currency-rates.yaml")
    plan = project(pay=_salary(41600, contracted_hours_per_period=208), workers=KE, rejection=PAID)
    fact = facts(plan, tables=tables).project_wage
    assert fact is not None
    assert fact.caveats == [
        "KE: gross pay (gross when the basis is not stated) is compared with a net (take-home) "
        "benchmark; income tax and contributions would lower it"
    ]


def _observed(median: float, p25: float | None = None) -> dict[str, Any]:
    seen: dict[str, Any] = {
        "median_hourly": median,
        "currency": "USD",
        "source": "platform payout records",
        "period_from": "2026-07-01",
        "period_to": "2026-09-30",
    }
    return {**seen, "p25_hourly": p25} if p25 is not None else seen


def test_observed_earnings_below_the_living_wage_fail_on_their_own() -> None:
    # computed: KES 41,600 / 208 h = 100%; observed: a quarter earn USD 1.20 = KES 156/h or less
    pay = {
        **_salary(41600, contracted_hours_per_period=208),
        "observed_earnings": _observed(1.6, 1.2),
    }
    fact = _fact(pay)
    (line,) = fact.locations
    assert line.ratio == Decimal(1)  # the computed figure, shown as before
    assert line.observed is not None and line.observed.judged == "p25"
    assert line.observed.ratio_text == "78.0%"
    assert fact.worst_shortfall is not None
    assert fact.worst_shortfall.text == (
        "Observed 25th-percentile effective pay (platform payout records, 2026-07-01 to "
        "2026-09-30) in KE is KES 156.00 per hour, 78.0% of the living wage of KES 200.00."
    )


def test_observed_earnings_are_judged_on_the_median_when_pay_is() -> None:
    pay = {
        **_salary(41600, contracted_hours_per_period=208),
        "observed_earnings": _observed(1.6, 1.2),
    }
    fact = _fact(pay, wage_time_basis="median")
    assert fact.shortfalls == []  # USD 1.60 = KES 208/h: 104%


def test_observed_earnings_fail_even_when_the_rate_is_not_given() -> None:
    questionnaire = vendor(
        pay={"rates": [{"country": "KE", "observed_earnings": _observed(1.0)}]}, rejection=PAID
    )
    fact = facts(None, questionnaire).vendor_wage
    assert fact is not None and fact.worst_shortfall is not None
    assert fact.worst_shortfall.basis == "observed_earnings"
    assert fact.worst_shortfall.raise_text == (
        "(the rate is not stated) so that what workers earn reaches KES 200.00 an hour"
    )


def test_take_home_pay_below_a_gross_benchmark_asks_for_the_gross_pay() -> None:
    # KES 190/h take-home against a gross living wage of KES 200/h: income tax and contributions
    # may be the whole gap, so no shortfall is shown; the gross pay is asked for instead
    line = _line({**_salary(39520, contracted_hours_per_period=208), "basis": "take_home"})
    assert line.ratio is None and line.shortfall is None
    (missing,) = line.missing
    assert missing.startswith("/project/pay/basis: pay stated as gross (take-home pay is 95.0%")
    # stated gross, the same figure is a shortfall
    gross = _line({**_salary(39520, contracted_hours_per_period=208), "basis": "gross"})
    assert gross.shortfall is not None and gross.shortfall.ratio_text == "95.0%"


def test_pay_a_cent_below_the_living_wage_never_reads_as_reached() -> None:
    # KES 199.99 against KES 200: 99.995% would round to 100.0%; it shows as 99.9% and fails
    pay = {
        "model": "hourly",
        "rate": {"amount": 199.99, "currency": "KES", "period": "hour"},
        "unpaid_hours_per_period": 0,
        "fee_share_percent": 0,
    }
    line = _line(pay)
    assert line.ratio_text == "99.9%" and line.shortfall is not None
    assert line.required_rate_text == "KES 200.00 per hour"


def test_a_full_time_contract_must_earn_the_month_s_living_wage_in_its_own_hours() -> None:
    # KE: KES 34,600 a month over 173 h (KES 200/h). KES 32,000 a month for 160 h is KES 200/h,
    # but a 36.9-hour week is full-time: the month's KES 34,600 must be earned in its 160 h
    line = _line(_salary(32000, contracted_hours_per_period=160))
    assert line.living_wage_hourly == Decimal("216.25") and line.ratio_text == "92.5%"
    step = next(s for s in line.steps if "full-time" in s.label)
    assert step.formula.startswith("KES 34,600.00 per month / 160.00 h: full-time work (36.92 h")
    assert line.required_rate_text == "KES 34,600.00 per month"
    # part-time (20 h a week) is judged per hour with the benchmark's hours: KES 200/h reaches it
    part = _line(_salary(17334, contracted_hours={"hours": 20, "per": "week"}))
    assert part.living_wage_hourly == Decimal("200") and part.shortfall is None
    # a profile can draw the line elsewhere
    assert _line(
        _salary(32000, contracted_hours_per_period=160), full_time_hours_per_week=40
    ).ratio == Decimal(1)


def test_a_plan_that_states_no_fee_says_it_takes_the_vendor_s() -> None:
    pay = _salary(41600, contracted_hours_per_period=208)
    del pay["fee_share_percent"]
    plan = project(pay=pay, workers=KE, rejection=PAID)
    fact = facts(plan, vendor(pay={"fee_share_percent": 20})).project_wage
    assert fact is not None
    (line,) = fact.locations
    step = next(s for s in line.steps if s.label == "Fees (the vendor's answer)")
    assert (step.value, "/vendor/pay/fee_share_percent" in step.formula) == ("20%", True)
    assert line.ratio == Decimal("0.8")  # KES 200/h less 20%, against KES 200/h


def test_full_time_is_judged_on_the_hours_worked_unpaid_ones_included() -> None:
    # KE: KES 34,600 a month over 173 h. 25 h a week contracted + 10 h a week unpaid (per the
    # period of the contracted hours, as the field says) is 35 h a week worked: full-time, so
    # KES 25,000 a month must reach the month's KES 34,600
    worked = _line(_salary(25000, contracted_hours={"hours": 25, "per": "week"}))
    assert worked.ratio is not None and worked.ratio >= 1  # 25 h a week alone: part-time
    pay = {**_salary(25000, contracted_hours={"hours": 25, "per": "week"})}
    pay["unpaid_hours_per_period"] = Decimal(10)
    line = _line(pay)
    assert line.ratio_text == "72.3%" and line.shortfall is not None
    assert line.required_rate_text == "KES 34,600.00 per month"
    assert "10 h per week over 25 h" in [step.formula for step in line.steps]


def test_a_full_time_salary_below_the_monthly_minimum_fails(tmp_path: Path) -> None:
    # VE in the test tables has no living wage and a floor of VES 1,730 a month over 173 h;
    # a 35-hour week (151.67 h a month) must earn the month's minimum: VES 1,700 is short
    pay = {
        "model": "salaried",
        "rate": {"amount": 1700, "currency": "VES", "period": "month"},
        "contracted_hours": {"hours": 35, "per": "week"},
        "unpaid_hours_per_period": 0,
        "fee_share_percent": 0,
    }
    plan = project(pay=pay, workers={"locations": [{"country": "VE"}]}, rejection=PAID)
    fact = facts(plan).project_wage
    assert fact is not None
    (line,) = fact.locations
    assert line.shortfall is not None and line.shortfall.against == "minimum_wage"
    assert line.shortfall.ratio_text == "98.3%"


#: A division in a working: 'KES 51,613.46 per month / 173.3333 h', or '... / 173 h per month'.
_DIVISION = re.compile(r"^([A-Z]{3}) ([0-9,]+\.[0-9]+)(?: per \w+)? / ([0-9.]+) h\b")


def _redone(formula: str) -> str | None:
    """A working's division redone by hand, to the cent as printed; None if it has none."""
    found = _DIVISION.match(formula)
    if found is None:
        return None
    currency, amount, hours = found.groups()
    result = Decimal(amount.replace(",", "")) / Decimal(hours)
    return f"{currency} {result.quantize(Decimal('0.01'), rounding=ROUND_HALF_EVEN):,f}"


def _forty_hours(tmp_path: Path) -> Path:
    """The well-run example with a 40-hour week (173.33 h a month, rounded)."""
    for name in ("well-run-project.yaml", "well-run-vendor.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    plan = tmp_path / "well-run-project.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "  contracted_hours_per_period: 173\n" in text
    plan.write_text(text.replace("_per_period: 173\n", ": {hours: 40, per: week}\n"))
    return plan


def test_a_forty_hour_week_says_why_its_living_wage_per_hour_is_a_cent_lower(
    tmp_path: Path,
) -> None:
    # WageIndicator's KE row: KES 51,613.46 a month (2024 prices) over 173.33 h, which is 40 h a
    # week rounded; over the 173.3333 h of a 40-hour week it is KES 297.77 an hour
    (a,) = run([_forty_hours(tmp_path)], Settings(date=dt.date(2026, 11, 24))).assessments
    assert a.facts.project_wage is not None
    line = next(x for x in a.facts.project_wage.locations if x.country == "KE")
    rows = {s.label: s for s in line.steps}
    assert rows["Living wage per hour"].value == "KES 297.78"
    exact = rows["Living wage per hour worked (full-time, unrounded hours)"]
    assert exact.value == "KES 297.77" == line.living_wage_hourly_text
    assert "the figure's 173.33 h before rounding; the KES 297.78 above divides by the rounded" in (
        exact.formula
    )
    assert _redone(exact.formula) == exact.value
    assert _redone(rows["Gross pay per contracted hour"].formula) == "KES 415.38"


def test_every_division_by_hours_in_a_working_can_be_redone_by_hand(tmp_path: Path) -> None:
    paths = [*sorted(EXAMPLES.glob("*.yaml")), _forty_hours(tmp_path)]
    redone = 0
    for path in paths:
        for a in run([path], Settings(date=dt.date(2026, 11, 24))).assessments:
            for fact in (a.facts.project_wage, a.facts.vendor_wage):
                for line in fact.locations if fact is not None else []:
                    for step in line.steps:
                        by_hand = _redone(step.formula)
                        if by_hand is not None:
                            assert by_hand == step.value, (path.name, line.place, step)
                            redone += 1
    assert redone > 20
