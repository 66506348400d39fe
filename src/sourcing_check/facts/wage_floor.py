"""The statutory minimum wage beside a known living wage: pay below the legal minimum fails.

A living wage is never below the legal minimum, but a benchmark can be (an old figure, or one
overtaken by a raise of the minimum wage). Where a location has both, pay that reaches the
benchmark but not the minimum wage is a shortfall against the minimum: the law's floor, which
no living wage is under.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from sourcing_check.facts.money import money, percent
from sourcing_check.facts.wage_benchmark import Yardstick, minimum_wage
from sourcing_check.facts.wage_fulltime import full_time
from sourcing_check.facts.wage_shortfall import Basis, shortfall
from sourcing_check.facts.wage_working import Location, Setting, Working
from sourcing_check.models.facts import Shortfall


def below_floor(
    location: Location,
    living: Yardstick,
    effective: Decimal,
    basis: Basis,
    setting: Setting,
    work: Working,
) -> Shortfall | None:
    """The shortfall of pay (per hour, in the living wage's currency) against the location's
    statutory minimum wage, when the minimum is above the living-wage benchmark and pay is
    below the minimum (it replaces a shortfall against the lower benchmark); None otherwise."""
    floor = higher_floor(location, living, setting, Working())  # steps shown only if it binds
    if floor is None or effective >= floor.hourly:
        return None  # the living wage is the higher bar, or pay reaches the minimum
    higher_floor(location, living, setting, work)  # now the working shows the floor's arithmetic
    work.step(
        "Share of the statutory minimum wage",
        f"pay / minimum wage (the minimum is above the living wage of {living.hourly_text})",
        percent(effective / floor.hourly),
    )
    note = (
        f"; the legal minimum is above the living-wage benchmark used ({living.hourly_text}), "
        "and a living wage is never below it"
    )
    rate = location.terms.rate
    return shortfall(location.place, floor, effective, rate, basis, list(work.lowering), note=note)


def higher_floor(
    location: Location, living: Yardstick, setting: Setting, work: Working
) -> Yardstick | None:
    """The location's statutory minimum wage per hour (per hour worked for full-time work), in
    the living wage's currency, when it binds every employer and is above the living wage;
    None otherwise."""
    floor = minimum_wage(location, setting, work)
    if floor is None:
        return None
    floor = full_time(location, floor, setting, work)
    found = setting.reference.convert(floor.currency, living.currency)
    if found is None or floor.hourly * found.factor <= living.hourly:
        return None
    hourly = floor.hourly * found.factor
    text = money(hourly, living.currency)
    return dataclasses.replace(floor, currency=living.currency, hourly=hourly, hourly_text=text)
