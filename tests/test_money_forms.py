"""The money texts and stored figures are those of ``Decimal.quantize`` with its rounding and
context named, whatever the figure: huge, tiny, negative zero, not a number (the module calls
it with them in order, which costs less)."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcing_check.facts import money as m


def _money(amount: Decimal, currency: str, *, up: bool = False) -> str:
    """``money`` as first written (keywords, ``copy_abs``)."""
    if not m._shown_fixed(amount):
        return f"{currency} {m._other(amount)}"
    rounding = ROUND_HALF_EVEN
    if up:
        amount = amount.quantize(m._NOISE, rounding=ROUND_HALF_EVEN, context=m._WIDE)
        rounding = ROUND_CEILING
    if amount.copy_abs() < m.ONE:
        text = f"{amount.quantize(m._FOUR, rounding=rounding, context=m._WIDE):,f}"
        whole, _, fraction = text.partition(".")
        return f"{currency} {whole}.{fraction.rstrip('0').ljust(2, '0')}"
    return f"{currency} {amount.quantize(m._CENTS, rounding=rounding, context=m._WIDE):,f}"


def _fixed(value: Decimal, places: Decimal, up: bool) -> str:
    if not m._shown_fixed(value):
        return m._other(value)
    rounding = ROUND_CEILING if up else ROUND_HALF_EVEN
    return f"{value.quantize(places, rounding=rounding, context=m._WIDE):f}"


def _q(value: Decimal) -> Decimal:
    if not m._shown_fixed(value):
        return value
    text = format(value.quantize(m._EXACT, context=m._WIDE), "f")
    return Decimal(text.rstrip("0").rstrip(".") if "." in text else text)


_FIGURES = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=-2, max_value=2, places=30),
    st.sampled_from([Decimal("-0"), Decimal("0E+50"), Decimal("-0.00000"), Decimal("0.99995")]),
    st.builds(
        lambda digits, exponent, sign: Decimal((sign, tuple(digits), exponent)),
        st.lists(st.integers(0, 9), min_size=1, max_size=45),
        st.integers(-60, 50),
        st.integers(0, 1),
    ),
)


@settings(max_examples=2000, deadline=None)
@given(figure=_FIGURES, up=st.booleans(), places=st.integers(0, 12))
def test_each_text_and_figure_is_the_quantize_with_keywords(
    figure: Decimal, up: bool, places: int
) -> None:
    assert m.money(figure, "KES", up=up) == _money(figure, "KES", up=up)
    assert m.fixed(figure, m._PLACE[places], up=up) == _fixed(figure, m._PLACE[places], up)
    stored, expected = m.q(figure), _q(figure)
    assert str(stored) == str(expected)  # the same digits and exponent, -0 apart from 0
