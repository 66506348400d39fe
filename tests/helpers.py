"""Test helpers: build inputs from plain data and compute facts against the test tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from sourcing_check.facts import Context, Inputs, derive
from sourcing_check.load.reference import load_reference
from sourcing_check.models.facts import Facts
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire
from sourcing_check.reference.lookup import Reference
from tests.conftest import DATA

TEST_DATE = dt.date(2026, 11, 24)


def reference(*, rates: Path | None = None, price_index: bool = False) -> Reference:
    """The synthetic test tables (KE 200 KES/h, KE Nairobi 300 KES/h, US 20 USD/h; a VE floor
    of VES 10/h; USD 1 = KES 130 = VES 100 on 2026-11-01), with the synthetic price index (KE
    2021 and 2022: 10%, 2025: 5%) if asked."""
    return load_reference(
        DATA / "living-wages.yaml",
        rates or DATA / "currency-rates.yaml",
        minimum_wages=DATA / "minimum-wages.yaml",
        price_index=DATA / "price-index.yaml" if price_index else None,
    )


def numbers(value: Any) -> Any:
    """Turn floats in hand-written test data into exact Decimals, as the loader does."""
    if isinstance(value, dict):
        return {k: numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [numbers(v) for v in value]
    if isinstance(value, float):
        return Decimal(str(value))
    return value


def project(**sections: Any) -> ProjectPlan:
    """A project plan with the given sections."""
    data = {"kind": "project-plan", "schema_version": 1, "project": {"name": "Test project"}}
    return ProjectPlan.model_validate(numbers({**data, **sections}))


def vendor(**sections: Any) -> VendorQuestionnaire:
    """A vendor questionnaire with the given sections."""
    data = {"kind": "vendor-questionnaire", "schema_version": 1, "vendor": {"name": "Test Ltd"}}
    return VendorQuestionnaire.model_validate(numbers({**data, **sections}))


def facts(
    project_plan: ProjectPlan | None = None,
    questionnaire: VendorQuestionnaire | None = None,
    tables: Reference | None = None,
    **params: Any,
) -> Facts:
    """Derive facts with the test tables (or ``tables``) and default parameters."""
    settings = {"wage_time_basis": "p75", "max_benchmark_age_years": 3, **params}
    context = Context(tables or reference(), settings, TEST_DATE)
    return derive(Inputs(questionnaire, project_plan), context)


def mixed_vendor(name: str = "Mixed Ltd") -> dict[str, Any]:
    """A questionnaire with KE (Nairobi) fully computed above the living wage and KE (Mombasa)
    shown below it without a full working: USD 1/h, at most 65% (unpaid time not answered)."""

    def rate(region: str, amount: int, **more: object) -> dict[str, object]:
        money = {"amount": amount, "currency": "USD", "period": "hour"}
        return {"country": "KE", "region": region, "model": "hourly", "rate": money, **more}

    computed = {"unpaid_hours_per_period": 0, "contracted_hours": {"hours": 40, "per": "week"}}
    return {
        "kind": "vendor-questionnaire",
        "schema_version": 1,
        "vendor": {"name": name},
        "pay": {
            "fee_share_percent": 0,
            "rates": [rate("Nairobi", 5, **computed), rate("Mombasa", 1)],
        },
        "rejection": {"rejected_work_paid": "always"},
    }
