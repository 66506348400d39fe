"""Numbers of the canonical JSON: exact Decimals in Python, JSON numbers that read back the same."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, PlainSerializer, WithJsonSchema


def points(value: Decimal) -> Decimal:
    """Weighted points as written once: 5.0 is 5, 2.50 is 2.5 (so JSON reads back exactly)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _points_json(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _tenth(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"))


#: Weighted points (earned, possible, a credit): exact in Python, a JSON number.
Points = Annotated[
    Decimal,
    AfterValidator(points),
    PlainSerializer(_points_json, return_type=int | float, when_used="json"),
    WithJsonSchema({"type": "number"}),
]
#: A score out of 100 to one decimal (96.4, 100.0): exact in Python, a JSON number.
ScoreNumber = Annotated[
    Decimal,
    AfterValidator(_tenth),
    PlainSerializer(float, return_type=float, when_used="json"),
    WithJsonSchema({"type": "number"}),
]


def plain_json(value: Any, *, numbers: bool = False) -> Any:
    """Plain JSON data; Decimals become exact strings, or numbers when ``numbers``."""
    if isinstance(value, dict):
        return {k: plain_json(v, numbers=numbers) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(v, numbers=numbers) for v in value]
    if isinstance(value, Decimal):
        if numbers:
            return int(value) if value == value.to_integral_value() else float(value)
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
