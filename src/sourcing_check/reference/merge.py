"""Merge a table given by the user into another of its kind: its rows add to and override them.

A row replaces the row with the same id, or the row for the same geography (country and region,
or an alias of it); a currency's rate replaces the rate of that currency; a country's price
series replaces that country's series. A geography listed under ``none_found`` is dropped from
that list once a row covers it. Merging never reads a file; it raises ValueError when the tables
cannot be merged (rates against another base currency).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sourcing_check.reference.price_index import PriceIndexTable
from sourcing_check.reference.tables import (
    LivingWage,
    LivingWageTable,
    MinimumWage,
    MinimumWageTable,
    NoneFound,
    RateTable,
)

Row = TypeVar("Row", LivingWage, MinimumWage)


def _places(row: LivingWage | MinimumWage | NoneFound) -> set[tuple[str, str | None]]:
    """The geographies a row stands for: its region and aliases, or the whole country."""
    if row.region is None:
        return {(row.country, None)}
    names = [row.region, *row.aliases]
    return {(row.country, name.casefold()) for name in names}


class RowClash(ValueError):
    """An added row that would replace two rows at once; ``at`` points at it in its file."""

    def __init__(self, message: str, at: str) -> None:
        super().__init__(message)
        self.at = at


def _one_each(base: Sequence[Row], added: Sequence[Row]) -> None:
    """Refuse an added row that matches two base rows (one by id, another by place): it
    would silently remove one of them."""
    for index, new in enumerate(added):
        hits = [row for row in base if new.id == row.id or _places(new) & _places(row)]
        if len(hits) > 1:
            names = " and ".join(repr(row.id) for row in hits)
            raise RowClash(
                f"row {new.id!r} would replace {len(hits)} rows at once, {names} (by id "
                "or by place): give it its own id, or the place of the row it replaces",
                f"/entries/{index}",
            )


def _rows(base: Sequence[Row], added: Sequence[Row]) -> list[Row]:
    """The base rows, each replaced by an added row with its id or geography, then the rest."""
    _one_each(base, added)
    merged: list[Row] = []
    used: set[int] = set()
    for row in base:
        index = next(
            (i for i, new in enumerate(added) if new.id == row.id or _places(new) & _places(row)),
            None,
        )
        if index is None:
            merged.append(row)
        elif index not in used:
            merged.append(added[index])
            used.add(index)
    merged.extend(new for i, new in enumerate(added) if i not in used)
    return merged


def _gaps(gaps: Sequence[NoneFound], rows: Sequence[LivingWage | MinimumWage]) -> list[NoneFound]:
    """The 'none found' entries that no row covers now, without repeats."""
    covered = set().union(*(_places(row) for row in rows)) if rows else set()
    kept: list[NoneFound] = []
    for gap in gaps:
        if not _places(gap) & covered:
            kept.append(gap)
            covered |= _places(gap)
    return kept


def living_wages(base: LivingWageTable, added: LivingWageTable) -> LivingWageTable:
    """``base`` with the rows of ``added`` added and overriding; revalidated."""
    entries = _rows(base.entries, added.entries)
    gaps = _gaps([*added.none_found, *base.none_found], entries)
    return LivingWageTable.model_validate({**dict(base), "entries": entries, "none_found": gaps})


def minimum_wages(base: MinimumWageTable, added: MinimumWageTable) -> MinimumWageTable:
    """``base`` with the floors of ``added`` added and overriding; revalidated."""
    entries = _rows(base.entries, added.entries)
    gaps = _gaps([*added.none_found, *base.none_found], entries)
    return MinimumWageTable.model_validate({**dict(base), "entries": entries, "none_found": gaps})


def rates(base: RateTable, added: RateTable) -> RateTable:
    """``base`` with the rates of ``added`` added and overriding (both per one base currency)."""
    if added.base != base.base:
        raise ValueError(
            f"its rates are per {added.base}, those it adds to per {base.base}: "
            "give rates per the same currency, or use the table alone"
        )
    return base.model_copy(update={"rates": {**base.rates, **added.rates}})


def price_index(base: PriceIndexTable, added: PriceIndexTable) -> PriceIndexTable:
    """``base`` with each country series of ``added`` replacing that country's."""
    given = {series.country for series in added.series}
    series = [s for s in base.series if s.country not in given] + list(added.series)
    gaps = [gap for gap in base.not_available if gap.country not in given]
    return base.model_copy(
        update={"series": series, "not_available": [*added.not_available, *gaps]}
    )
