"""Load the reference tables (living wages as YAML or CSV, rates, minimum wages, price index)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.csv_reader import read_csv_rows
from sourcing_check.load.documents import read_document
from sourcing_check.load.validation import INPUT_CODES, validate_as
from sourcing_check.models.document import Document
from sourcing_check.reference import merge
from sourcing_check.reference.lookup import Reference
from sourcing_check.reference.price_index import PriceIndexTable
from sourcing_check.reference.tables import (
    LivingWageTable,
    MinimumWageTable,
    RateTable,
)
from sourcing_check.resources import display_path


def _csv_table(path: Path) -> Document:
    """A living-wage table kept as CSV (one row per geography, a column per field)."""
    rows = read_csv_rows(path)
    for row in rows.data:
        if isinstance(row.get("aliases"), str):  # a list in one cell: "NCR; Metro Manila"
            row["aliases"] = [name.strip() for name in row["aliases"].split(";") if name.strip()]
    positions = {"": (1, 1), **{f"/entries{p}": at for p, at in rows.positions.items() if p}}
    data = {
        "kind": "living-wage-table",
        "schema_version": 1,
        "title": path.name,
        "entries": rows.data,
    }
    return Document(rows.path, rows.name, data, positions, rows.sha256)


@dataclass(frozen=True)
class TableFiles:
    """The files of each reference table, in order: the first is the base, each later one adds
    rows to it and overrides its rows (by id or geography; rates by currency; series by
    country). No file for the floors or the price index means none is used."""

    living_wages: tuple[Path, ...]
    rates: tuple[Path, ...]
    minimum_wages: tuple[Path, ...] = ()
    price_index: tuple[Path, ...] = ()


#: Per table: the model of one file and how a later file merges into the table so far.
_KINDS: dict[str, tuple[type[Any], Callable[[Any, Any], Any]]] = {
    "living_wages": (LivingWageTable, merge.living_wages),
    "rates": (RateTable, merge.rates),
    "minimum_wages": (MinimumWageTable, merge.minimum_wages),
    "price_index": (PriceIndexTable, merge.price_index),
}


def _not_csv(path: Path, name: str) -> Problem:
    """A CSV file given for a table that is read from YAML or JSON only."""
    option = "--" + name.replace("_", "-")
    message = (
        f"{option} reads a YAML or JSON table, not CSV (a CSV export is read back for "
        "living wages only)"
    )
    hint = "write the rows as YAML in the bundled table's format (see docs/reference-data.md)"
    return Problem(display_path(path), message, 1, 1, hint=hint, code="I306")


def load_tables(files: TableFiles) -> Reference:
    """Load and merge every table; raise InputError with every located problem."""
    problems: list[Problem] = []
    hashes: list[tuple[str, str]] = []
    tables: dict[str, Any] = {}
    for name, (model, combine) in _KINDS.items():
        for path in getattr(files, name):
            if model is not LivingWageTable and path.suffix.lower() == ".csv":
                problems.append(_not_csv(path, name))
                continue
            try:
                document = (
                    _csv_table(path)
                    if model is LivingWageTable and path.suffix.lower() == ".csv"
                    else read_document(path)
                )
                table = validate_as(document, model, INPUT_CODES)
                tables[name] = combine(tables[name], table) if name in tables else table
                hashes.append((display_path(path), document.sha256))
            except InputError as exc:
                problems.extend(exc.problems)
            except merge.RowClash as exc:  # merging: a row that replaces two
                reason = f"cannot be added to the table: {exc}"
                problems.append(document.problem(exc.at, reason, code="I305"))
            except ValueError as exc:  # merging: another base currency, colliding rows
                reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
                problems.append(
                    Problem(
                        display_path(path), f"cannot be added to the table: {reason}", code="I305"
                    )
                )
    if problems:
        raise InputError(problems)
    return Reference(
        tables["living_wages"],
        tables["rates"],
        tuple(hashes),
        tables.get("minimum_wages"),
        tables.get("price_index"),
    )


def load_reference(
    living_wages: Path,
    rates: Path,
    minimum_wages: Path | None = None,
    price_index: Path | None = None,
) -> Reference:
    """Load one file per table (the floors and the price index when given)."""
    return load_tables(
        TableFiles(
            (living_wages,),
            (rates,),
            (minimum_wages,) if minimum_wages else (),
            (price_index,) if price_index else (),
        )
    )


def load_minimum_wages(path: Path) -> MinimumWageTable:
    """Load a minimum-wage table; raise InputError with located problems."""
    return validate_as(read_document(path), MinimumWageTable, INPUT_CODES)


def load_price_index(path: Path) -> PriceIndexTable:
    """Load a price-index table; raise InputError with located problems."""
    return validate_as(read_document(path), PriceIndexTable, INPUT_CODES)
