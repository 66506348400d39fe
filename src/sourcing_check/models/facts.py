"""Derived facts as frozen result models: the wage per location with its working (in
``wage_facts.py``), and the rest.

A fact that could not be computed in full keeps only the fields it got to (say a wage line
without a benchmark: place, pay, what is missing and the steps so far). Such models hold and
serialize exactly the fields that were set, in field order (``fact_base.Result``), so the JSON
shows what is known and no more.
Money is exact: Decimal values, written as strings in JSON.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from sourcing_check.models.fact_base import Partial as _Partial
from sourcing_check.models.introspect import model_in
from sourcing_check.models.wage_facts import (
    BenchmarkInfo,
    ConversionInfo,
    FloorInfo,
    ObservedInfo,
    OldestBenchmark,
    Shortfall,
    VendorBenchmarkInfo,
    WageFact,
    WageLine,
    WageStep,
)

__all__ = [
    "BenchmarkInfo",
    "ConversionInfo",
    "EthicsTimingFact",
    "Fact",
    "Facts",
    "FloorInfo",
    "LanguagesFact",
    "ObservedInfo",
    "OldestBenchmark",
    "PilotTimingFact",
    "PriceFact",
    "PriceLine",
    "PricingFact",
    "Shortfall",
    "VendorBenchmarkInfo",
    "WageFact",
    "WageLine",
    "WageStep",
    "WorkerRiskFact",
    "fact_keys",
]


class PricingFact(_Partial):
    """Whether the per-task time estimate covers the pilot's 75th-percentile time."""

    missing: list[str] = Field(description="Inputs lacking; empty when computed.")
    estimate_minutes: Decimal | None = Field(None, description="Estimated minutes per task.")
    p75_minutes: Decimal | None = Field(None, description="The pilot's 75th-percentile time.")
    estimate_covers_p75: bool | None = Field(
        None, description="Whether the estimate is at least the p75 time."
    )


class LanguagesFact(_Partial):
    """Which of the task's languages the instructions are not available in."""

    missing: list[str] = Field(description="Inputs lacking; empty when computed.")
    uncovered: list[str] | None = Field(None, description="Task languages without instructions.")
    covered: bool | None = Field(None, description="Whether every task language is covered.")


class PriceLine(_Partial):
    """The buyer's price against what fair pay costs in one worker location."""

    place: str = Field(description="Country and region, for display.")
    missing: list[str] = Field(description="What the comparison lacks here; empty when done.")
    benchmark_id: str | None = Field(None, description="Id of the living-wage benchmark.")
    living_wage_hourly_text: str | None = Field(None, description="The living wage per hour.")
    wage_basis_text: str | None = Field(
        None,
        description="The wage fair pay is costed on, in words: the living wage, or the statutory "
        "minimum wage where it is higher.",
    )
    fair_cost_hourly: Decimal | None = Field(
        None, description="Living wage per hour x the on-cost factor, in its currency."
    )
    fair_cost_hourly_text: str | None = Field(None, description="The same, formatted.")
    price_hourly_text: str | None = Field(
        None, description="The price per worker-hour in the benchmark's currency, formatted."
    )
    ratio: Decimal | None = Field(None, description="Price per worker-hour / fair cost per hour.")
    ratio_text: str | None = Field(None, description="The ratio as a percentage.")
    required_price_text: str | None = Field(
        None, description="The fair cost per worker-hour in the price's currency, rounded up."
    )


class PriceFact(_Partial):
    """The buyer's price per worker-hour against the living wage times an on-cost factor."""

    missing: list[str] = Field(description="Inputs lacking, per location; empty when done.")
    on_cost_factor: Decimal = Field(description="The parameter price_on_cost_factor.")
    price_hourly: Decimal | None = Field(
        None, description="The price per worker-hour, in the price's currency."
    )
    price_hourly_text: str | None = Field(None, description="The same, formatted.")
    price_text: str | None = Field(
        None, description="The price as answered, formatted (e.g. 'USD 0.85 per task')."
    )
    locations: list[PriceLine] = Field(description="One line per worker location of the plan.")
    lowest_ratio: Decimal | None = Field(
        None, description="The lowest ratio of the computed locations (absent when none)."
    )
    lowest: PriceLine | None = Field(None, description="The location with the lowest ratio.")
    caveats: list[str] = Field(
        default_factory=list,
        description="Why a computed comparison cannot be confirmed: a living-wage benchmark or "
        "currency rate older than the framework allows (as for the wage facts).",
    )


class WorkerRiskFact(_Partial):
    """Whether a project's workers are vulnerable: a declared group, or a high-risk setting."""

    missing: list[str] = Field(description="Inputs lacking; empty when decided.")
    groups: list[str] = Field(
        description="Vulnerable groups declared by the plan or its vendor's questionnaire."
    )
    high_risk_places: list[str] = Field(
        description="Worker locations (of the plan or the vendor) in a high-risk setting, and "
        "the vendor's workers where it engages them through an institution."
    )
    vulnerable: bool | None = Field(
        None, description="Whether the requirements for vulnerable workers apply."
    )


class UnpaidTimeFact(_Partial):
    """Which activities around tasks the vendor leaves unpaid, and whether its rates count them."""

    missing: list[str] = Field(description="Inputs lacking; empty when decided.")
    unpaid: list[str] = Field(
        description="Activities around tasks the vendor says are unpaid (searching for work, "
        "reading instructions, short breaks)."
    )
    uncounted: list[str] = Field(
        description="Rates that count no unpaid time although an activity they cover is unpaid."
    )


class PilotTimingFact(_Partial):
    """Whether the project's pilot comes before its planned launch."""

    missing: list[str] = Field(description="Inputs lacking; empty when decided.")
    before_launch: bool | None = Field(
        None,
        description="Whether a pilot (completed or scheduled) comes before the planned launch; "
        "false when none is planned.",
    )
    text: str | None = Field(None, description="The comparison in words, for the finding.")


class EthicsTimingFact(_Partial):
    """When the ethics review's decision is dated, against the assessment date and the launch."""

    dated_in_future: bool = Field(
        description="The decision is dated after the assessment date: not yet made."
    )
    missing: list[str] = Field(
        default_factory=list, description="Inputs lacking (an approval's date); shown when any."
    )
    after_start: bool | None = Field(
        None,
        description="The decision is dated after the planned launch; not given for an approval "
        "without a date.",
    )
    text: str = Field(description="The comparison in words.")


class Facts(_Partial):
    """Every fact derived for one subject; a fact that does not apply is absent."""

    vendor_wage: WageFact | None = Field(None, description="Wage per vendor location.")
    project_wage: WageFact | None = Field(None, description="Wage per project location.")
    pricing: PricingFact | None = Field(None, description="Time estimate against the pilot.")
    languages: LanguagesFact | None = Field(None, description="Languages of the instructions.")
    price: PriceFact | None = Field(
        None, description="The buyer's price per worker-hour against what fair pay costs."
    )
    worker_risk: WorkerRiskFact | None = Field(
        None, description="Vulnerable groups and high-risk settings among the workers."
    )
    unpaid_time: UnpaidTimeFact | None = Field(
        None, description="Unpaid time around tasks, and whether the vendor's rates count it."
    )
    pilot_timing: PilotTimingFact | None = Field(
        None, description="Whether the pilot comes before the planned launch."
    )
    ethics_timing: EthicsTimingFact | None = Field(
        None, description="The ethics decision's date against the assessment date and launch."
    )


#: Any one fact.
Fact = (
    WageFact
    | PricingFact
    | LanguagesFact
    | PriceFact
    | WorkerRiskFact
    | UnpaidTimeFact
    | PilotTimingFact
    | EthicsTimingFact
)


def fact_keys() -> dict[str, frozenset[str]]:
    """The keys each fact can have (its model's fields), by fact name (the fields of Facts)."""
    keys: dict[str, frozenset[str]] = {}
    for name, info in Facts.model_fields.items():
        model = model_in(info.annotation)
        if model is None:
            raise TypeError(f"Facts.{name} is not a fact model")
        keys[name] = frozenset(field.alias or key for key, field in model.model_fields.items())
    return keys
