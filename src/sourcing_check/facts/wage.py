"""The effective hourly wage per worker location of a vendor's rates and of a project's pay.

This module gathers, per location, the pay terms that apply and what the locations share (fee,
rejection policy, the pilot's time, unpaid one-off minutes); ``wage_line`` does the working.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.facts.unpaid_time import describes_hours
from sourcing_check.facts.wage_benchmark import NO_BENCHMARK
from sourcing_check.facts.wage_line import wage_line
from sourcing_check.facts.wage_working import Location, Setting, Shared
from sourcing_check.models.facts import OldestBenchmark, WageFact, WageLine
from sourcing_check.models.project import ProjectPay, ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire

_TIME_PAID = "/vendor/pay/time_paid"


def vendor_wage(inputs: Inputs, ctx: Context) -> WageFact | None:
    """Effective hourly wage per location from the vendor's rates (vendor scope)."""
    vendor = inputs.vendor
    if vendor is None:
        return None
    pay = vendor.pay
    if pay is None or not pay.rates:
        return _summarise([], ["/vendor/pay/rates: pay per worker location"])
    shared = Shared(
        fee_percent=pay.fee_share_percent,
        fee_at="/vendor/pay/fee_share_percent",
        rejection=vendor.rejection,
        rejection_at="/vendor/rejection",
        time_paid=pay.time_paid,
        time_paid_hours=describes_hours(pay.rates),
        time_paid_at=_TIME_PAID,
    )
    setting = Setting.of(ctx.reference, ctx.date, ctx.params, pay.living_wage_benchmark)
    lines = [
        wage_line(Location(r.country, r.region, r, f"/vendor/pay/rates/{i}"), shared, setting)
        for i, r in enumerate(pay.rates)
    ]
    return _summarise(lines + _unrated(vendor), [])


def _unrated(vendor: VendorQuestionnaire) -> list[WageLine]:
    """A line for each country of the workforce that no rate is given for: its pay is not
    known, so the vendor's pay cannot be said to reach the living wage everywhere it reports
    workers (a rate for a country is taken to cover its regions: names of regions vary)."""
    rated = {rate.country for rate in vendor.pay.rates} if vendor.pay else set()
    lines: list[WageLine] = []
    for index, place in enumerate(vendor.workforce.locations if vendor.workforce else []):
        if place.country in rated:
            continue
        rated.add(place.country)
        lacking = (
            f"/vendor/pay/rates: a rate for {place.place}, where the vendor reports workers "
            f"(/vendor/workforce/locations/{index})"
        )
        lines.append(
            WageLine(
                country=place.country,
                region=place.region,
                place=place.place,
                missing=[lacking],
                steps=[],
            )
        )
    return lines


_NO_PAY = "/project/pay: how the project's tasks are paid"


def project_wage(inputs: Inputs, ctx: Context) -> WageFact | None:
    """Effective hourly wage per worker location of the project (project scope)."""
    project = inputs.project
    if project is None:
        return None
    missing: list[str] = []
    pay = project.pay
    locations = project.workers.locations if project.workers else []
    if not locations:
        where = "/project/workers/locations: where the project's workers are"
        return _summarise([], [*([] if pay else [_NO_PAY]), where])
    if pay is None:  # each location's benchmark is still found: its age needs no pay
        pay = ProjectPay()
    shared = _project_shared(project, pay, inputs.vendor, ctx)
    vendor_pay = inputs.vendor.pay if inputs.vendor else None
    benchmark = vendor_pay.living_wage_benchmark if vendor_pay else None
    setting = Setting.of(ctx.reference, ctx.date, ctx.params, benchmark)
    lines = [
        wage_line(_project_location(pay, loc.country, loc.region), shared, setting)
        for loc in locations
    ]
    return _summarise(lines, missing)


def _project_location(pay: ProjectPay, country: str, region: str | None) -> Location:
    """The project's pay terms for one location, with its own rate where one is given."""
    for index, special in enumerate(pay.location_rates):
        same_region = (special.region or "").casefold() == (region or "").casefold()
        if special.country == country and same_region:
            # the location's own rate and observed earnings; its hours when it gives them
            update: dict[str, Any] = {
                "rate": special.rate,
                "observed_earnings": special.observed_earnings,
            }
            at = f"/project/pay/location_rates/{index}"
            hours_at = None
            if special.contracted_hours is not None or special.contracted_hours_per_period:
                update["contracted_hours"] = special.contracted_hours
                update["contracted_hours_per_period"] = special.contracted_hours_per_period
                hours_at = at
            return Location(
                country, region, pay.model_copy(update=update), "/project/pay", at, hours_at
            )
    return Location(country, region, pay, "/project/pay")


def _project_shared(
    project: ProjectPlan, pay: ProjectPay, vendor: VendorQuestionnaire | None, ctx: Context
) -> Shared:
    """What the project's locations share; fee and rejection policy default to the vendor's."""
    minutes: Decimal | None = None
    minutes_basis: str | None = None
    read: list[tuple[str, Any]] = []
    pilot = project.pilot
    basis = ctx.params.get("wage_time_basis", "p75")
    if pay.model == "per_task" and pilot is not None:
        read.append(("/project/pilot/status", pilot.status))
    if pay.model == "per_task" and pilot is not None and pilot.status == "completed":
        chosen = pilot.p75_minutes if basis == "p75" else pilot.median_minutes
        read.append((f"/project/pilot/{'p75' if basis == 'p75' else 'median'}_minutes", chosen))
        if chosen:
            minutes = chosen
            minutes_basis = f"pilot {'p75' if basis == 'p75' else 'median'} time"
    one_off = Decimal(0)
    for name, activity in (("qualification", pay.qualification), ("training", pay.training)):
        read.append((f"/project/pay/{name}", activity))
        if activity is not None and activity.paid is False and activity.minutes:
            one_off += activity.minutes
    fee, fee_at = pay.fee_share_percent, "/project/pay/fee_share_percent"
    if fee is None and vendor is not None and vendor.pay is not None:
        read.append((fee_at, None))  # the plan's own, not given
        fee, fee_at = vendor.pay.fee_share_percent, "/vendor/pay/fee_share_percent"
    rejection, rejection_from = project.rejection, None
    unstated = rejection is None or rejection.rejected_work_paid is None
    if unstated and vendor is not None and vendor.rejection is not None:
        rejection, rejection_from = vendor.rejection, "/vendor/rejection"
    # the supplier's answer describes a per-task plan's workers; an hourly or salaried plan
    # states its own terms (contracted and unpaid hours)
    vendor_pay = vendor.pay if vendor is not None and pay.model == "per_task" else None
    return Shared(
        fee_percent=fee,
        fee_at=fee_at,
        rejection=rejection,
        rejection_at="/project/rejection",
        minutes=minutes,
        minutes_basis=minutes_basis,
        one_off_unpaid_minutes=one_off,
        tasks_per_worker=pay.tasks_per_worker,
        time_paid=vendor_pay.time_paid if vendor_pay else None,
        time_paid_at=_TIME_PAID if vendor_pay else None,
        rejection_from=rejection_from,
        read=tuple(read),
    )


def _summarise(lines: list[WageLine], missing: list[str]) -> WageFact:
    """All locations, everything missing (named by place), the lowest computed ratio, the
    shortfalls shown, the oldest benchmark, and why a pass could not be confirmed."""
    age_missing = list(missing)
    for line in lines:
        named = [m if line.place in m else f"{line.place}: {m}" for m in line.missing]
        missing.extend(named)
        age_missing.extend(m for m in named if NO_BENCHMARK in m)
    shortfalls = [line.shortfall for line in lines if line.shortfall is not None]
    fact: dict[str, Any] = {
        "locations": lines,
        "missing": missing,
        "shortfalls": shortfalls,
        "caveats": [caveat for line in lines for caveat in line.caveats],
        "missing_for": {"max_benchmark_age_years": age_missing, "oldest_benchmark": age_missing},
    }
    if shortfalls:
        fact["worst_shortfall"] = min(shortfalls, key=lambda found: found.ratio)
    aged = [line for line in lines if line.benchmark_age_years is not None]
    if aged:
        oldest = max(aged, key=lambda line: line.benchmark_age_years or 0)
        fact["max_benchmark_age_years"] = oldest.benchmark_age_years
        fact["oldest_benchmark"] = _oldest(oldest)
    computed = [line for line in lines if line.ratio is not None]
    if computed:
        lowest = min(computed, key=lambda line: line.ratio or 0)
        fact.update(lowest_ratio=lowest.ratio, lowest=lowest)
    return WageFact(**fact)


def _oldest(line: WageLine) -> OldestBenchmark:
    """The location with the oldest benchmark, its year and how it was brought forward."""
    benchmark = line.benchmark
    assert benchmark is not None and line.benchmark_age_years is not None
    text = f"from {benchmark.year}"
    if benchmark.indexed_to is not None:
        text += f", brought forward to {benchmark.indexed_to} prices"
    return OldestBenchmark(
        place=line.place, year=benchmark.year, age=line.benchmark_age_years, text=text
    )
