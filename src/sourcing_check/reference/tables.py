"""Living-wage benchmark and currency-rate tables: the models, each row with its provenance."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from sourcing_check.models.common import Country, Currency, NonNegative, Strict

BenchmarkPeriod = Literal["hour", "day", "week", "month", "year"]


class LivingWage(Strict):
    """One benchmark: a living wage for one geography, with its provenance."""

    id: str = Field(description="Unique slug of the entry.")
    country: Country = Field(description="ISO 3166-1 alpha-2 country code.")
    region: str | None = Field(None, description="State, region or city; null for national.")
    amount: NonNegative = Field(gt=0, description="Living wage for one worker per period.")
    currency: Currency = Field(description="ISO 4217 currency of the amount.")
    period: BenchmarkPeriod = Field(description="Period of the amount.")
    hours_per_period: NonNegative = Field(gt=0, description="Working hours the figure assumes.")
    hours_basis: str = Field(description="Where the hours figure comes from.")
    household_basis: str = Field(description="Household the figure supports.")
    gross_or_net: Literal["gross", "net"] = Field(description="Before or after income tax.")
    year: int = Field(description="Reference year of the figure.")
    publisher: str = Field(description="Who published it.")
    source_title: str = Field(description="Title of the publication.")
    source_url: str = Field(description="Where a reader can check it.")
    note: str | None = Field(None, description="Ranges and caveats.")

    @property
    def hourly(self) -> Decimal:
        """The benchmark per hour of work."""
        return self.amount / self.hours_per_period


class LivingWageTable(Strict):
    """A table of living-wage benchmarks, one row per geography."""

    kind: Literal["living-wage-table"]
    schema_version: Literal[1]
    title: str
    description: str | None = None
    entries: list[LivingWage]

    @model_validator(mode="after")
    def _unique(self) -> LivingWageTable:
        seen: set[tuple[str, str | None]] = set()
        for entry in self.entries:
            key = (entry.country, entry.region.casefold() if entry.region else None)
            if key in seen:
                raise ValueError(f"two entries for {entry.country} {entry.region or '(national)'}")
            seen.add(key)
        return self


class Rate(Strict):
    """A rate with its own provenance."""

    rate: NonNegative
    as_of: str
    source: str
    source_url: str


class RateTable(Strict):
    """Units of each currency per one unit of ``base``, from a cited source."""

    kind: Literal["currency-rates"]
    schema_version: Literal[1]
    base: Currency
    as_of: str
    source: str
    source_url: str
    note: str | None = None
    rates: dict[str, NonNegative | Rate]
