"""Living-wage benchmarks and currency rates: tables with provenance, lookup and conversion."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from sourcing_check.errors import InputError
from sourcing_check.inputs import validate_as
from sourcing_check.loading import Document, read_csv_rows, read_document
from sourcing_check.models.common import Country, Currency, NonNegative, Strict
from sourcing_check.resources import display_path

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


@dataclass(frozen=True)
class Conversion:
    """A conversion between currencies with the rates and their provenance."""

    source: str
    target: str
    factor: Decimal
    as_of: str
    citation: str
    url: str


@dataclass(frozen=True)
class Reference:
    """The reference data of one run, with the hashes of the files it came from."""

    living_wages: LivingWageTable
    rates: RateTable
    files: tuple[tuple[str, str], ...]  # (name, sha256)

    def benchmark(self, country: str, region: str | None) -> LivingWage | None:
        """Return the regional benchmark where one matches, else the national one."""
        national = None
        for entry in self.living_wages.entries:
            if entry.country != country:
                continue
            if region and entry.region and entry.region.casefold() == region.casefold():
                return entry
            if entry.region is None:
                national = entry
        return national

    def convert(self, source: str, target: str) -> Conversion | None:
        """Return the factor that turns ``source`` amounts into ``target``, if both are known."""
        table = self.rates
        if source == target:
            return Conversion(source, target, Decimal(1), table.as_of, "same currency", "")
        rates = {table.base: Decimal(1)}
        cited = {table.base: (table.as_of, table.source, table.source_url)}
        for code, value in table.rates.items():
            if isinstance(value, Rate):
                rates[code] = value.rate
                cited[code] = (value.as_of, value.source, value.source_url)
            else:
                rates[code] = value
                cited[code] = (table.as_of, table.source, table.source_url)
        if source not in rates or target not in rates or not rates[source]:
            return None
        as_of, citation, url = cited[target] if target != table.base else cited[source]
        return Conversion(source, target, rates[target] / rates[source], as_of, citation, url)


def _csv_table(path: Path) -> Document:
    """A living-wage table kept as CSV (one row per geography, a column per field)."""
    rows = read_csv_rows(path)
    positions = {"": (1, 1), **{f"/entries{p}": at for p, at in rows.positions.items() if p}}
    data = {
        "kind": "living-wage-table",
        "schema_version": 1,
        "title": path.name,
        "entries": rows.data,
    }
    return Document(rows.path, rows.name, data, positions, rows.sha256)


def load_reference(living_wages: Path, rates: Path) -> Reference:
    """Load both tables; raise InputError with located problems."""
    problems = []
    loaded: list[BaseModel] = []
    files = []
    for path, model in ((living_wages, LivingWageTable), (rates, RateTable)):
        try:
            document = (
                _csv_table(path)
                if model is LivingWageTable and path.suffix.lower() == ".csv"
                else read_document(path)
            )
            loaded.append(validate_as(document, model))
            files.append((display_path(path), document.sha256))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    table, rate_table = loaded
    assert isinstance(table, LivingWageTable) and isinstance(rate_table, RateTable)
    return Reference(table, rate_table, tuple(files))
