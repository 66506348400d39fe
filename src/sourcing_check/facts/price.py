"""Follow the money: does the buyer's price per worker-hour cover what fair pay costs?

fair cost per hour = living wage per hour, to the cent as printed, x on-cost factor
                     (parameter price_on_cost_factor)
ratio              = price per worker-hour (in the benchmark's currency) / fair cost per hour

A price per task is turned into a price per hour with the task time alone (the completed
pilot's time on the wage time basis, else the estimate); counting the unpaid time around tasks
would only raise what fair pay costs, so a price that fails here fails with it too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.facts.money import SIXTY, money, percent, printed
from sourcing_check.facts.money import q as _q
from sourcing_check.facts.wage_benchmark import (
    NO_BENCHMARK,
    NO_RATE,
    Yardstick,
    conversion,
    living_wage,
)
from sourcing_check.facts.wage_floor import higher_floor
from sourcing_check.facts.wage_working import Location, Setting, Working
from sourcing_check.models.common import Money, WorkerLocation
from sourcing_check.models.facts import PriceFact, PriceLine
from sourcing_check.models.pay import PayTerms
from sourcing_check.models.project import ProjectPlan

_PRICE = "/project/sourcing/price"


def price(inputs: Inputs, ctx: Context) -> PriceFact | None:
    """The buyer's price per worker-hour against the living wage times the on-cost factor."""
    project = inputs.project
    if project is None:
        return None
    factor = Decimal(str(ctx.params.get("price_on_cost_factor", 1)))
    missing: list[str] = []
    stated = project.sourcing.price if project.sourcing else None
    hourly = _per_hour(project, stated, ctx, missing)
    locations = project.workers.locations if project.workers else []
    if not locations:
        missing.append("/project/workers/locations: where the project's workers are")
    if stated is None or hourly is None or not locations:
        return PriceFact(missing=missing, on_cost_factor=factor, locations=[])
    setting = Setting.of(ctx.reference, ctx.date, ctx.params)
    caveats: list[str] = []
    lines = [_line(loc, hourly, stated.currency, factor, setting, caveats) for loc in locations]
    missing.extend(f"{line.place}: {m}" for line in lines for m in line.missing)
    computed = [line for line in lines if line.ratio is not None]
    lowest = min(computed, key=lambda line: line.ratio or 0) if computed else None
    found: dict[str, Any] = {"lowest_ratio": lowest.ratio, "lowest": lowest} if lowest else {}
    # made in one go: its fields in the order a reader of the JSON gives them back
    return PriceFact(
        missing=missing,
        on_cost_factor=factor,
        price_hourly=_q(hourly),
        price_hourly_text=money(hourly, stated.currency),
        price_text=f"{money(stated.amount, stated.currency)} per {stated.period}",
        locations=lines,
        **found,
        caveats=caveats,
    )


def _per_hour(
    project: ProjectPlan, stated: Money | None, ctx: Context, missing: list[str]
) -> Decimal | None:
    """The price per worker-hour in the price's currency, or None (and what is missing)."""
    if stated is None:
        missing.append(f"{_PRICE}: what the team pays the supplier for the work")
        return None
    if stated.period == "hour":
        return stated.amount
    if stated.period == "task":
        minutes = _task_minutes(project, ctx)
        if not minutes:
            missing.append(
                "/project/pay/minutes_per_task: the time per task, to turn the price per task "
                "into a price per worker-hour"
            )
            return None
        return stated.amount * SIXTY / minutes
    hours = project.sourcing.price_hours_per_period if project.sourcing else None
    if not hours:
        missing.append(
            f"/project/sourcing/price_hours_per_period: the worker hours a price per "
            f"{stated.period} buys"
        )
        return None
    return stated.amount / hours


def _task_minutes(project: ProjectPlan, ctx: Context) -> Decimal | None:
    """Minutes per task: the completed pilot's time on the wage time basis, else the estimate."""
    pilot = project.pilot
    if pilot is not None and pilot.status == "completed":
        median = ctx.params.get("wage_time_basis") == "median"
        timed = pilot.median_minutes if median else pilot.p75_minutes
        if timed:
            return timed
    return project.pay.minutes_per_task if project.pay else None


def _line(
    location: WorkerLocation,
    hourly: Decimal,
    currency: str,
    factor: Decimal,
    setting: Setting,
    caveats: list[str],
) -> PriceLine:
    """The price against the fair cost of one worker location: the living wage the wage fact
    uses (brought forward by the price index where it is old) times the on-cost factor; why
    it cannot be confirmed (a stale benchmark or currency rate, as for the wage) is added to
    ``caveats``."""
    place = location.place
    where = Location(location.country, location.region, PayTerms(), _PRICE)
    work = Working()
    living = living_wage(where, setting, work)
    if living is None or living.benchmark is None:
        return PriceLine(place=place, missing=[f"living-wage benchmark: {NO_BENCHMARK}"])
    benchmark = living.benchmark
    found = conversion(currency, living, where, setting, work)  # its age checked
    if found is None:
        gap = f"rate from {currency} to {living.currency}: {NO_RATE}"
        return PriceLine(place=place, missing=[gap], benchmark_id=benchmark.id)
    caveats.extend(work.caveats)
    wage, (named, after) = _wage_basis(where, living, setting)
    # costed on the wage as every report prints it (PHP 177.09, not 177.088): a reader redoes
    # the product printed, and the wage reads the same here as everywhere else
    base = printed(wage)
    fair = base * factor
    fair_text = money(fair, living.currency)
    basis = named + money(base, living.currency) + after
    price_there = hourly * found.factor
    ratio = price_there / fair
    return PriceLine(
        place=place,
        missing=[],
        benchmark_id=benchmark.id,
        living_wage_hourly_text=living.hourly_text,
        wage_basis_text=basis,
        fair_cost_hourly=_q(fair),
        fair_cost_hourly_text=fair_text,
        price_hourly_text=money(price_there, living.currency),
        ratio=_q(ratio),
        ratio_text=percent(ratio),
        required_price_text=money(fair / found.factor, currency, up=True),
    )


def _wage_basis(
    where: Location, living: Yardstick, setting: Setting
) -> tuple[Decimal, tuple[str, str]]:
    """The wage per hour fair pay is costed on: the living wage, or the statutory minimum wage
    where it binds every employer and is higher (no living wage is below the legal minimum);
    and the words before and after its figure."""
    floor = higher_floor(where, living, setting, Working())
    if floor is not None:
        above = f", which is above the living wage of {living.hourly_text}"
        return floor.hourly, ("the statutory minimum wage of ", above)
    return living.hourly, ("the living wage of ", "")
