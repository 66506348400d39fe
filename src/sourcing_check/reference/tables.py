"""Reference tables (living wages, minimum wages, currency rates): the models (the price index
is in ``price_index``).

Every row carries its provenance. The validators here are the table lint: a row without a
source URL, a year, a household basis or an hours basis is refused, and so is a blank one.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from sourcing_check.models.common import (
    Country,
    Currency,
    Hours,
    IsoDate,
    Positive,
    Strict,
)

BenchmarkPeriod = Literal["hour", "day", "week", "month", "year"]

#: The most hours one period holds (a 31-day month, a leap year).
_HOURS_IN = {"day": 24, "week": 168, "month": 744, "year": 8784}


def _hours_fit(period: str, hours: Decimal) -> None:
    """Refuse hours per period that the period cannot hold: the amount would be misread."""
    shown = f"{hours.normalize():f}"
    if period == "hour" and hours != 1:
        raise ValueError(
            f"an amount per hour is for 1 hour, but hours_per_period is {shown}: "
            "write 1, or give the period the amount is for (month, week, ...)"
        )
    most = _HOURS_IN.get(period)
    if most is not None and hours > most:
        held = (
            f"a {period} has {most} hours"
            if period in ("day", "week")
            else (f"a {period} has at most {most} hours")
        )
        raise ValueError(
            f"hours_per_period {shown} cannot be worked in one {period} ({held}): "
            "give the hours of one period, or the period the hours are for"
        )


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def _web_address(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise ValueError("must be a web address starting with https:// or http://")
    return value


#: A required text that says something (not empty, not only spaces).
Text = Annotated[str, AfterValidator(_not_blank)]
#: Where a reader can check a figure.
Url = Annotated[str, AfterValidator(_web_address)]
#: A reference year of a figure.
Year = Annotated[int, Field(ge=1900, le=2100)]


class LivingWage(Strict):
    """One benchmark: a living wage for one geography, with its provenance."""

    id: str = Field(description="Unique slug of the entry.")
    country: Country = Field(description="ISO 3166-1 alpha-2 country code.")
    region: str | None = Field(None, description="State, region or city; null for national.")
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other names of the region that match it (e.g. NCR for Metro Manila).",
    )
    amount: Positive = Field(description="Living wage for one worker per period.")
    currency: Currency = Field(description="ISO 4217 currency of the amount.")
    period: BenchmarkPeriod = Field(description="Period of the amount.")
    hours_per_period: Hours = Field(description="Working hours the figure assumes.")
    hours_basis: Text = Field(description="Where the hours figure comes from.")
    household_basis: Text = Field(description="Household the figure supports.")
    derivation: str | None = Field(
        None,
        description=(
            "How the per-worker amount was derived from the published figure, e.g. a family "
            "need divided by the source's earners per household; null when quoted as published."
        ),
    )
    gross_or_net: Literal["gross", "net"] = Field(description="Before or after income tax.")
    year: Year = Field(description="Reference year of the figure.")
    publisher: Text = Field(description="Who published it.")
    source_title: Text = Field(description="Title of the publication.")
    source_url: Url = Field(description="Where a reader can check it.")
    note: str | None = Field(None, description="Ranges and caveats.")

    @model_validator(mode="after")
    def _hours(self) -> LivingWage:
        _hours_fit(self.period, self.hours_per_period)
        return self

    @property
    def hourly(self) -> Decimal:
        """The benchmark per hour of work."""
        return self.amount / self.hours_per_period


class NoneFound(Strict):
    """A geography for which no usable figure was found: said, not silently omitted."""

    country: Country = Field(description="ISO 3166-1 alpha-2 country code.")
    region: str | None = Field(None, description="State, region or city; null for national.")
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other names of the region that match it (e.g. NCR for Metro Manila).",
    )
    looked: Text = Field(description="Where we looked (sources, searches, reports).")
    note: str | None = Field(None, description="What was found instead, and why it is not used.")


class LivingWageTable(Strict):
    """A table of living-wage benchmarks, one row per geography."""

    kind: Literal["living-wage-table"]
    schema_version: Literal[1]
    title: str
    description: str | None = None
    entries: list[LivingWage]
    none_found: list[NoneFound] = Field(
        default_factory=list, description="Geographies with no living-wage figure, and why."
    )

    @model_validator(mode="after")
    def _unique(self) -> LivingWageTable:
        _unique_rows(self.entries)
        return self


class Rate(Strict):
    """A rate with its own provenance and date."""

    rate: Positive
    as_of: IsoDate = Field(description="The day the rate is for (YYYY-MM-DD).")
    source: Text
    source_url: Url


class RateTable(Strict):
    """Units of each currency per one unit of ``base``, from a cited source."""

    kind: Literal["currency-rates"]
    schema_version: Literal[1]
    base: Currency
    as_of: IsoDate = Field(description="The day of the rates given as bare numbers.")
    source: Text
    source_url: Url
    note: str | None = None
    rates: dict[Currency, Rate] = Field(
        description="Units of each currency per one base unit: a number (of the table's date "
        "and source) or a rate with its own."
    )

    @field_validator("rates", mode="before")
    @classmethod
    def _written_out(cls, rates: Any, info: ValidationInfo) -> Any:
        """A bare number is a rate of the table's own date and source: written out here, so
        that it keeps them when merged into a table of another date."""
        if not isinstance(rates, dict):
            return rates
        table = {
            key: info.data[key] for key in ("as_of", "source", "source_url") if key in info.data
        }
        return {
            code: value if isinstance(value, dict | Rate) else {"rate": value, **table}
            for code, value in rates.items()
        }

    @model_validator(mode="after")
    def _base_is_one(self) -> RateTable:
        given = self.rates.get(self.base)
        if given is not None and given.rate != 1:
            raise ValueError(f"{self.base} is the base: its rate is 1, or leave it out")
        return self


class MinimumWage(Strict):
    """A statutory minimum wage: a floor that can prove a fail, never a living wage."""

    id: Text = Field(description="Unique slug of the entry.")
    country: Country = Field(description="ISO 3166-1 alpha-2 country code.")
    region: str | None = Field(None, description="State, region or city; null for national.")
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other names of the region that match it (e.g. NCR for Metro Manila).",
    )
    coverage: Text = Field(description="Which workers, sectors or grades the rate applies to.")
    binds_all: bool = Field(
        True,
        description="False when the rate binds only some employers of the place (e.g. India's "
        "central-sphere rate; each state sets its own): shown, but never used to show a "
        "shortfall.",
    )
    amount: Positive = Field(description="The minimum wage per period.")
    currency: Currency = Field(description="ISO 4217 currency of the amount.")
    period: BenchmarkPeriod = Field(description="Period of the amount.")
    hours_per_period: Hours = Field(description="Working hours the amount is for.")
    hours_basis: Text = Field(description="Where the hours figure comes from.")
    effective_date: IsoDate | None = Field(None, description="Date the rate took effect.")
    year: Year = Field(description="Year the rate applies to.")
    publisher: Text = Field(description="Who set it, and who reported it if quoted second-hand.")
    source_title: Text = Field(description="Title of the publication.")
    source_url: Url = Field(description="Where a reader can check it.")
    note: str | None = Field(None, description="Caveats: other grades, regions, later changes.")

    @model_validator(mode="after")
    def _hours(self) -> MinimumWage:
        _hours_fit(self.period, self.hours_per_period)
        return self

    @property
    def hourly(self) -> Decimal:
        """The minimum wage per hour of work."""
        return self.amount / self.hours_per_period


class MinimumWageTable(Strict):
    """A table of statutory minimum wages, one row per geography."""

    kind: Literal["minimum-wage-table"]
    schema_version: Literal[1]
    title: str
    description: str | None = None
    entries: list[MinimumWage]
    none_found: list[NoneFound] = Field(
        default_factory=list, description="Countries with no statutory minimum wage found."
    )

    @model_validator(mode="after")
    def _unique(self) -> MinimumWageTable:
        _unique_rows(self.entries)
        return self


def _unique_rows(entries: Sequence[LivingWage | MinimumWage]) -> None:
    """Refuse two rows with one id, or two rows for one geography (a region or its alias),
    located at the second row ("at", read by the loader) and naming the first."""
    ids: dict[str, int] = {}
    seen: dict[tuple[str, str | None], int] = {}
    for index, entry in enumerate(entries):
        names = [entry.region, *entry.aliases] if entry.region else [None]
        keys = {(entry.country, name.casefold() if name else None) for name in names}
        first = ids.get(entry.id, min((seen[key] for key in keys if key in seen), default=None))
        if first is not None:
            what = (
                f"with id {entry.id!r}"
                if entry.id in ids
                else f"for {entry.country} {entry.region or '(national)'}"
            )
            message = (
                f"two entries {what}: this one and {entries[first].id!r}; keep one, or give "
                "this one its own id and place"
            )
            raise PydanticCustomError("row_twice", message, {"at": f"/entries/{index}"})
        ids[entry.id] = index
        seen |= dict.fromkeys(keys, index)
