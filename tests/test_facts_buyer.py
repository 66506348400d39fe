"""The facts a buyer needs beyond the wage: who the workers are, and whether the price can pay
them (test tables: KE 200 KES/h, Nairobi 300, US 20 USD/h; USD 1 = KES 130)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sourcing_check.models.facts import PriceFact, WorkerRiskFact
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire
from tests.helpers import facts, project, vendor

RISKY = ["refugee_settlement", "prison", "detention_centre", "conflict_area"]


def _risk(
    plan: ProjectPlan, supplier: VendorQuestionnaire | None = None, **params: Any
) -> WorkerRiskFact:
    result = facts(plan, supplier, **{"high_risk_settings": RISKY, **params}).worker_risk
    assert result is not None
    return result


def test_no_group_and_no_risky_setting_is_not_vulnerable() -> None:
    plan = project(workers={"vulnerable_groups": [], "locations": [{"country": "KE"}]})
    risk = _risk(plan)
    assert risk.vulnerable is False and risk.missing == []


def test_groups_of_the_plan_and_its_vendor_are_pooled() -> None:
    plan = project(workers={"vulnerable_groups": ["refugees"]})
    supplier = vendor(workforce={"vulnerable_groups": ["migrant_workers", "refugees"]})
    risk = _risk(plan, supplier)
    assert risk.vulnerable is True
    assert risk.groups == ["migrant_workers", "refugees"]


def test_a_location_in_a_listed_setting_makes_workers_vulnerable() -> None:
    plan = project(
        workers={"vulnerable_groups": [], "locations": [{"country": "KE", "setting": "home"}]}
    )
    supplier = vendor(
        workforce={
            "locations": [{"country": "KE", "region": "Kakuma", "setting": "refugee_settlement"}]
        }
    )
    risk = _risk(plan, supplier)
    assert risk.vulnerable is True
    assert risk.high_risk_places == ["KE (Kakuma): refugee_settlement"]
    # the list is a parameter: without the setting in it, nothing is triggered
    assert _risk(plan, supplier, high_risk_settings=["prison"]).vulnerable is False


def test_a_vendor_engaging_workers_through_an_institution_makes_them_vulnerable() -> None:
    """A prison or detention centre holds its workers whatever groups either side declares."""
    plan = project(workers={"vulnerable_groups": []})
    supplier = vendor(engagement={"models": ["institution"]}, workforce={"vulnerable_groups": []})
    risk = _risk(plan, supplier)
    assert risk.vulnerable is True and risk.groups == []
    assert risk.high_risk_places == [
        "the vendor's workers: engaged through an institution that holds or houses them"
    ]
    employer = vendor(engagement={"models": ["employees"]}, workforce={"vulnerable_groups": []})
    assert _risk(plan, employer).vulnerable is False


def test_groups_left_out_are_unknown_unless_something_triggers() -> None:
    risk = _risk(project(workers={"locations": [{"country": "KE"}]}))
    assert risk.vulnerable is None
    (gap,) = risk.missing
    assert gap.startswith("/project/workers/vulnerable_groups: vulnerable groups among the workers")
    assert "vulnerable" not in risk.model_dump()
    prison = project(workers={"locations": [{"country": "FI", "setting": "prison"}]})
    assert _risk(prison).vulnerable is True


def test_no_plan_no_worker_risk() -> None:
    assert facts(None, vendor(workforce={"vulnerable_groups": ["refugees"]})).worker_risk is None


def _price(plan: ProjectPlan, **params: Any) -> PriceFact:
    result = facts(plan, **{"price_on_cost_factor": Decimal("1.5"), **params}).price
    assert result is not None
    return result


def test_an_hourly_price_against_the_living_wage_and_on_costs() -> None:
    # USD 2/h = KES 260/h; fair cost KES 200 x 1.5 = 300/h; 260 / 300 = 0.866667;
    # needed: 300 / 130 = USD 2.3077, rounded up to USD 2.31
    plan = project(
        sourcing={"price": {"amount": 2, "currency": "USD", "period": "hour"}},
        workers={"locations": [{"country": "KE"}, {"country": "KE", "region": "Nairobi"}]},
    )
    fact = _price(plan)
    assert fact.missing == []
    assert fact.price_hourly == Decimal(2) and fact.price_hourly_text == "USD 2.00"
    kenya, nairobi = fact.locations
    assert kenya.fair_cost_hourly == Decimal(300) and kenya.ratio == Decimal("0.866667")
    assert kenya.required_price_text == "USD 2.31"
    # Nairobi: fair cost KES 300 x 1.5 = 450/h; 260 / 450 = 0.577778, the lowest
    assert nairobi.ratio == Decimal("0.577778")
    assert fact.lowest == nairobi and fact.lowest_ratio == Decimal("0.577778")
    assert fact.lowest.price_hourly_text == "KES 260.00"


def test_a_price_per_task_or_per_month_becomes_a_price_per_hour() -> None:
    # USD 0.05 x 60 / 2 minutes (the pilot's p75, not the 1-minute estimate) = USD 1.50/h
    per_task = project(
        sourcing={"price": {"amount": 0.05, "currency": "USD", "period": "task"}},
        pay={"minutes_per_task": 1},
        pilot={"status": "completed", "p75_minutes": 2, "median_minutes": 1.5},
        workers={"locations": [{"country": "US"}]},
    )
    assert _price(per_task).price_hourly == Decimal("1.5")
    # on the median basis: 0.05 x 60 / 1.5 = USD 2/h
    assert _price(per_task, wage_time_basis="median").price_hourly == Decimal(2)
    # USD 4,000 a month for 160 hours = USD 25/h against US 20 x 1.5 = 30: 0.833333
    per_month = project(
        sourcing={
            "price": {"amount": 4000, "currency": "USD", "period": "month"},
            "price_hours_per_period": 160,
        },
        workers={"locations": [{"country": "US"}]},
    )
    assert _price(per_month).lowest_ratio == Decimal("0.833333")


def test_what_the_price_comparison_lacks_is_named() -> None:
    nothing = _price(project(workers={"locations": [{"country": "KE"}]}))
    assert nothing.missing == [
        "/project/sourcing/price: what the team pays the supplier for the work"
    ]
    assert "lowest_ratio" not in nothing.model_dump()
    no_benchmark = project(
        sourcing={"price": {"amount": 5, "currency": "USD", "period": "hour"}},
        workers={"locations": [{"country": "KE"}, {"country": "VE"}]},
    )
    fact = _price(no_benchmark)
    assert fact.missing == ["VE: living-wage benchmark: none in the living-wage table"]
    assert fact.lowest is not None and fact.lowest.place == "KE"
