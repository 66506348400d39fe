"""Numbers of the canonical JSON: exact Decimals in Python, JSON numbers that read back the same."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

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
