"""Observed earnings: what workers were measured to earn per hour, compared on their own.

The figure compared is the 25th percentile when pay is judged on the pilot's p75 time (so that
three workers in four reach the living wage) and the source gives it, else the median. Below the
living wage (or, where none is known, the floor) it is a shortfall on its own, whatever the
computed figure says; above it proves nothing the working does not.
"""

from __future__ import annotations

from sourcing_check.facts.money import fixed, money, percent
from sourcing_check.facts.wage_benchmark import Yardstick
from sourcing_check.facts.wage_shortfall import shortfall
from sourcing_check.facts.wage_working import Location, Setting, Working
from sourcing_check.models.facts import ObservedInfo, Shortfall


def observed(
    location: Location, measure: Yardstick | None, setting: Setting, work: Working
) -> tuple[ObservedInfo, Shortfall | None] | None:
    """The observed earnings of a location as shown, and the shortfall they prove, if any."""
    seen = location.terms.observed_earnings
    work.reads(f"{location.rate_at}/observed_earnings", seen)
    if seen is None:
        return None
    judged = "p25" if setting.wage_time_basis == "p75" and seen.p25_hourly is not None else "median"
    figure = (
        seen.p25_hourly if judged == "p25" and seen.p25_hourly is not None else seen.median_hourly
    )
    period = (
        f", {seen.period_from.isoformat()} to {seen.period_to.isoformat()}"
        if seen.period_from and seen.period_to
        else ""
    )
    source = seen.source + period
    found = setting.reference.convert(seen.currency, measure.currency) if measure else None
    ratio = None
    if measure is not None and found is not None:
        ratio = figure * found.factor / measure.hourly
    what = "25th-percentile" if judged == "p25" else "median"
    work.step(
        f"Observed {what} effective pay per hour",
        f"{money(figure, seen.currency)} ({source})"
        + (f" x {fixed(found.factor, '0.0001')}" if found and found.factor != 1 else ""),
        f"{percent(ratio)} of the {_what(measure)}" if ratio is not None else "not compared",
    )
    info = ObservedInfo(
        median_text=money(seen.median_hourly, seen.currency),
        p25_text=money(seen.p25_hourly, seen.currency) if seen.p25_hourly is not None else None,
        judged=judged,
        ratio_text=percent(ratio) if ratio is not None else None,
        source=source,
    )
    if ratio is None or ratio >= 1 or measure is None or found is None:
        return info, None
    lead = f"Observed {what} effective pay ({source})"
    pay = figure * found.factor
    return info, shortfall(
        location.place, measure, pay, location.terms.rate, "observed_earnings", [], lead
    )


def _what(measure: Yardstick | None) -> str:
    if measure is None or measure.kind == "living_wage":
        return "living wage"
    return "statutory minimum wage"
