"""A full-time worker's living wage is earned in the contract's hours, not the benchmark's.

A benchmark is an amount per month (or week, or year) and the hours it assumes, often 48 a
week. Dividing it by those hours gives a living wage per hour that a worker on a 40-hour
contract could reach while earning only 40/48 of the month's living wage. Where the contract
is full-time (at least ``full_time_hours_per_week``) and has fewer hours than the benchmark
assumes, the period's living wage is spread over the contract's hours instead: full-time pay
must reach the living wage of the period. Part-time and per-task work keep the benchmark's
hours (a worker can work more of them), as does a contract with more hours than the benchmark.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from sourcing_check.facts.money import fixed, money
from sourcing_check.facts.wage_benchmark import Yardstick
from sourcing_check.facts.wage_time import WEEKS, hours_text
from sourcing_check.facts.wage_working import Location, Working

_HUNDREDTH = Decimal("0.01")


def weekly_hours(location: Location) -> Decimal | None:
    """The contracted hours per week of hourly or salaried terms, when they can be told."""
    terms = location.terms
    if terms.model not in ("hourly", "salaried"):
        return None
    if terms.contracted_hours is not None:
        given = terms.contracted_hours
        return given.hours / WEEKS[given.per] if given.per in WEEKS else None
    period = terms.rate.period if terms.rate is not None else None
    if terms.contracted_hours_per_period is None or period not in WEEKS:
        return None
    return terms.contracted_hours_per_period / WEEKS[period]


def full_time(
    location: Location, living: Yardstick, full_time_hours: Decimal, work: Working
) -> Yardstick:
    """The living wage per contracted hour of a full-time contract shorter than the
    benchmark's hours (or equal to them but for the benchmark's rounding, as 173.33 h is 40 h
    a week); the living wage as it is otherwise."""
    benchmark = living.benchmark
    weekly = weekly_hours(location)
    if benchmark is None or weekly is None or weekly < full_time_hours:
        return living
    if living.vendor is not None and living.vendor.used:
        return living  # the vendor's figure is per hour already
    if benchmark.period not in WEEKS:
        return living
    assumed = Decimal(benchmark.hours_per_period)
    contracted = weekly * WEEKS[benchmark.period]
    shown = fixed(contracted, _HUNDREDTH)
    if Decimal(shown) > assumed or contracted == assumed:
        return living
    amount = living.hourly * assumed
    hourly = amount / contracted
    why = (
        f"the benchmark's {assumed.normalize():f} h, unrounded"
        if Decimal(shown) == assumed
        else f"not the benchmark's {assumed.normalize():f} h"
    )
    work.step(
        "Living wage per contracted hour (full-time)",
        f"{money(amount, living.currency)} per {benchmark.period} / {shown} h: a full-time "
        f"contract of {hours_text(weekly)} h a week earns the {benchmark.period}'s living "
        f"wage in its own hours ({why})",
        money(hourly, living.currency),
    )
    return dataclasses.replace(living, hourly=hourly, hourly_text=money(hourly, living.currency))
