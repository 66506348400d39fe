"""Look up a location's benchmark, floor and price index; convert currencies, with provenance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar, cast

from sourcing_check.reference.price_index import PriceIndexTable, PriceSeries
from sourcing_check.reference.tables import (
    LivingWage,
    LivingWageTable,
    MinimumWage,
    MinimumWageTable,
    NoneFound,
    RateTable,
)

T = TypeVar("T")

#: The most results a run's ``Reference.memo`` keeps; it starts again empty when full.
MEMO_SIZE = 4096


@dataclass(frozen=True)
class Conversion:
    """A conversion between currencies with the rates and their provenance."""

    source: str
    target: str
    factor: Decimal
    as_of: str
    citation: str
    url: str
    #: The older of the two rates' dates (None for a currency converted to itself).
    dated: dt.date | None = None


@dataclass(frozen=True)
class Match:
    """The row a location is compared with, and how it was chosen."""

    entry: LivingWage | MinimumWage | None
    #: Set when the location's region has no row of its own and the national row stands in,
    #: or when nothing matches: says which regions the table knows for the country.
    note: str | None = None


def _names(row: LivingWage | MinimumWage | NoneFound) -> set[str]:
    """The region's name and declared aliases, case-folded."""
    names = {row.region.casefold()} if row.region else set()
    return names | {alias.casefold() for alias in row.aliases}


def _match(
    rows: Sequence[LivingWage | MinimumWage],
    gaps: Sequence[NoneFound],
    country: str,
    region: str | None,
) -> Match:
    """The regional row (by name or alias), else the national one, labelled when it stands in."""
    national = None
    regions: list[str] = []
    for row in rows:
        if row.country != country:
            continue
        if row.region is None:
            national = row
            continue
        regions.append(row.region)
        if region and region.casefold() in _names(row):
            return Match(row)
    known = f"regions with a row for {country}: {', '.join(regions)}" if regions else ""
    if not region:
        return Match(national, None if national else known or None)
    gap = next((g for g in gaps if g.country == country and region.casefold() in _names(g)), None)
    said = (
        f"no figure for {gap.region} (none found)"
        if gap is not None and gap.region
        else f"no row for region {region!r}"
    )
    if national is None:
        return Match(None, "; ".join(part for part in (said, known) if part))
    return Match(national, f"{said}: the national row is used" + (f" ({known})" if known else ""))


@dataclass(frozen=True)
class Reference:
    """The reference data of one run, with the hashes of the files it came from."""

    living_wages: LivingWageTable
    rates: RateTable
    files: tuple[tuple[str, str], ...]  # (name, sha256)
    minimum_wages: MinimumWageTable | None = None
    price_index: PriceIndexTable | None = None
    #: Results worked out from these tables, by what else they depend on (see ``memo``).
    _memo: dict[Hashable, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, worked out once for these tables and kept by ``key``: a run assesses
        every subject against the same tables. ``key`` names the computation and every other
        input it depends on (its arguments, the date, the parameters it reads), with values of
        the type it always gets them in; the result must be immutable, as it is shared. Kept
        for at most ``MEMO_SIZE`` keys; a forked worker process goes on with its own copy."""
        try:
            return cast(T, self._memo[key])
        except KeyError:
            pass
        value = make()
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = value
        return value

    def benchmark(self, country: str, region: str | None) -> LivingWage | None:
        """Return the regional benchmark where one matches, else the national one."""
        entry = self.living_wage(country, region).entry
        return entry if isinstance(entry, LivingWage) else None

    def living_wage(self, country: str, region: str | None) -> Match:
        """The living-wage row of a location, and how it was chosen."""
        table = self.living_wages
        return _match(table.entries, table.none_found, country, region)

    def minimum_wage(self, country: str, region: str | None) -> Match:
        """The statutory minimum wage of a location (a floor), and how it was chosen."""
        table = self.minimum_wages
        if table is None:
            return Match(None)
        return _match(table.entries, table.none_found, country, region)

    def price_series(self, country: str) -> PriceSeries | None:
        """The consumer-price series of a country, if the run has one."""
        return self.price_index.for_country(country) if self.price_index else None

    def convert(self, source: str, target: str) -> Conversion | None:
        """Return the factor that turns ``source`` amounts into ``target``, if both are known."""
        return self.memo(("convert", source, target), lambda: self._convert(source, target))

    def _convert(self, source: str, target: str) -> Conversion | None:
        table = self.rates
        if source == target:
            return Conversion(source, target, Decimal(1), str(table.as_of), "same currency", "")
        # the base currency is 1 per 1 on any day: only the other rate's date counts
        given = {code: rate for code, rate in table.rates.items() if code != table.base}
        if any(code != table.base and code not in given for code in (source, target)):
            return None
        ends = (given.get(source), given.get(target))
        factor = (ends[1].rate if ends[1] else Decimal(1)) / (ends[0].rate if ends[0] else 1)
        cited = ends[1] or ends[0]
        if cited is None:  # not reached: source != target, so one of them is not the base
            return None
        dated = min(rate.as_of for rate in ends if rate is not None)
        # a citation is quoted inside other sentences: its own closing full stop is dropped
        citation = cited.source.rstrip(".")
        return Conversion(
            source, target, factor, str(cited.as_of), citation, cited.source_url, dated
        )
