"""Test helpers: build inputs from plain data and compute facts against the test tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sourcing_check.facts import Context, Inputs, derive
from sourcing_check.load.reference import load_reference
from sourcing_check.models.facts import Facts
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire
from sourcing_check.reference.lookup import Reference
from tests.conftest import DATA

TEST_DATE = dt.date(2026, 11, 24)


def reference() -> Reference:
    """The synthetic test tables (KE 200 KES/h, KE Nairobi 300 KES/h, US 20 USD/h)."""
    return load_reference(DATA / "living-wages.yaml", DATA / "currency-rates.yaml")


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
    **params: Any,
) -> Facts:
    """Derive facts with the test tables and default parameters."""
    settings = {"wage_time_basis": "p75", "max_benchmark_age_years": 3, **params}
    return derive(Inputs(questionnaire, project_plan), Context(reference(), settings, TEST_DATE))
