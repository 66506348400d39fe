"""The wage fact's models: each worker location's working against its living wage (or floor),
the benchmark and conversion it used, what it proves short, and the summary over locations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import ConfigDict, Field

from sourcing_check.models.common import Period
from sourcing_check.models.fact_base import Partial, Result
from sourcing_check.models.pay import PayModel


class WageStep(Result):
    """One step of the wage working, as a report shows it."""

    label: str = Field(description="What the step computes.")
    formula: str = Field(description="The arithmetic, in words and figures.")
    value: str = Field(description="The result, formatted with its unit.")


class BenchmarkInfo(Result):
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
    gross_or_net: str | None = Field(None, description="Before (gross) or after (net) income tax.")
    matched: str | None = Field(
        None, description="How the row was chosen when the location's region has none of its own."
    )
    indexed_to: int | None = Field(
        None, description="The year the figure was brought forward to by the price index."
    )
    index_factor: Decimal | None = Field(
        None, description="Consumer prices of indexed_to over those of the benchmark's year."
    )
    index_source: str | None = Field(None, description="The price index used.")
    indexed_amount_text: str | None = Field(
        None, description="The amount per period brought forward, formatted."
    )


class FloorInfo(Result):
    """The statutory minimum wage a location is held to when no living wage is known."""

    id: str = Field(description="Id of the row in the minimum-wage table.")
    amount_text: str = Field(description="The minimum wage per period, formatted.")
    hourly_text: str = Field(description="The minimum wage per hour, formatted.")
    year: int = Field(description="Year the rate applies to.")
    coverage: str = Field(description="Which workers the rate applies to.")
    publisher: str = Field(description="Who set it, and who reported it.")
    source_url: str = Field(description="Where a reader can check it.")


class Shortfall(Result):
    """Pay shown to be below a living wage or a statutory minimum, whatever else is unknown."""

    place: str = Field(description="The worker location.")
    against: Literal["living_wage", "minimum_wage"] = Field(description="What pay falls short of.")
    basis: Literal["computed", "before_unanswered_deductions", "observed_earnings"] = Field(
        description="computed: the full working; before_unanswered_deductions: pay before answers "
        "that could only lower it; observed_earnings: what workers were observed to earn."
    )
    ratio: Decimal = Field(description="Pay per hour over the benchmark per hour (below 1).")
    ratio_text: str = Field(description="The ratio as a percentage.")
    pay_hourly_text: str = Field(description="Pay per hour (at most, when answers are missing).")
    benchmark_hourly_text: str = Field(description="The living or minimum wage per hour.")
    rate_text: str = Field(description="The rate as stated.")
    required_rate_text: str | None = Field(
        description="The rate that would reach the benchmark (at least; null when pay is 0)."
    )
    unanswered: list[str] = Field(description="Missing answers that could only lower the pay.")
    text: str = Field(description="The shortfall in one sentence.")
    raise_text: str = Field(
        description="What pay must rise to, e.g. 'from USD 0.05 per task to at least USD 0.32 "
        "per task', with what the figure does not cover."
    )


class VendorBenchmarkInfo(Result):
    """The vendor's own living-wage figure for a location, where it is higher than ours."""

    hourly_text: str = Field(description="The vendor's figure per hour, in our currency.")
    source: str = Field(description="The vendor's benchmark, as it names it, and its year.")
    used: bool = Field(description="True when it replaced ours (prefer_higher_benchmark).")


class ObservedInfo(Result):
    """Observed earnings of a location beside its computed wage."""

    median_text: str = Field(description="Median effective pay per hour, formatted.")
    p25_text: str | None = Field(description="25th-percentile pay per hour, formatted.")
    judged: Literal["median", "p25"] = Field(description="The figure compared.")
    ratio_text: str | None = Field(
        description="The figure compared over the living wage or floor (null when no rate)."
    )
    source: str = Field(description="Who measured it, over which period.")


class OldestBenchmark(Result):
    """The location whose benchmark is oldest, after any indexing."""

    place: str = Field(description="The worker location.")
    year: int = Field(description="Reference year of the benchmark.")
    age: int = Field(description="Years from the figure used (indexed or not) to the assessment.")
    text: str = Field(description="The benchmark's year and indexing, in words.")


class ConversionInfo(Result):
    """The currency conversion from the pay to the benchmark, with its source."""

    model_config = ConfigDict(populate_by_name=True, defer_build=True)

    from_: str = Field(alias="from", description="Currency of the pay.")
    to: str = Field(description="Currency of the benchmark.")
    factor: Decimal = Field(description="Units of 'to' per unit of 'from'.")
    as_of: str = Field(description="Date of the rate.")
    source: str = Field(description="Who published the rate.")
    url: str = Field(description="Where the rate can be checked.")


class WageLine(Partial):
    """The effective hourly wage of one worker location against its living wage."""

    country: str = Field(description="ISO 3166-1 alpha-2 country code.")
    region: str | None = Field(description="Region, or null.")
    place: str = Field(description="Country and region, for display.")
    model: PayModel | None = Field(None, description="Pay model (absent when not known).")
    rate: str | None = Field(None, description="Gross pay rate, exact (absent when not known).")
    currency: str | None = Field(None, description="Currency of the rate.")
    period: Period | None = Field(None, description="What the rate is paid for.")
    rate_at: str | None = Field(
        None, description="Where the rate is answered: a JSON pointer in the subject."
    )
    missing: list[str] = Field(description="Inputs lacking to compute the wage; empty when done.")
    steps: list[WageStep] = Field(description="The working, step by step, as far as it got.")
    gross_hourly: Decimal | None = Field(None, description="Gross pay per hour of paid time.")
    fee_percent: Decimal | None = Field(None, description="Share of pay taken as fees, in %.")
    paid_fraction: Decimal | None = Field(None, description="Share of tasks paid.")
    unpaid_ratio: Decimal | None = Field(None, description="Unpaid time per unit of paid time.")
    effective_hourly: Decimal | None = Field(
        None,
        description="Effective pay per hour worked, in the benchmark's currency (the statutory "
        "minimum wage's when no living wage is known; absent when the pay is not known exactly).",
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
        None,
        description="Years from the benchmark's figure (its year, or the year it was brought "
        "forward to) to the assessment date.",
    )
    conversion: ConversionInfo | None = Field(None, description="The currency conversion.")
    floor: FloorInfo | None = Field(
        None, description="The statutory minimum wage used as a fail-only floor."
    )
    vendor_benchmark: VendorBenchmarkInfo | None = Field(
        None, description="The vendor's figure, when higher than ours."
    )
    observed: ObservedInfo | None = Field(None, description="Observed earnings, if given.")
    shortfall: Shortfall | None = Field(
        None, description="Pay shown to be below the living wage or the floor."
    )
    caveats: list[str] = Field(
        default_factory=list, description="Why a pass here could not be confirmed."
    )
    answers_read: dict[str, Any] | None = Field(
        None,
        description="The answers the working read, by JSON pointer in the subject, as plain "
        "JSON as a finding quotes them: a number as a JSON number, a section such as "
        "contracted_hours as an object of the fields given, null when read and not answered "
        "(a plan's own fee before its vendor's is taken). Absent in assessments written "
        "before it was recorded.",
    )


class WageFact(Partial):
    """The wage per location of a vendor or project, and the lowest against its living wage."""

    locations: list[WageLine] = Field(description="One line per worker location.")
    missing: list[str] = Field(description="Everything lacking, per location.")
    lowest_ratio: Decimal | None = Field(
        None, description="The lowest ratio of the computed locations (absent when none)."
    )
    lowest: WageLine | None = Field(None, description="The location with the lowest ratio.")
    max_benchmark_age_years: int | None = Field(
        None, description="The age of the oldest benchmark of any location, after indexing."
    )
    oldest_benchmark: OldestBenchmark | None = Field(
        None, description="The location with the oldest benchmark."
    )
    shortfalls: list[Shortfall] = Field(
        default_factory=list,
        description="Locations whose pay is shown to be below the living wage or the floor.",
    )
    worst_shortfall: Shortfall | None = Field(None, description="The lowest of the shortfalls.")
    caveats: list[str] = Field(
        default_factory=list,
        description="Why a pass could not be confirmed (stale benchmark or rate, gross vs net).",
    )
    missing_for: dict[str, list[str]] = Field(
        default_factory=dict,
        description="For keys that need less than the whole working (the benchmark age), "
        "what they lack; other keys lack 'missing'.",
    )
