"""A full-time contract's living wage per hour worked is kept per run's tables and replayed:
whatever the hours, kept or not, it is the measure and the working that working it out from
scratch gives."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcing_check.facts.wage_benchmark import Yardstick
from sourcing_check.facts.wage_fulltime import full_time, spread_over, worked_hours
from sourcing_check.facts.wage_working import Location, Setting, Working
from sourcing_check.models.pay import PayTerms
from tests.helpers import TEST_DATE, reference

_TABLES = reference()  # one run's tables: what one example keeps, the next may replay

#: Measures with the hours per period their amount assumes, shared by the examples.
_MEASURES = [
    Yardstick("living_wage", "KES", Decimal("260.10"), "KES 260.10", period="month", hours=h)
    for h in (Decimal("173.33"), Decimal("208"), Decimal("160"))
] + [
    Yardstick("minimum_wage", "KES", Decimal("101.25"), "KES 101.25", period="week", hours=h)
    for h in (Decimal("40"), Decimal("45"))
]

#: Hours drawn often from a few close values: two contracts that print alike, or a week either
#: side of the full-time hours, must not take each other's kept measure.
_CLOSE = ["173.33", "173.333", "173.3333", "173.33334", "160", "40", "37.5", "34.99", "35"]
_hours = st.one_of(
    st.sampled_from([Decimal(h) for h in _CLOSE]),
    st.decimals(min_value=1, max_value=400, places=4, allow_nan=False),
)
_unpaid = st.one_of(st.none(), st.decimals(min_value=0, max_value=60, places=3))


@settings(max_examples=300, deadline=None)
@given(
    model=st.sampled_from(["hourly", "salaried"]),
    period=st.sampled_from(["hour", "week", "month", "year"]),
    contracted=_hours,
    unpaid=_unpaid,
    measure=st.sampled_from(_MEASURES),
    week=st.sampled_from(["30", "35", "40", "37.5", "34.99"]),
)
def test_a_kept_full_time_measure_is_the_one_worked_out_again(
    model: str,
    period: str,
    contracted: Decimal,
    unpaid: Decimal | None,
    measure: Yardstick,
    week: str,
) -> None:
    terms = PayTerms.model_validate(
        {
            "model": model,
            "rate": {"amount": Decimal(50000), "currency": "KES", "period": period},
            "contracted_hours_per_period": contracted,
            "unpaid_hours_per_period": unpaid,
        }
    )
    location = Location("KE", None, terms, "/vendor/pay/rates/0")
    setting = Setting.of(_TABLES, TEST_DATE, {"full_time_hours_per_week": week})
    worked = worked_hours(location)
    scratch = Working()
    if worked is None:
        expected = measure
    else:
        weekly, made = worked
        expected = spread_over(measure, weekly, made, setting.full_time_hours_per_week, scratch)
    for _ in range(2):  # worked out (or replayed from an earlier example), then replayed
        work = Working()
        assert full_time(location, measure, setting, work) == expected
        assert work == scratch
