"""The searches for how to print a step (``redone``, ``divisor``) skip work, never answers: each
gives what trying every lead and every number of places in turn gives."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

import pytest

from sourcing_check.facts import money as m

Apply = Callable[[Decimal, Decimal], Decimal]


def _plain_redone(
    amount: Decimal, operand: Decimal, apply: Apply, currency: str, shown: str, least: int = 4
) -> tuple[str, str]:
    """``redone`` as first written: every lead made up front, every operand tried with each."""
    if not (m._shown_fixed(amount) and m._shown_fixed(operand)):
        return "", m.fixed(operand, m.ONE.scaleb(-least))
    start = m.printed(amount)
    leads = [("", start)] + [
        (text, Decimal(text))
        for text in (m.fixed(amount, m.ONE.scaleb(-p)) for p in range(m._places(start) + 1, 13))
    ]
    for lead, base in leads:
        for places in range(least, 13):
            text = m.fixed(operand, m.ONE.scaleb(-places))
            if not Decimal(text) and operand:
                continue
            try:
                if m.money(apply(base, Decimal(text)), currency) == shown:
                    return lead, text
            except ArithmeticError:
                break
    return "", m.fixed(operand, m._EXACT)


def _plain_divisor(amount: Decimal, ratio: Decimal, currency: str, shown: str) -> str:
    """``divisor`` as first written."""
    text = m.fixed(ratio, "0.0001")
    for places in range(4, 13):
        text = m.fixed(ratio, m.ONE.scaleb(-places))
        if (
            m._shown_fixed(ratio)
            and Decimal(text)
            and m.money(amount / Decimal(text), currency, up=True) == shown
        ):
            break
    return text


def _times(a: Decimal, b: Decimal) -> Decimal:
    return a * b


def _over_one_plus(a: Decimal, b: Decimal) -> Decimal:
    return a / (1 + b)


def _less_percent(a: Decimal, b: Decimal) -> Decimal:
    return a * (1 - b / 100)


ODD = ["0", "-0", "0.000", "1", "-1", "0.99995", "1E+41", "-1E+41", "1E-30", "0.005", "NaN"]
ODD += ["Infinity", "-Infinity", "0.125", "2.5", "129.2", "1E+2", "0.49999999999999"]


def _figures(rng: random.Random, count: int) -> list[Decimal]:
    """Amounts and operands: long quotients, figures with few places, odd values."""
    found = []
    for _ in range(count):
        pick = rng.random()
        if pick < 0.15:
            found.append(Decimal(rng.choice(ODD)))
        elif pick < 0.55:
            found.append(Decimal(rng.randint(-(10**8), 10**8)).scaleb(-rng.randint(0, 9)))
        else:
            found.append(Decimal(rng.randint(1, 10**7)) / Decimal(rng.randint(1, 10**5)))
    return found


@pytest.mark.parametrize("seed", range(4))
def test_redone_gives_what_trying_everything_gives(seed: int) -> None:
    rng = random.Random(seed)
    amounts, operands = _figures(rng, 400), _figures(rng, 400)
    for amount, operand in zip(amounts, operands, strict=True):
        for apply in (_times, _over_one_plus, _less_percent):
            try:
                shown = m.money(apply(amount, operand), "KES")
            except ArithmeticError:
                shown = m.money(amount, "KES")
            if rng.random() < 0.1:
                shown = m.money(rng.choice(amounts), "KES")  # one no step gives
            least = rng.choice((4, 12))
            got = m.redone(amount, operand, apply, "KES", shown, least)
            assert got == _plain_redone(amount, operand, apply, "KES", shown, least)


@pytest.mark.parametrize("seed", range(2))
def test_divisor_gives_what_trying_everything_gives(seed: int) -> None:
    rng = random.Random(seed)
    for amount, ratio in zip(_figures(rng, 400), _figures(rng, 400), strict=True):
        try:
            shown = m.money(amount / ratio, "USD", up=True)
        except ArithmeticError:
            shown = "USD 0.00"
        try:
            plain = _plain_divisor(amount, ratio, "USD", shown)
        except ArithmeticError as exc:
            with pytest.raises(type(exc)):
                m.divisor(amount, ratio, "USD", shown)
            continue
        assert m.divisor(amount, ratio, "USD", shown) == plain


def test_a_factor_with_few_places_is_shown_with_the_fewest_that_do() -> None:
    # USD 1.4549 x 129.2 is KES 187.97, which the USD 1.45 printed above does not give (with
    # any places of 129.2, all the same figure): the step starts from USD 1.4549
    amount, factor = Decimal("1.4549"), Decimal("129.2")
    shown = m.money(amount * factor, "KES")
    assert shown == "KES 187.97"
    assert m.redone(amount, factor, _times, "KES", shown) == ("1.4549", "129.2000")
    assert _plain_redone(amount, factor, _times, "KES", shown) == ("1.4549", "129.2000")


def test_a_tiny_factor_is_never_printed_as_zero() -> None:
    # VND 0.50 at 0.0000393 is USD 0.00; "x 0.0000" would redo to 0.00 as well, but it tells
    # a reader the currency is worth nothing: the factor keeps the places that show it
    shown = m.money(Decimal("0.5") * Decimal("0.0000393"), "USD")
    lead, factor = m.redone(Decimal("0.5"), Decimal("0.0000393"), _times, "USD", shown)
    assert (lead, factor) == ("", "0.00004")
    assert m.money(m.printed(Decimal("0.5")) * Decimal(factor), "USD") == shown == "USD 0.00"


def _times(amount: Decimal, factor: Decimal) -> Decimal:
    return amount * factor
