"""Steps 1 and 2 of the wage working: gross pay per paid hour, and the unpaid time around it.

Per-task pay is spread over the minutes a task takes (the pilot's time where there is one);
hourly and salaried pay over the contracted hours. Unpaid time counts per task or per period,
plus unpaid qualification and training spread over a worker's tasks.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sourcing_check.facts.money import SIXTY, fixed, hours_divisor, money
from sourcing_check.facts.unpaid_time import activities_of, counted_in, uncounted
from sourcing_check.facts.wage_working import ZERO, Location, Shared, Working
from sourcing_check.models.common import Money
from sourcing_check.models.pay import PayModel

_TENTH = Decimal("0.1")
_HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True)
class PaidTime:
    """Gross pay per paid hour (None when it cannot be told) and unpaid time per paid time."""

    gross: Decimal | None
    unpaid_ratio: Decimal


def paid_time(
    location: Location, model: PayModel, rate: Money, shared: Shared, work: Working
) -> PaidTime:
    """Gross pay per paid hour and the unpaid time that goes with it (steps 1 and 2)."""
    paid_minutes = shared.minutes or location.terms.minutes_per_task
    if model == "per_task" and not shared.minutes:
        work.reads(f"{location.where}/minutes_per_task", paid_minutes)
    if model == "per_task":
        gross, unpaid_ratio, parts = _per_task(location, rate, paid_minutes, shared, work)
    else:
        gross, unpaid_ratio, parts = _per_period(location, model, rate, shared, work)
    one_off = _one_off(location, shared, paid_minutes, work)
    if one_off is not None:
        extra, part = one_off
        unpaid_ratio += extra
        parts.append(part)
    if unpaid_ratio:
        per = (
            f", per {paid_minutes.normalize():f} paid min"
            if paid_minutes and model == "per_task"
            else ""
        )
        work.step(
            "Unpaid time per hour of paid time",
            " + ".join(parts) + per,
            f"{fixed(unpaid_ratio * SIXTY, _TENTH)} min",
        )
    return PaidTime(gross, unpaid_ratio)


def _per_task(
    location: Location,
    rate: Money,
    paid_minutes: Decimal | None,
    shared: Shared,
    work: Working,
) -> tuple[Decimal | None, Decimal, list[str]]:
    """Per-task pay: gross per hour of task time, and unpaid minutes per paid minute."""
    where = location.where
    if rate.period != "task":
        work.lacks(f"{location.rate_at}/rate/period: per-task pay needs a rate per task")
        return None, ZERO, []
    if paid_minutes is None or paid_minutes == 0:
        work.lacks(f"{where}/minutes_per_task: the time a task takes")
        return None, ZERO, []
    gross = rate.amount * SIXTY / paid_minutes
    basis = f" ({shared.minutes_basis})" if shared.minutes_basis is not None else ""
    work.step(
        f"{pay_word(location)} per hour of task time",
        f"{money(rate.amount, rate.currency)} x 60 / {paid_minutes.normalize():f} min"
        f" (60 min an hour, {paid_minutes.normalize():f} min a task)" + basis,
        money(gross, rate.currency),
    )
    unpaid = location.terms.unpaid_minutes_per_task
    work.reads(f"{where}/unpaid_minutes_per_task", unpaid)
    if unpaid is None:
        work.lacks(
            f"{where}/unpaid_minutes_per_task: unpaid time per task "
            "(searching, reading instructions; 0 if none)",
            lowers=True,
        )
        return gross, ZERO, []
    if _contradicted(location, shared, work):
        return gross, ZERO, []
    return gross, unpaid / paid_minutes, [f"{unpaid.normalize():f} min per task"]


def _per_period(
    location: Location, model: PayModel, rate: Money, shared: Shared, work: Working
) -> tuple[Decimal | None, Decimal, list[str]]:
    """Hourly or salaried pay: gross per contracted hour, and unpaid hours per contracted hour."""
    where = location.where
    hours, per = _hours(location, rate, work)
    gross: Decimal | None = None
    if rate.period == "hour":
        gross = rate.amount
    elif rate.period == "task":
        work.lacks(
            f"{location.rate_at}/rate/period: "
            f"{model} pay needs a rate per hour or per salary period"
        )
    elif not hours:
        if location.terms.contracted_hours is None:
            work.lacks(
                f"{where}/contracted_hours: the hours the {rate.period}ly pay covers, "
                "e.g. {hours: 40, per: week}"
            )
    else:
        gross = rate.amount / hours
        work.step(
            f"{pay_word(location)} per contracted hour",
            f"{money(rate.amount, rate.currency)} / "
            f"{hours_divisor(rate.amount, hours, rate.currency, hours_text(hours))} h "
            f"per {rate.period}",
            money(gross, rate.currency),
        )
    unpaid = location.terms.unpaid_hours_per_period
    work.reads(f"{where}/unpaid_hours_per_period", unpaid)
    if unpaid is None:
        work.lacks(
            f"{where}/unpaid_hours_per_period: unpaid hours per period (0 if none)", lowers=True
        )
    elif _contradicted(location, shared, work):
        pass
    elif unpaid and hours:
        # unpaid hours are per the period of the contracted hours, as the field says (a week's
        # unpaid hours over a week's contracted hours, whatever period the pay is per)
        given = location.terms.contracted_hours
        if given is not None:
            hours, per = given.hours, given.per
        part = f"{unpaid.normalize():f} h per {per} over {hours_text(hours)} h"
        return gross, unpaid / hours, [part]
    elif unpaid:
        work.lacks(
            f"{where}/contracted_hours: needed to weigh unpaid hours, "
            "e.g. {hours: 40, per: week}",
            lowers=gross is not None,
        )
    return gross, ZERO, []


#: Weeks in a period, and how a number of hours per one period becomes hours per another.
WEEKS = {"week": Decimal(1), "month": Decimal(52) / 12, "year": Decimal(52)}
_CONVERTED = {
    ("week", "month"): "x 52 / 12",
    ("week", "year"): "x 52",
    ("month", "year"): "x 12",
    ("month", "week"): "x 12 / 52",
    ("year", "month"): "/ 12",
    ("year", "week"): "/ 52",
}


def _hours(location: Location, rate: Money, work: Working) -> tuple[Decimal | None, str]:
    """The contracted hours per the rate's period (per their own period for hourly pay), and
    that period; a conversion (52 weeks a year, 52/12 a month) is shown as a step."""
    terms = location.terms
    given = terms.contracted_hours
    if given is None:
        work.reads(
            f"{location.hours_at}/contracted_hours_per_period", terms.contracted_hours_per_period
        )
        return terms.contracted_hours_per_period, rate.period
    work.reads(f"{location.hours_at}/contracted_hours", given)
    if rate.period in ("hour", "task") or given.per == rate.period:
        return given.hours, given.per
    if given.per in WEEKS and rate.period in WEEKS:
        hours = given.hours * WEEKS[rate.period] / WEEKS[given.per]
        work.step(
            f"Contracted hours per {rate.period}",
            f"{given.hours.normalize():f} h per {given.per} {_CONVERTED[given.per, rate.period]}",
            f"{fixed(hours, _HUNDREDTH)} h",
        )
        return hours, rate.period
    work.lacks(
        f"{location.where}/contracted_hours: hours per {given.per} cannot be turned into hours "
        f"per {rate.period} (days worked are not known): state them per week or per {rate.period}"
    )
    return None, rate.period


def _contradicted(location: Location, shared: Shared, work: Working) -> bool:
    """True when the terms count no unpaid time though the vendor says time they cover is
    unpaid: the zero is not taken, and an estimate is asked for (it could only lower pay)."""
    terms = location.terms
    model = terms.model
    consulted = model == "per_task" or shared.time_paid_hours  # see facts/unpaid_time.py
    if shared.time_paid_at and model and consulted and getattr(terms, counted_in(model)) == 0:
        for key in activities_of(model):  # a zero is taken only if these agree
            work.reads(f"{shared.time_paid_at}/{key}", getattr(shared.time_paid, key, None))
    left_out = uncounted(terms, shared.time_paid, hours=shared.time_paid_hours)
    if not left_out:
        return False
    field = (
        "unpaid_minutes_per_task"
        if location.terms.model == "per_task"
        else ("unpaid_hours_per_period")
    )
    work.lacks(
        f"{location.where}/{field}: an estimate of the unpaid time; 0 was given, but the "
        f"vendor says {' and '.join(left_out)} {_is_or_are(left_out)} "
        "unpaid (/vendor/pay/time_paid)",
        lowers=True,
    )
    return True


def _is_or_are(activities: list[str]) -> str:
    """'searching for work is', 'short breaks are'."""
    return "is" if len(activities) == 1 and not activities[0].endswith("breaks") else "are"


def hours_text(hours: Decimal) -> str:
    """Hours as given (173, 37.5), or to two places when a conversion made them (173.33)."""
    text = f"{hours.normalize():f}"
    return fixed(hours, _HUNDREDTH) if len(text.partition(".")[2]) > 2 else text


def pay_word(location: Location) -> str:
    """'Gross pay', or 'Take-home pay' when the terms say the rate is take-home."""
    return "Take-home pay" if location.terms.basis == "take_home" else "Gross pay"


def _one_off(
    location: Location, shared: Shared, paid_minutes: Decimal | None, work: Working
) -> tuple[Decimal, str] | None:
    """Unpaid qualification and training minutes spread over a worker's tasks, if any."""
    one_off, tasks = shared.one_off_unpaid_minutes, shared.tasks_per_worker
    if not one_off:
        return None
    work.reads(f"{location.where}/tasks_per_worker", tasks)
    if not tasks or not paid_minutes:
        work.lacks(
            f"{location.where}/tasks_per_worker: to spread "
            f"{one_off.normalize():f} unpaid one-off minutes over tasks",
            lowers=True,
        )
        return None
    part = (
        f"{one_off.normalize():f} min unpaid qualification/training over "
        f"{tasks.normalize():f} tasks"
    )
    return one_off / tasks / paid_minutes, part
