"""Derived facts as frozen result models: the wage per location with its working, and the rest.

A fact that could not be computed in full keeps only the fields it got to (say a wage line
without a benchmark: place, pay, what is missing and the steps so far). Such models serialize
exactly the fields that were set, in field order, so the JSON shows what is known and no more.
Money is exact: Decimal values, written as strings in JSON.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from sourcing_check.models.common import PayModel, Period
from sourcing_check.models.introspect import model_in


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Partial(_Result):
    """A result whose unset fields are left out when serialized (it declares no aliases)."""

    @model_serializer(mode="wrap")
    def _set_fields_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        given = self.model_fields_set
        return {key: value for key, value in data.items() if key in given}


class WageStep(_Result):
    """One step of the wage working, as a report shows it."""

    label: str = Field(description="What the step computes.")
    formula: str = Field(description="The arithmetic, in words and figures.")
    value: str = Field(description="The result, formatted with its unit.")


class BenchmarkInfo(_Result):
    """The living-wage benchmark a location is compared with, and where it comes from."""

    id: str = Field(description="Id of the benchmark in the living-wage table.")
    amount_text: str = Field(description="The amount per period, formatted.")
    amount: str = Field(description="The amount per period, exact.")
    currency: str = Field(description="ISO 4217 currency of the amount.")
    period: Period = Field(description="Period of the amount.")
    hours_per_period: str = Field(description="Working hours the amount assumes, exact.")
    year: int = Field(description="Reference year of the figure.")
    publisher: str = Field(description="Who published it.")
    source_title: str = Field(description="Title of the publication.")
    source_url: str = Field(description="Where a reader can check it.")
    household_basis: str = Field(description="Household the figure supports.")
    region: str | None = Field(description="Region of the benchmark; null when national.")


class ConversionInfo(_Result):
    """The currency conversion from the pay to the benchmark, with its source."""

    model_config = ConfigDict(populate_by_name=True)

    from_: str = Field(alias="from", description="Currency of the pay.")
    to: str = Field(description="Currency of the benchmark.")
    factor: Decimal = Field(description="Units of 'to' per unit of 'from'.")
    as_of: str = Field(description="Date of the rate.")
    source: str = Field(description="Who published the rate.")
    url: str = Field(description="Where the rate can be checked.")

    @model_serializer(mode="wrap")
    def _keyword_key(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {("from" if key == "from_" else key): value for key, value in data.items()}


class WageLine(_Partial):
    """The effective hourly wage of one worker location against its living wage."""

    country: str = Field(description="ISO 3166-1 alpha-2 country code.")
    region: str | None = Field(description="Region, or null.")
    place: str = Field(description="Country and region, for display.")
    model: PayModel | None = Field(None, description="Pay model (absent when not known).")
    rate: str | None = Field(None, description="Gross pay rate, exact (absent when not known).")
    currency: str | None = Field(None, description="Currency of the rate.")
    period: Period | None = Field(None, description="What the rate is paid for.")
    missing: list[str] = Field(description="Inputs lacking to compute the wage; empty when done.")
    steps: list[WageStep] = Field(description="The working, step by step, as far as it got.")
    gross_hourly: Decimal | None = Field(None, description="Gross pay per hour of paid time.")
    fee_percent: Decimal | None = Field(None, description="Share of pay taken as fees, in %.")
    paid_fraction: Decimal | None = Field(None, description="Share of tasks paid.")
    unpaid_ratio: Decimal | None = Field(None, description="Unpaid time per unit of paid time.")
    effective_hourly: Decimal | None = Field(
        None, description="Effective pay per hour worked, in the benchmark's currency."
    )
    effective_hourly_text: str | None = Field(None, description="The same, formatted.")
    living_wage_hourly: Decimal | None = Field(None, description="Living wage per hour.")
    living_wage_hourly_text: str | None = Field(None, description="The same, formatted.")
    ratio: Decimal | None = Field(
        None, description="Effective pay / living wage (absent when not computed)."
    )
    ratio_text: str | None = Field(None, description="The ratio as a percentage.")
    required_rate: Decimal | None = Field(
        None, description="The rate at which the ratio is exactly 1 (null when pay is 0)."
    )
    rate_text: str | None = Field(None, description="The rate as stated, formatted.")
    required_rate_text: str | None = Field(None, description="The required rate, rounded up.")
    benchmark: BenchmarkInfo | None = Field(None, description="The living-wage benchmark.")
    benchmark_age_years: int | None = Field(
        None, description="Years from the benchmark's year to the assessment date."
    )
    conversion: ConversionInfo | None = Field(None, description="The currency conversion.")


class WageFact(_Partial):
    """The wage per location of a vendor or project, and the lowest against its living wage."""

    locations: list[WageLine] = Field(description="One line per worker location.")
    missing: list[str] = Field(description="Everything lacking, per location.")
    lowest_ratio: Decimal | None = Field(
        None, description="The lowest ratio of the computed locations (absent when none)."
    )
    lowest: WageLine | None = Field(None, description="The location with the lowest ratio.")
    max_benchmark_age_years: int | None = Field(
        None, description="The age of the oldest benchmark used."
    )


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
    locations: list[PriceLine] = Field(description="One line per worker location of the plan.")
    lowest_ratio: Decimal | None = Field(
        None, description="The lowest ratio of the computed locations (absent when none)."
    )
    lowest: PriceLine | None = Field(None, description="The location with the lowest ratio.")


class WorkerRiskFact(_Partial):
    """Whether a project's workers are vulnerable: a declared group, or a high-risk setting."""

    missing: list[str] = Field(description="Inputs lacking; empty when decided.")
    groups: list[str] = Field(
        description="Vulnerable groups declared by the plan or its vendor's questionnaire."
    )
    high_risk_places: list[str] = Field(
        description="Worker locations (of the plan or the vendor) in a high-risk setting."
    )
    vulnerable: bool | None = Field(
        None, description="Whether the requirements for vulnerable workers apply."
    )


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


#: Any one fact.
Fact = WageFact | PricingFact | LanguagesFact | PriceFact | WorkerRiskFact


def fact_keys() -> dict[str, frozenset[str]]:
    """The keys each fact can have (its model's fields), by fact name (the fields of Facts)."""
    keys: dict[str, frozenset[str]] = {}
    for name, info in Facts.model_fields.items():
        model = model_in(info.annotation)
        if model is None:
            raise TypeError(f"Facts.{name} is not a fact model")
        keys[name] = frozenset(field.alias or key for key, field in model.model_fields.items())
    return keys
