"""Look up a location's living-wage benchmark and convert currencies, with provenance."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sourcing_check.reference.tables import LivingWage, LivingWageTable, Rate, RateTable


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
