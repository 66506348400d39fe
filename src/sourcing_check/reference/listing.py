"""The reference tables as rows: a short summary to read, and every field for a CSV export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sourcing_check.reference.lookup import Reference
from sourcing_check.reference.price_index import PriceSeries
from sourcing_check.reference.tables import LivingWage, MinimumWage, NoneFound

#: The tables, by the name the command line uses.
TABLES = ("living-wages", "minimum-wages", "rates", "price-index")

Rows = tuple[list[str], list[list[str]]]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _place(row: LivingWage | MinimumWage | NoneFound) -> str:
    place = row.country + (f" ({row.region})" if row.region else "")
    return place + (f" aka {', '.join(row.aliases)}" if row.aliases else "")


def _rows_of(reference: Reference, table: str) -> list[LivingWage] | list[MinimumWage]:
    if table == "living-wages":
        return reference.living_wages.entries
    return reference.minimum_wages.entries if reference.minimum_wages else []


def _gaps_of(reference: Reference, table: str) -> list[NoneFound]:
    if table == "living-wages":
        return reference.living_wages.none_found
    return reference.minimum_wages.none_found if reference.minimum_wages else []


def _currencies(reference: Reference, country: str) -> set[str]:
    """The currencies the benchmarks and floors of a country are in."""
    rows = [*_rows_of(reference, "living-wages"), *_rows_of(reference, "minimum-wages")]
    return {row.currency for row in rows if row.country == country}


def _rates(reference: Reference, country: str | None) -> list[tuple[str, Decimal, str, str, str]]:
    """(currency, units per base, date, source, url) of every rate, or of a country's."""
    table = reference.rates
    wanted = _currencies(reference, country) if country else None
    found = []
    for code, value in sorted(table.rates.items()):
        if wanted is not None and code not in wanted:
            continue
        found.append((code, value.rate, str(value.as_of), value.source, value.source_url))
    return found


def summary(reference: Reference, table: str, country: str | None = None) -> Rows:
    """The headers and rows of a table to read at a terminal, a country's only if given."""
    if table in ("living-wages", "minimum-wages"):
        rows = [
            [
                row.id,
                _place(row),
                f"{row.currency} {_text(row.amount)} per {row.period}",
                _text(row.hours_per_period),
                str(row.year),
                getattr(row, "gross_or_net", ""),
            ]
            for row in _rows_of(reference, table)
            if country is None or row.country == country
        ]
        rows += [
            [
                "(none found)",
                _place(gap),
                "",
                "",
                "",
                "",
            ]
            for gap in _gaps_of(reference, table)
            if country is None or gap.country == country
        ]
        return ["id", "place", "amount", "hours", "year", "basis"], rows
    if table == "rates":
        base = reference.rates.base
        return ["currency", f"per {base}", "as of"], [
            [code, _text(rate), as_of] for code, rate, as_of, _, _ in _rates(reference, country)
        ]
    series = reference.price_index.series if reference.price_index else []
    return ["country", "years", "latest (%)", "publisher"], [
        [
            s.country,
            f"{s.values[0].year}-{s.values[-1].year}",
            f"{s.values[-1].year}: {_text(s.values[-1].value)}",
            _publisher(s),
        ]
        for s in series
        if country is None or s.country == country
    ]


def export(reference: Reference, table: str, country: str | None = None) -> str:
    """Every field of a table as CSV (a living-wage export loads back with the CSV reader)."""
    if table in ("living-wages", "minimum-wages"):
        model = LivingWage if table == "living-wages" else MinimumWage
        header = list(model.model_fields)
        rows: Iterable[list[str]] = (
            [_text(getattr(row, name)) for name in header]
            for row in _rows_of(reference, table)
            if country is None or row.country == country
        )
    elif table == "rates":
        header = ["currency", "rate", "base", "as_of", "source", "source_url"]
        base = reference.rates.base
        rows = (
            [code, _text(rate), base, as_of, source, url]
            for code, rate, as_of, source, url in _rates(reference, country)
        )
    else:
        header = ["country", "year", "value", "projection", "publisher", "indicator"]
        header += ["source_url", "note"]
        rows = _price_rows(reference, country)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _price_rows(reference: Reference, country: str | None) -> Iterable[list[str]]:
    """One CSV row per year of each series, cited by the year's own source where it has one."""
    for s in reference.price_index.series if reference.price_index else []:
        if country is not None and s.country != country:
            continue
        for p in s.values:
            publisher, url = (
                (p.publisher, p.source_url or "") if p.publisher else (s.publisher, s.source_url)
            )
            value = [s.country, str(p.year), _text(p.value), str(p.projection).lower()]
            yield [*value, publisher, "" if p.publisher else s.indicator, url, p.note or ""]


def _publisher(series: PriceSeries) -> str:
    """The series' publisher, and the years whose figure comes from another source."""
    own = [str(point.year) for point in series.values if point.publisher]
    return series.publisher + (f" (other sources: {', '.join(own)})" if own else "")
