"""The vendor's own living-wage figure for a location, beside ours when it is higher.

Only a benchmark the vendor says is a living wage counts. Its figure is put per hour and into
our benchmark's currency; when higher than ours it is shown in the working, and with the
parameter prefer_higher_benchmark it replaces ours as the living wage compared with.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from sourcing_check.facts.money import money
from sourcing_check.facts.wage_benchmark import Yardstick
from sourcing_check.facts.wage_working import Location, Setting, Working
from sourcing_check.models.facts import VendorBenchmarkInfo


def with_vendor_figure(
    location: Location, ours: Yardstick, setting: Setting, work: Working
) -> Yardstick:
    """Our living wage, with the vendor's higher figure shown (and used when preferred)."""
    figure = setting.vendor_figure(location.country, location.region)
    benchmark = setting.vendor_benchmark
    if figure is None or benchmark is None:
        return ours
    work.reads(
        f"/vendor/pay/living_wage_benchmark/figures/{benchmark.figures.index(figure)}", figure
    )
    if figure.amount.period == "task":
        return ours
    hours = Decimal(1) if figure.amount.period == "hour" else figure.hours_per_period
    found = setting.reference.convert(figure.amount.currency, ours.currency)
    if not hours or found is None:
        return ours
    hourly = figure.amount.amount / hours * found.factor
    if hourly <= ours.hourly:
        return ours
    year = figure.year or benchmark.year
    source = (benchmark.source or "the vendor's benchmark") + (f", {year}" if year else "")
    used = setting.prefer_higher_benchmark
    work.step(
        "The vendor's living wage per hour, higher than ours"
        + (" (used: the framework prefers the higher)" if used else ""),
        f"{money(figure.amount.amount, figure.amount.currency)} per {figure.amount.period}"
        + (f" / {hours.normalize():f} h" if figure.amount.period != "hour" else "")
        + f" ({source})",
        money(hourly, ours.currency),
    )
    info = VendorBenchmarkInfo(hourly_text=money(hourly, ours.currency), source=source, used=used)
    if not used:
        return dataclasses.replace(ours, vendor=info)
    return dataclasses.replace(
        ours, hourly=hourly, hourly_text=money(hourly, ours.currency), vendor=info
    )
