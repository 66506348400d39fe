"""CSV with a header row into a list of row mappings, each cell located by line and column."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path
from typing import Any

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.files import MAX_BYTES, read_text
from sourcing_check.load.yaml_reader import plain_scalar
from sourcing_check.models.document import Document, join_pointer


def read_csv_rows(path: Path, *, name: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read a CSV file with a header row into a list of row mappings (empty cells left out).

    Cells are typed like plain YAML scalars: whole numbers become int, other numbers exact
    Decimal, everything else stays text. Positions are ``/ROW/COLUMN`` -> (line, field).
    """
    label = name if name is not None else str(path)
    raw, text = read_text(path, label, max_bytes)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip() for cell in next(reader, [])]
        _one_column_each(header, label)
        rows: list[dict[str, Any]] = []
        positions: dict[str, tuple[int, int]] = {"": (1, 1)}
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            line = reader.line_num
            if len(record) > len(header):
                raise InputError(
                    [
                        Problem(
                            label,
                            f"row has {len(record)} cells but the header "
                            f"names {len(header)} columns",
                            line,
                            1,
                            code="I111",
                        )
                    ]
                )
            row: dict[str, Any] = {}
            positions[f"/{len(rows)}"] = (line, 1)
            for index, cell in enumerate(record):
                if cell.strip():
                    row[header[index]] = plain_scalar(cell.strip())
                    positions[join_pointer(f"/{len(rows)}", header[index])] = (line, index + 1)
            rows.append(row)
    except csv.Error as exc:
        problem = Problem(label, f"CSV error: {exc}", reader.line_num, 1, code="I104")
        raise InputError([problem]) from None
    return Document(path, label, rows, positions, hashlib.sha256(raw).hexdigest())


def _one_column_each(header: list[str], label: str) -> None:
    """Refuse a column named twice: the later cell would silently win over the earlier."""
    for index, name in enumerate(header):
        if name and name in header[:index]:
            first = header.index(name) + 1
            message = (
                f"column {name!r} appears twice in the header (columns {first} and "
                f"{index + 1}): rename or remove one, so that each value is read from one place"
            )
            raise InputError([Problem(label, message, 1, index + 1, code="I107")])
