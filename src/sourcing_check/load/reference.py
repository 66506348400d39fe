"""Load the reference tables (living wages as YAML or CSV, rates, minimum wages, price index)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from sourcing_check.errors import InputError
from sourcing_check.load.csv_reader import read_csv_rows
from sourcing_check.load.documents import read_document
from sourcing_check.load.validation import INPUT_CODES, validate_as
from sourcing_check.models.document import Document
from sourcing_check.reference.lookup import Reference
from sourcing_check.reference.tables import (
    LivingWageTable,
    MinimumWageTable,
    PriceIndexTable,
    RateTable,
)
from sourcing_check.resources import display_path


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


def load_reference(
    living_wages: Path,
    rates: Path,
    minimum_wages: Path | None = None,
    price_index: Path | None = None,
) -> Reference:
    """Load the tables (the floors and the price index when given); raise InputError with
    located problems."""
    problems = []
    files = []
    tables: dict[type[BaseModel], BaseModel] = {}
    given: list[tuple[Path | None, type[BaseModel]]] = [
        (living_wages, LivingWageTable),
        (rates, RateTable),
        (minimum_wages, MinimumWageTable),
        (price_index, PriceIndexTable),
    ]
    for path, model in given:
        if path is None:
            continue
        try:
            document = (
                _csv_table(path)
                if model is LivingWageTable and path.suffix.lower() == ".csv"
                else read_document(path)
            )
            tables[model] = validate_as(document, model, INPUT_CODES)
            files.append((display_path(path), document.sha256))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    living, rate_table = tables[LivingWageTable], tables[RateTable]
    floors, index = tables.get(MinimumWageTable), tables.get(PriceIndexTable)
    assert isinstance(living, LivingWageTable) and isinstance(rate_table, RateTable)
    assert floors is None or isinstance(floors, MinimumWageTable)
    assert index is None or isinstance(index, PriceIndexTable)
    return Reference(living, rate_table, tuple(files), floors, index)


def load_minimum_wages(path: Path) -> MinimumWageTable:
    """Load a minimum-wage table; raise InputError with located problems."""
    return validate_as(read_document(path), MinimumWageTable, INPUT_CODES)


def load_price_index(path: Path) -> PriceIndexTable:
    """Load a price-index table; raise InputError with located problems."""
    return validate_as(read_document(path), PriceIndexTable, INPUT_CODES)
