"""What a location's pay is compared with: its living wage (brought forward by the price index
where it is old), or, where no living wage is known, the statutory minimum wage as a floor; and
the currency conversion to it, with the rate's age.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sourcing_check.facts.money import money, multiplier
from sourcing_check.facts.money import q as _q
from sourcing_check.facts.wage_working import Location, Setting, Working, recorded
from sourcing_check.models.facts import BenchmarkInfo, FloorInfo, VendorBenchmarkInfo
from sourcing_check.models.iso_codes import LOCAL_CURRENCIES
from sourcing_check.reference.lookup import Conversion
from sourcing_check.reference.price_index import PriceSeries
from sourcing_check.reference.tables import LivingWage, MinimumWage

#: What a location lacks when the tables do not cover it (the CLI adds how to supply it).
NO_BENCHMARK = "none in the living-wage table"
NO_RATE = "none in the currency-rates table"


@dataclass(frozen=True)
class Yardstick:
    """What pay is compared with, per hour, and where it comes from."""

    kind: Literal["living_wage", "minimum_wage"]
    currency: str
    hourly: Decimal
    hourly_text: str
    benchmark: BenchmarkInfo | None = None
    floor: FloorInfo | None = None
    age: int | None = None  # years from the figure used to the assessment
    vendor: VendorBenchmarkInfo | None = None  # the vendor's figure, when higher than ours
    period: str | None = None  # the period of the amount (month, week, year, hour)
    hours: Decimal | None = None  # the hours per period the amount assumes


def living_wage(location: Location, setting: Setting, work: Working) -> Yardstick | None:
    """The location's living wage per hour, brought forward where it is old; None if none."""
    key = (
        "living_wage",
        location.country,
        location.region,
        setting.date,
        setting.index_benchmarks,
        setting.max_benchmark_age_years,
    )  # everything it reads besides the tables: worked out once a run
    return recorded(setting, key, lambda own: _living_wage(location, setting, own), work)


def _living_wage(location: Location, setting: Setting, work: Working) -> Yardstick | None:
    match = setting.reference.living_wage(location.country, location.region)
    entry = match.entry
    if not isinstance(entry, LivingWage):
        known = f" ({match.note})" if match.note else ""
        work.lacks(f"living-wage benchmark for {location.place}: {NO_BENCHMARK}{known}")
        return None
    if match.note:
        work.step("Benchmark row", match.note, entry.id)
    amount, indexed_to, factor, series = _indexed(entry, setting, work)
    age = setting.date.year - (indexed_to or entry.year)
    text = _age_text(entry, indexed_to, series, setting)
    if age > setting.max_benchmark_age_years:
        work.caveats.append(
            f"{location.place}: benchmark from {entry.year}{text}: {age} years old "
            f"(the limit is {setting.max_benchmark_age_years})"
        )
    if entry.year > setting.date.year:
        work.caveats.append(
            f"{location.place}: benchmark from {entry.year}, after the assessment date "
            f"({setting.date.isoformat()}): a figure cannot stand for prices not yet seen; "
            "check the row's year, or the assessment date"
        )
    hourly = amount / entry.hours_per_period
    forward = f", brought forward to {indexed_to}" if indexed_to else ""
    work.step(
        "Living wage per hour",
        f"{money(amount, entry.currency)} per {entry.period} / "
        f"{entry.hours_per_period.normalize():f} h "
        f"({entry.publisher}, {entry.year}, {entry.gross_or_net}{forward})",
        money(hourly, entry.currency),
    )
    info = _benchmark_info(entry, match.note)
    if indexed_to is not None and factor is not None and series is not None:
        info = info.model_copy(
            update={
                "indexed_to": indexed_to,
                "index_factor": _q(factor),
                "index_source": f"{series.publisher}, {series.indicator}",
                "indexed_amount_text": money(amount, entry.currency),
            }
        )
    return Yardstick(
        "living_wage",
        entry.currency,
        hourly,
        money(hourly, entry.currency),
        info,
        age=age,
        period=entry.period,
        hours=entry.hours_per_period,
    )


def _indexed(
    entry: LivingWage, setting: Setting, work: Working
) -> tuple[Decimal, int | None, Decimal | None, PriceSeries | None]:
    """The amount brought forward by consumer prices as far as the series goes, and how far."""
    if not setting.index_benchmarks or entry.year >= setting.date.year:
        return entry.amount, None, None, None
    series = setting.reference.price_series(entry.country)
    if series is None or not _local(entry):
        return entry.amount, None, None, series
    # actual outturns only: a forecast does not bring a figure forward
    rates = {point.year: point.value for point in series.values if not point.projection}
    factor, reached = Decimal(1), None
    for year in range(entry.year + 1, setting.date.year + 1):
        if year not in rates:
            break
        factor *= 1 + rates[year] / 100
        reached = year
    if reached is None:
        return entry.amount, None, None, series
    amount = entry.amount * factor
    shown = money(amount, entry.currency)
    work.step(
        f"Benchmark brought forward to {reached} prices",
        f"{money(entry.amount, entry.currency)} ({entry.year}) x "
        f"{multiplier(entry.amount, factor, entry.currency, shown)} "
        f"(consumer prices {entry.year}-{reached}, {series.publishers(entry.year, reached)})",
        f"{shown} per {entry.period}",
    )
    return amount, reached, factor, series


def _age_text(
    entry: LivingWage, indexed_to: int | None, series: PriceSeries | None, setting: Setting
) -> str:
    """How far the benchmark was brought forward, in words (after 'benchmark from YEAR')."""
    if indexed_to is not None:
        return f", brought forward to {indexed_to} prices"
    if not setting.index_benchmarks or entry.year >= setting.date.year:
        return ""
    if series is None:
        return f", not indexed (no price index for {entry.country})"
    if not _local(entry):
        local = "/".join(sorted(LOCAL_CURRENCIES.get(entry.country, ()))) or "no currency"
        return (
            f", not indexed (the figure is in {entry.currency}; the price index for "
            f"{entry.country} measures prices in {local})"
        )
    following = next((p for p in series.values if p.year == entry.year + 1), None)
    if following is not None and following.projection:
        return f", not indexed ({entry.country}'s figure for {entry.year + 1} is a forecast)"
    return f", not indexed (no price index for {entry.country} for {entry.year + 1})"


def _local(entry: LivingWage) -> bool:
    """Whether the figure is in a currency of its own country, whose prices the country's
    index measures (a USD figure for Kenya is not brought forward by Kenyan inflation)."""
    return entry.currency in LOCAL_CURRENCIES.get(entry.country, frozenset())


def _benchmark_info(benchmark: LivingWage, matched: str | None) -> BenchmarkInfo:
    """The benchmark as the line shows it, with its provenance."""
    return BenchmarkInfo(
        id=benchmark.id,
        amount_text=money(benchmark.amount, benchmark.currency),
        amount=str(benchmark.amount),
        currency=benchmark.currency,
        period=benchmark.period,
        hours_per_period=str(benchmark.hours_per_period),
        year=benchmark.year,
        publisher=benchmark.publisher,
        source_title=benchmark.source_title,
        source_url=benchmark.source_url,
        household_basis=benchmark.household_basis,
        region=benchmark.region,
        gross_or_net=benchmark.gross_or_net,
        matched=matched,
        indexed_to=None,  # every field given: a benchmark always shows them all
        index_factor=None,
        index_source=None,
        indexed_amount_text=None,
    )


def minimum_wage(location: Location, setting: Setting, work: Working) -> Yardstick | None:
    """The statutory minimum wage of a location: a fail-only floor; None when it binds only
    some employers, or is not yet in force on the assessment date (a step then says so)."""
    key = ("minimum_wage", location.country, location.region, setting.date)
    return recorded(setting, key, lambda own: _minimum_wage(location, setting, own), work)


def _minimum_wage(location: Location, setting: Setting, work: Working) -> Yardstick | None:
    match = setting.reference.minimum_wage(location.country, location.region)
    entry = match.entry
    if not isinstance(entry, MinimumWage) or not entry.binds_all:
        return None  # a rate that binds only some employers proves no shortfall
    if entry.effective_date is not None and entry.effective_date > setting.date:
        # not yet law on the assessment date; the table holds no earlier rate to use instead
        work.step(
            "Statutory minimum wage (not applied)",
            f"{money(entry.amount, entry.currency)} per {entry.period} takes effect on "
            f"{entry.effective_date}, after the assessment date ({setting.date})",
            "not yet in force",
        )
        return None
    hourly = entry.hourly
    work.step(
        "Statutory minimum wage per hour (a floor: it can show a fail, never a pass)",
        f"{money(entry.amount, entry.currency)} per {entry.period} / "
        f"{entry.hours_per_period.normalize():f} h ({entry.publisher}, {entry.year})"
        + (f"; {match.note}" if match.note else ""),
        money(hourly, entry.currency),
    )
    floor = FloorInfo(
        id=entry.id,
        amount_text=f"{money(entry.amount, entry.currency)} per {entry.period}",
        hourly_text=money(hourly, entry.currency),
        year=entry.year,
        coverage=entry.coverage,
        publisher=entry.publisher,
        source_url=entry.source_url,
    )
    return Yardstick(
        "minimum_wage",
        entry.currency,
        hourly,
        money(hourly, entry.currency),
        None,
        floor,
        period=entry.period,
        hours=entry.hours_per_period,
    )


def conversion(
    currency: str, yardstick: Yardstick, location: Location, setting: Setting, work: Working
) -> Conversion | None:
    """The conversion from the pay's currency to the yardstick's, with the rate's age checked."""
    found = setting.reference.convert(currency, yardstick.currency)
    if found is None:
        work.lacks(f"currency rate {currency} -> {yardstick.currency}: {NO_RATE}")
        return None
    if found.dated is not None:
        days = (setting.date - found.dated).days
        said = f"{location.place}: the currency rate {currency} -> {yardstick.currency} is of "
        if days > setting.max_rate_age_days:
            work.caveats.append(
                f"{said}{found.dated.isoformat()}, {days} days before the assessment "
                f"(the limit is {setting.max_rate_age_days})"
            )
        elif days < 0:
            work.caveats.append(
                f"{said}{found.dated.isoformat()}, after the assessment date "
                f"({setting.date.isoformat()}): check the rate's date, or the assessment date"
            )
    return found


def rate_age_note(found: Conversion, setting: Setting) -> str:
    """The rate's date for the working, and its age when it is older than the limit."""
    if found.dated is None:
        return found.as_of
    days = (setting.date - found.dated).days
    if days > setting.max_rate_age_days:
        return (
            f"{found.dated.isoformat()}: {days} days old, "
            f"older than {setting.max_rate_age_days} days"
        )
    if days < 0:
        return f"{found.dated.isoformat()}: after the assessment date"
    return found.dated.isoformat()
