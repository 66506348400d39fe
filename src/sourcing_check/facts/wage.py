"""The effective hourly wage per worker location of a vendor's rates and of a project's pay.

This module gathers, per location, the pay terms that apply and what the locations share (fee,
rejection policy, the pilot's time, unpaid one-off minutes); ``wage_line`` does the working.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.facts.wage_line import wage_line
from sourcing_check.facts.wage_working import Location, Shared
from sourcing_check.models.facts import WageFact, WageLine
from sourcing_check.models.project import ProjectPay, ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire


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
    )
    lines = [
        wage_line(
            Location(r.country, r.region, r, f"/vendor/pay/rates/{i}"),
            shared,
            ctx.reference,
            ctx.date,
        )
        for i, r in enumerate(pay.rates)
    ]
    return _summarise(lines, [])


def project_wage(inputs: Inputs, ctx: Context) -> WageFact | None:
    """Effective hourly wage per worker location of the project (project scope)."""
    project = inputs.project
    if project is None:
        return None
    missing: list[str] = []
    pay = project.pay
    locations = project.workers.locations if project.workers else []
    if pay is None:
        missing.append("/project/pay: how the project's tasks are paid")
    if not locations:
        missing.append("/project/workers/locations: where the project's workers are")
    if pay is None or not locations:
        return _summarise([], missing)
    shared = _project_shared(project, pay, inputs.vendor, ctx)
    lines = [
        wage_line(_project_location(pay, loc.country, loc.region), shared, ctx.reference, ctx.date)
        for loc in locations
    ]
    return _summarise(lines, missing)


def _project_location(pay: ProjectPay, country: str, region: str | None) -> Location:
    """The project's pay terms for one location, with its own rate where one is given."""
    for index, special in enumerate(pay.location_rates):
        same_region = (special.region or "").casefold() == (region or "").casefold()
        if special.country == country and same_region:
            update: dict[str, Any] = {"rate": special.rate}
            if special.contracted_hours_per_period is not None:
                update["contracted_hours_per_period"] = special.contracted_hours_per_period
            return Location(
                country,
                region,
                pay.model_copy(update=update),
                f"/project/pay/location_rates/{index}",
            )
    return Location(country, region, pay, "/project/pay")


def _project_shared(
    project: ProjectPlan, pay: ProjectPay, vendor: VendorQuestionnaire | None, ctx: Context
) -> Shared:
    """What the project's locations share; fee and rejection policy default to the vendor's."""
    minutes: Decimal | None = None
    minutes_basis: str | None = None
    pilot = project.pilot
    basis = ctx.params.get("wage_time_basis", "p75")
    if pay.model == "per_task" and pilot is not None and pilot.status == "completed":
        chosen = pilot.p75_minutes if basis == "p75" else pilot.median_minutes
        if chosen:
            minutes = chosen
            minutes_basis = f"pilot {'p75' if basis == 'p75' else 'median'} time"
    one_off = Decimal(0)
    for activity in (pay.qualification, pay.training):
        if activity is not None and activity.paid is False and activity.minutes:
            one_off += activity.minutes
    fee, fee_at = pay.fee_share_percent, "/project/pay/fee_share_percent"
    if fee is None and vendor is not None and vendor.pay is not None:
        fee, fee_at = vendor.pay.fee_share_percent, "/vendor/pay/fee_share_percent"
    rejection = project.rejection
    if (rejection is None or rejection.rejected_work_paid is None) and vendor:
        rejection = vendor.rejection or rejection
    return Shared(
        fee_percent=fee,
        fee_at=fee_at,
        rejection=rejection,
        rejection_at="/project/rejection",
        minutes=minutes,
        minutes_basis=minutes_basis,
        one_off_unpaid_minutes=one_off,
        tasks_per_worker=pay.tasks_per_worker,
    )


def _summarise(lines: list[WageLine], missing: list[str]) -> WageFact:
    """All locations, everything missing (named by place), and the lowest computed ratio."""
    for line in lines:
        missing.extend(m if line.place in m else f"{line.place}: {m}" for m in line.missing)
    computed = [(line.ratio, line) for line in lines if line.ratio is not None]
    if not computed:
        return WageFact(locations=lines, missing=missing)
    lowest_ratio, lowest = min(computed, key=lambda pair: pair[0])
    ages = [line.benchmark_age_years for _, line in computed]
    return WageFact(
        locations=lines,
        missing=missing,
        lowest_ratio=lowest_ratio,
        lowest=lowest,
        max_benchmark_age_years=max(age for age in ages if age is not None),
    )
