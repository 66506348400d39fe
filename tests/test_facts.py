"""Wage facts, computed by hand to the cent (test tables: KE 200 KES/h, Nairobi 300, US 20 USD/h;
USD 1 = KES 130)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, get_type_hints

from sourcing_check.facts import FACTS
from sourcing_check.facts.wage_line import wage_line
from sourcing_check.facts.wage_working import Location, Setting, Shared
from sourcing_check.models.common import Money, Rejection
from sourcing_check.models.facts import Facts, WageLine
from sourcing_check.models.pay import PayTerms
from tests.helpers import TEST_DATE, facts, project, reference, vendor

PAID = {"rejected_work_paid": "always"}


def _line(result: Facts, name: str = "project_wage") -> WageLine:
    fact = result.project_wage if name == "project_wage" else result.vendor_wage
    assert fact is not None
    (line,) = fact.locations
    return line


def salaried(amount: int, hours: int, unpaid_hours: int) -> dict[str, Any]:
    return {
        "model": "salaried",
        "rate": {"amount": amount, "currency": "KES", "period": "month"},
        "contracted_hours_per_period": hours,
        "unpaid_hours_per_period": unpaid_hours,
        "fee_share_percent": 0,
    }


def hourly_usd(amount: int) -> dict[str, Any]:
    return {
        "model": "hourly",
        "rate": {"amount": amount, "currency": "USD", "period": "hour"},
        "unpaid_hours_per_period": 0,
        "fee_share_percent": 0,
    }


def per_task(rate: float, minutes: float, **extra: Any) -> dict[str, Any]:
    return {
        "model": "per_task",
        "rate": {"amount": rate, "currency": "USD", "period": "task"},
        "minutes_per_task": minutes,
        "unpaid_minutes_per_task": 0,
        "fee_share_percent": 0,
        **extra,
    }


def test_per_task_pay_converted_and_compared() -> None:
    # USD 0.05 x 60 / 2 min = USD 1.50/h = KES 195/h; 195 / 200 = 0.975
    plan = project(
        pay=per_task(0.05, 2), workers={"locations": [{"country": "KE"}]}, rejection=PAID
    )
    line = _line(facts(plan))
    assert line.gross_hourly == Decimal("1.5")
    assert line.effective_hourly == Decimal("195")
    assert line.living_wage_hourly == Decimal("200")
    assert line.ratio == Decimal("0.975")
    # required = 0.05 / 0.975 = 0.051282..., shown rounded up
    assert line.required_rate_text == "USD 0.0513 per task"


def test_fees_unpaid_minutes_and_unpaid_rejections() -> None:
    # USD 0.10/task, 2 min paid + 1 min unpaid, 20% fee, 10% rejected unpaid:
    # 3.00/h x 0.8 = 2.40 x 0.9 = 2.16 / 1.5 = USD 1.44/h = KES 187.20/h; ratio 0.936
    plan = project(
        pay=per_task(0.10, 2, unpaid_minutes_per_task=1, fee_share_percent=20),
        workers={"locations": [{"country": "KE"}]},
        rejection={"rejected_work_paid": "never", "expected_rate_percent": 10},
    )
    line = _line(facts(plan))
    assert line.effective_hourly == Decimal("187.2")
    assert line.effective_hourly_text == "KES 187.20"
    assert line.ratio == Decimal("0.936")
    # required = 200/130 USD/h x 3/60 / (0.8 x 0.9) = USD 0.106837...
    assert line.required_rate == Decimal("0.106838")
    assert line.required_rate_text == "USD 0.1069 per task"


def test_unpaid_qualification_is_spread_over_tasks() -> None:
    # 30 unpaid minutes over 60 tasks = 0.5 min per 2-minute task: unpaid ratio 0.25
    plan = project(
        pay=per_task(0.10, 2, qualification={"minutes": 30, "paid": False}, tasks_per_worker=60),
        workers={"locations": [{"country": "KE"}]},
        rejection=PAID,
    )
    line = _line(facts(plan))
    assert line.unpaid_ratio == Decimal("0.25")
    # 3.00 / 1.25 = USD 2.40/h = KES 312/h
    assert line.effective_hourly == Decimal("312")


def test_unpaid_qualification_without_tasks_per_worker_is_missing() -> None:
    plan = project(
        pay=per_task(0.10, 2, qualification={"minutes": 30, "paid": False}),
        workers={"locations": [{"country": "KE"}]},
        rejection=PAID,
    )
    line = _line(facts(plan))
    assert line.ratio is None
    assert any("tasks_per_worker" in m for m in line.missing)


def test_pilot_p75_time_is_used_for_per_task_pay() -> None:
    plan = project(
        pay=per_task(0.05, 2),
        workers={"locations": [{"country": "KE"}]},
        rejection=PAID,
        pilot={"status": "completed", "median_minutes": 2.5, "p75_minutes": 3},
    )
    line = _line(facts(plan))
    assert line.gross_hourly == Decimal("1")  # 0.05 x 60 / 3
    median = _line(facts(plan, wage_time_basis="median"))
    assert median.gross_hourly == Decimal("1.2")  # 0.05 x 60 / 2.5


def test_monthly_salary_with_unpaid_hours_against_a_regional_benchmark() -> None:
    # KES 40,000 / 160 h = 250/h; 10 unpaid h: 250 / 1.0625 = 235.294118/h. Nairobi 300/h over
    # 173 h is KES 51,900 a month, which full-time work earns in the 170 h it works:
    # 305.294118/h; the salary that reaches it is the month's KES 51,900
    plan = project(
        pay=salaried(40000, 160, 10),
        workers={"locations": [{"country": "KE", "region": "nairobi"}]},
        rejection=PAID,
    )
    line = _line(facts(plan))
    assert line.gross_hourly == Decimal("250")
    assert line.effective_hourly == Decimal("235.294118")
    assert line.living_wage_hourly == Decimal("305.294118")
    assert line.benchmark.id == "ke-nairobi-test"
    assert line.required_rate_text == "KES 51,900.00 per month"
    assert line.benchmark_age_years == 6  # 2026 - 2020


def test_hourly_pay_in_the_same_currency() -> None:
    plan = project(
        pay=hourly_usd(25),
        workers={"locations": [{"country": "US"}]},
        rejection=PAID,
    )
    line = _line(facts(plan))
    assert line.ratio == Decimal("1.25")
    assert line.conversion.factor == Decimal("1")


def test_missing_benchmark_is_named() -> None:
    plan = project(
        pay=per_task(0.05, 2),
        rejection=PAID,
        workers={"locations": [{"country": "PH", "region": "Cebu"}]},
    )
    result = facts(plan).project_wage
    assert result.lowest_ratio is None
    assert any("living-wage benchmark for PH (Cebu)" in m for m in result.missing)


def test_missing_currency_rate_is_named() -> None:
    plan = project(
        pay={**per_task(0.05, 2), "rate": {"amount": 0.05, "currency": "GBP", "period": "task"}},
        workers={"locations": [{"country": "KE"}]},
        rejection=PAID,
    )
    result = facts(plan).project_wage
    assert any("currency rate GBP -> KES" in m for m in result.missing)


def test_lowest_ratio_over_locations_and_partial_results() -> None:
    plan = project(
        pay=per_task(0.05, 2),
        rejection=PAID,
        workers={"locations": [{"country": "KE"}, {"country": "US"}, {"country": "PH"}]},
    )
    result = facts(plan).project_wage
    assert result.lowest.country == "US"  # USD 1.50 vs USD 20: ratio 0.075
    assert result.lowest_ratio == Decimal("0.075")
    assert any("living-wage benchmark for PH" in m for m in result.missing)


def test_vendor_rates_per_location() -> None:
    questionnaire = vendor(
        pay={
            "fee_share_percent": 0,
            "rates": [
                {
                    "country": "KE",
                    "model": "hourly",
                    "rate": {"amount": 260, "currency": "KES", "period": "hour"},
                    "unpaid_hours_per_period": 0,
                },
            ],
        },
        rejection=PAID,
    )
    line = _line(facts(questionnaire=questionnaire), "vendor_wage")
    assert line.ratio == Decimal("1.3")


def test_pricing_fact() -> None:
    plan = project(pay=per_task(0.05, 2), pilot={"status": "completed", "p75_minutes": 3})
    assert facts(plan).pricing.estimate_covers_p75 is False


def test_location_rates_override_the_main_rate() -> None:
    plan = project(
        pay={
            **hourly_usd(25),
            "location_rates": [
                {"country": "KE", "rate": {"amount": 260, "currency": "KES", "period": "hour"}}
            ],
        },
        workers={"locations": [{"country": "US"}, {"country": "KE"}]},
        rejection=PAID,
    )
    us, ke = facts(plan).project_wage.locations
    assert us.ratio == Decimal("1.25")
    assert ke.ratio == Decimal("1.3")  # KES 260 against KES 200
    assert ke.rate_text == "KES 260.00 per hour"


def test_unpaid_rejections_do_not_reduce_a_salary() -> None:
    plan = project(
        pay=salaried(34600, 173, 0),
        workers={"locations": [{"country": "KE"}]},
        rejection={"rejected_work_paid": "never", "expected_rate_percent": 50},
    )
    line = _line(facts(plan))
    assert line.paid_fraction == Decimal("1")
    assert line.ratio == Decimal("1")  # KES 34,600 / 173 h = KES 200/h


def test_a_wage_line_not_computed_shows_only_what_is_known() -> None:
    plan = project(
        pay=per_task(0.05, 2),
        rejection=PAID,
        workers={"locations": [{"country": "PH", "region": "Cebu"}]},
    )
    line = _line(facts(plan))
    assert list(line.model_dump(mode="json")) == [
        "country",
        "region",
        "place",
        "model",
        "rate",
        "currency",
        "period",
        "rate_at",
        "missing",
        "steps",
        "rate_text",
        "answers_read",
    ]
    no_rate = project(pay={"model": "per_task"}, workers={"locations": [{"country": "KE"}]})
    assert list(_line(facts(no_rate)).model_dump(mode="json")) == [
        "country",
        "region",
        "place",
        "missing",
        "steps",
        "benchmark",  # the benchmark and its age are known without the pay
        "benchmark_age_years",
        "answers_read",  # the pay model as answered, the rate as not
    ]


def test_a_computed_wage_line_in_json() -> None:
    plan = project(pay=hourly_usd(25), workers={"locations": [{"country": "US"}]}, rejection=PAID)
    data = facts(plan).model_dump(mode="json")
    assert list(data) == [
        "project_wage",
        "pricing",
        "languages",
        "price",
        "worker_risk",
        "pilot_timing",
        "ethics_timing",
    ]
    wage = data["project_wage"]
    assert list(wage) == [
        "locations",
        "missing",
        "lowest_ratio",
        "lowest",
        "max_benchmark_age_years",
        "oldest_benchmark",
        "shortfalls",
        "caveats",
        "missing_for",
    ]
    assert wage["lowest_ratio"] == "1.25"  # exact, as a string
    assert wage["lowest"]["region"] is None  # set, though null
    assert wage["lowest"]["conversion"]["from"] == "USD"
    assert wage["lowest"]["required_rate"] == "20"


def test_the_fact_registry_fills_the_facts_model() -> None:
    assert list(FACTS) == list(Facts.model_fields)
    for name, function in FACTS.items():
        assert get_type_hints(function)["return"] == Facts.model_fields[name].annotation, name


def test_one_wage_line_step_by_step() -> None:
    # KES 250/h, 20% of work rejected unpaid, 10 unpaid h per 160 contracted h:
    # 250 x 0.8 = 200 / (1 + 10/160) = KES 188.235294/h against KES 200/h: ratio 16/17
    terms = PayTerms(
        model="hourly",
        rate=Money(amount=Decimal(250), currency="KES", period="hour"),
        contracted_hours_per_period=Decimal(160),
        unpaid_hours_per_period=Decimal(10),
    )
    shared = Shared(
        fee_percent=Decimal(0),
        fee_at="/project/pay/fee_share_percent",
        rejection=Rejection(rejected_work_paid="never", expected_rate_percent=Decimal(20)),
        rejection_at="/project/rejection",
    )
    setting = Setting(reference(), TEST_DATE)
    line = wage_line(Location("KE", None, terms, "/project/pay"), shared, setting)
    assert line.missing == []
    assert line.effective_hourly == Decimal("188.235294")
    assert line.ratio == Decimal("0.941176")
    assert line.required_rate == Decimal("265.625")  # 250 x 1.0625
    assert line.required_rate_text == "KES 265.63 per hour"  # rounded up
    assert [step.label for step in line.steps] == [
        "Unpaid time per hour of paid time",
        "After unpaid rejections",
        "Counting unpaid time",
        "Living wage per hour",
        "Share of the living wage",
        "Pay that exactly reaches the living wage",
    ]
