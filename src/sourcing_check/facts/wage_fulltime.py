"""A full-time worker's living wage is earned in the contract's hours, not the benchmark's.

A benchmark is an amount per month (or week, or year) and the hours it assumes, often 48 a
week. Dividing it by those hours gives a living wage per hour that a worker on a 40-hour
contract could reach while earning only 40/48 of the month's living wage. Where the hours
worked (contracted plus unpaid) are full-time (at least ``full_time_hours_per_week``) and
fewer than the benchmark assumes, the period's living wage is spread over the hours worked
instead: full-time pay must reach the living wage of the period. Part-time and per-task work
keep the benchmark's hours (a worker can work more of them), as do hours beyond the
benchmark's. A statutory minimum wage per month is spread the same way.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from sourcing_check.facts.money import fixed, hours_divisor, money
from sourcing_check.facts.wage_benchmark import Yardstick
from sourcing_check.facts.wage_time import WEEKS, hours_text
from sourcing_check.facts.wage_working import Location, Setting, Working, recorded

_HUNDREDTH = Decimal("0.01")


def worked_hours(location: Location) -> tuple[Decimal, str] | None:
    """The hours worked per week (contracted plus unpaid) of hourly or salaried terms, and
    what they are made of, when they can be told."""
    terms = location.terms
    if terms.model not in ("hourly", "salaried"):
        return None
    rate_period: str = terms.rate.period if terms.rate is not None else ""
    hours: Decimal | None = terms.contracted_hours_per_period
    per = unpaid_per = rate_period
    if terms.contracted_hours is not None:
        # unpaid hours are per the period of the contracted hours, as the field says
        hours, per = terms.contracted_hours.hours, terms.contracted_hours.per
        unpaid_per = per
    if hours is None or per not in WEEKS or unpaid_per not in WEEKS:
        return None
    contracted = hours / WEEKS[per]
    unpaid = (terms.unpaid_hours_per_period or Decimal(0)) / WEEKS[unpaid_per]
    made = f"{hours_text(contracted)} h contracted"
    if unpaid:
        made += f" + {hours_text(unpaid)} h unpaid"
    return contracted + unpaid, made


def full_time(location: Location, measure: Yardstick, setting: Setting, work: Working) -> Yardstick:
    """The living wage (or minimum wage) per hour worked of a full-time contract that works
    fewer hours than the figure assumes (or as many but for the figure's rounding, as 173.33 h
    is 40 h a week); the measure as it is otherwise.

    Worked out once per run's tables for a measure and the hours worked, and replayed after
    that (the benchmark a location's lines share, and a usual contract, recur in every
    subject): the key holds the measure's identity, and the kept result holds the measure, so
    that no other measure can take its identity while the result is kept."""
    worked = worked_hours(location)
    if worked is None or measure.hours is None or measure.period not in WEEKS:
        return measure
    weekly, made = worked
    hours = setting.full_time_hours_per_week
    if measure.vendor is not None:  # a measure made for this subject alone: not kept
        return spread_over(measure, weekly, made, hours, work)
    key = ("full_time", id(measure), str(weekly), made, str(hours))
    kept, spread = recorded(
        setting, key, lambda own: (measure, spread_over(measure, weekly, made, hours, own)), work
    )
    assert kept is measure  # the kept measure is alive: its identity is no other's
    return spread


def spread_over(
    measure: Yardstick, weekly: Decimal, made: str, full_time_hours: Decimal, work: Working
) -> Yardstick:
    """``full_time`` for a measure with hours per period and ``weekly`` hours worked (``made``:
    what they are made of), worked out from scratch."""
    assumed, period = measure.hours, measure.period
    if assumed is None or period not in WEEKS or weekly < full_time_hours:
        return measure
    if measure.vendor is not None and measure.vendor.used:
        return measure  # the vendor's figure is per hour already
    hours = weekly * WEEKS[period]
    shown = fixed(hours, _HUNDREDTH)
    if Decimal(shown) > assumed or hours == assumed:
        return measure
    amount = measure.hourly * assumed
    hourly = amount / hours
    currency, hourly_text = measure.currency, money(hourly, measure.currency)
    what = "living wage" if measure.kind == "living_wage" else "minimum wage"
    label = f"{what[0].upper()}{what[1:]} per hour worked (full-time)"
    why = f"not the figure's {assumed.normalize():f} h"
    if Decimal(shown) == assumed:  # the same hours, but for the figure's rounding
        label = f"{what[0].upper()}{what[1:]} per hour worked (full-time, unrounded hours)"
        why = f"the figure's {assumed.normalize():f} h before rounding"
        if hourly_text != measure.hourly_text:
            why += f"; the {measure.hourly_text} above divides by the rounded hours"
    exact = hours_divisor(amount, hours, currency, shown)
    work.step(
        label,
        f"{money(amount, currency)} per {measure.period} / {exact} h: full-time work "
        f"({made} a week) earns the {measure.period}'s {what} in its own hours ({why})",
        hourly_text,
    )
    return dataclasses.replace(measure, hourly=hourly, hourly_text=hourly_text)
