"""Exact money arithmetic for display and storage: Decimal in, text or six-place values out."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal

ONE = Decimal(1)
HUNDRED = Decimal(100)
SIXTY = Decimal(60)
_EXACT = Decimal("0.000001")


def money(amount: Decimal, currency: str, *, up: bool = False) -> str:
    """Format money for display: cents, with up to 4 decimals below 1 where they matter.

    ``up`` rounds up, so a required figure shown is always enough.
    """
    rounding = ROUND_CEILING if up else ROUND_HALF_EVEN
    places = Decimal("0.0001") if abs(amount) < 1 else Decimal("0.01")
    value = amount.quantize(places, rounding=rounding)
    text = f"{value:,f}"
    if places == Decimal("0.0001"):
        whole, _, fraction = text.partition(".")
        text = f"{whole}.{fraction.rstrip('0').ljust(2, '0')}"
    return f"{currency} {text}"


def percent(ratio: Decimal) -> str:
    """A ratio as a percentage for display, e.g. 0.468 -> '46.8%'."""
    return f"{(ratio * HUNDRED).quantize(Decimal('0.1'))}%"


def q(value: Decimal) -> Decimal:
    """Round to six places for storage, without trailing zeros or exponents."""
    text = format(value.quantize(_EXACT), "f")
    return Decimal(text.rstrip("0").rstrip(".") if "." in text else text)
