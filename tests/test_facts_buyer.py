"""The facts a buyer needs beyond the wage: who the workers are, and whether the price can pay
them (test tables: KE 200 KES/h, Nairobi 300, US 20 USD/h; USD 1 = KES 130)."""

from __future__ import annotations

from typing import Any

from sourcing_check.models.facts import WorkerRiskFact
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
