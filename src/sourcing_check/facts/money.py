"""Exact money arithmetic for display and storage: Decimal in, text or six-place values out.

Every function here is total: whatever the Decimal (huge, tiny, NaN, infinite), it returns a
value and never raises. Rounding runs in a context wide enough for any figure shown in fixed
point; a figure wider than that is shown in scientific notation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import MAX_EMAX, MIN_EMIN, ROUND_CEILING, ROUND_HALF_EVEN, Context, Decimal

ONE = Decimal(1)
HUNDRED = Decimal(100)
SIXTY = Decimal(60)
_EXACT = Decimal("0.000001")
_CENTS = Decimal("0.01")
_FOUR = Decimal("0.0001")
#: Arithmetic remainders below this are not rounded up into a cent (see ``money``).
_NOISE = Decimal("1E-12")
#: The most places ``divisor`` shows a ratio with.
_MOST_PLACES = 12
#: Figures with more whole digits than this are shown as e.g. '1.2346E+45'.
WIDEST = 40
#: Room for WIDEST digits and any places we round to; traps nothing, so nothing raises.
_WIDE = Context(prec=WIDEST + 20, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
#: The quantum of each number of places, 0 to _MOST_PLACES: _PLACE[4] is 1E-4.
_PLACE = tuple(ONE.scaleb(-places) for places in range(_MOST_PLACES + 1))


def _shown_fixed(value: Decimal) -> bool:
    return value.is_finite() and value.adjusted() <= WIDEST


def _other(value: Decimal) -> str:
    """A figure too wide for fixed point, or not a number at all."""
    if value.is_nan():
        return "n/a"
    if value.is_infinite():
        return "infinite" if value > 0 else "minus infinite"
    return f"{value:.4E}"


def fixed(value: Decimal, places: str | Decimal, *, up: bool = False) -> str:
    """``value`` rounded to ``places`` (e.g. '0.0001') as fixed-point text."""
    if not (value.is_finite() and value.adjusted() <= WIDEST):  # _shown_fixed, inline: hot
        return _other(value)
    rounding = ROUND_CEILING if up else ROUND_HALF_EVEN
    quantum = places if isinstance(places, Decimal) else Decimal(places)
    return f"{value.quantize(quantum, rounding, _WIDE):f}"


def money(amount: Decimal, currency: str, *, up: bool = False) -> str:
    """Format money for display: cents, with up to 4 decimals below 1 where they matter.

    ``up`` rounds up, so a required figure shown is always enough.
    """
    if not (amount.is_finite() and amount.adjusted() <= WIDEST):  # _shown_fixed, inline: hot
        return f"{currency} {_other(amount)}"
    if up:  # a remainder of the division far below what is shown is not rounded up
        amount = amount.quantize(_NOISE, ROUND_HALF_EVEN, _WIDE)
        rounding = ROUND_CEILING
    else:
        rounding = ROUND_HALF_EVEN
    if -ONE < amount < ONE:
        text = f"{amount.quantize(_FOUR, rounding, _WIDE):,f}"
        whole, _, fraction = text.partition(".")
        return f"{currency} {whole}.{fraction.rstrip('0').ljust(2, '0')}"
    return f"{currency} {amount.quantize(_CENTS, rounding, _WIDE):,f}"


def divisor(amount: Decimal, ratio: Decimal, currency: str, shown: str) -> str:
    """``ratio`` with as many places (four to twelve) as it takes for ``amount`` divided by it,
    rounded up, to give ``shown`` (``money(amount / ratio, currency, up=True)``): a reader
    can redo the division printed."""
    if not _shown_fixed(ratio):
        return _other(ratio)  # what every number of places shows
    text = ""
    for places in range(4, _MOST_PLACES + 1):
        text = fixed(ratio, _PLACE[places])
        value = Decimal(text)
        if value and money(amount / value, currency, up=True) == shown:
            break
    return text


def printed(amount: Decimal) -> Decimal:
    """The figure ``money`` prints for ``amount`` (cents, or four places below 1)."""
    if not _shown_fixed(amount):
        return amount
    places = _FOUR if amount.copy_abs() < ONE else _CENTS
    return amount.quantize(places, rounding=ROUND_HALF_EVEN, context=_WIDE)


def multiplier(amount: Decimal, factor: Decimal, currency: str, shown: str) -> str:
    """``factor`` with as many places (four to twelve) as it takes for the printed ``amount``
    times it to give ``shown``: a reader can redo the product printed (else six places)."""
    return redone(amount, factor, _times, currency, shown)[1]


def _times(amount: Decimal, factor: Decimal) -> Decimal:
    return amount * factor


def redone(
    amount: Decimal,
    operand: Decimal,
    apply: Callable[[Decimal, Decimal], Decimal],
    currency: str,
    shown: str,
    least: int = 4,
) -> tuple[str, str]:
    """How to print one step of a working, ``apply(amount, operand)`` = ``shown``, so that a
    reader redoes it from what is printed: the amount to start from ('' when the figure the
    step above printed serves; else the amount, a bare number, with as many more places as it
    takes) and the operand (``least`` to twelve places, as few as will do)."""
    if not (_shown_fixed(amount) and _shown_fixed(operand)):
        return "", fixed(operand, ONE.scaleb(-least))
    # each operand text is made once, when first needed, and tried with every lead after
    operands: list[tuple[str, Decimal]] = []
    tried = range(least, _MOST_PLACES + 1)
    for lead, base in _leads(amount):
        failed: Decimal | None = None  # the last figure from this lead not printed as shown
        for index, places in enumerate(tried):
            if index == len(operands):
                text = fixed(operand, _PLACE[places])
                operands.append((text, Decimal(text)))
            text, value = operands[index]
            if not value and operand:  # a factor is never printed as 0.0000 when it is not 0
                continue
            try:
                result = apply(base, value)
                # once the operand's own places are all shown, more (0.125 as 0.12500) give
                # an equal figure, which prints the same when it is not zero: not tried again
                if result and result == failed:
                    continue
                if money(result, currency) == shown:
                    return lead, text
                failed = result
            except ArithmeticError:
                break
    return "", fixed(operand, _EXACT)


def _leads(amount: Decimal) -> Iterator[tuple[str, Decimal]]:
    """What a step may start from, in turn: the figure printed ('' says so), then the amount
    with one more place at a time, to twelve (each made only when the one before did not do)."""
    start = printed(amount)
    yield "", start
    for places in range(_places(start) + 1, _MOST_PLACES + 1):
        text = fixed(amount, _PLACE[places])
        yield text, Decimal(text)


def _places(value: Decimal) -> int:
    """The decimal places of a printed figure."""
    return max(0, -int(value.as_tuple().exponent))


def hours_divisor(amount: Decimal, hours: Decimal, currency: str, given: str) -> str:
    """Hours to divide ``amount`` by in a working: ``given`` (their usual text, e.g. 173.33),
    or with as many more places (to twelve) as it takes for the amount printed divided by them
    to give the figure computed, ``money(amount / hours, currency)``: a reader can redo the
    division printed (40 h a week is 173.3333 h a month)."""
    if not hours or not _shown_fixed(hours):
        return given
    shown = money(amount / hours, currency)
    start = printed(amount)
    text = given
    for places in range(2, 13):  # the usual text first, then three to twelve places
        if places > 2:
            text = fixed(hours, _PLACE[places])  # made only when the last did not do
        if Decimal(text) and money(start / Decimal(text), currency) == shown:
            return text
    return text


def percent(ratio: Decimal) -> str:
    """A ratio as a percentage for display, e.g. 0.468 -> '46.8%'; a ratio just under 1 shows
    as 99.9%, never as the 100.0% that would read as reached."""
    text = fixed(_WIDE.multiply(ratio, HUNDRED), _PLACE[1])
    below = ratio.is_finite() and ratio < 1
    return "99.9%" if below and text == "100.0" else f"{text}%"


def q(value: Decimal) -> Decimal:
    """Round to six places for storage, without trailing zeros or exponents (a value too
    wide for that, or not finite, is kept as it is)."""
    if not _shown_fixed(value):
        return value
    text = f"{value.quantize(_EXACT, None, _WIDE):f}"
    return Decimal(text.rstrip("0").rstrip(".") if "." in text else text)
