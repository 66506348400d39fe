"""The wage working of one worker location, in named steps, from the pay as stated to the ratio.

net_pay_per_hour = gross pay per hour x (1 - fee share) x share of tasks paid
effective_hourly = net_pay_per_hour / (1 + unpaid time per paid time)
ratio            = effective_hourly (in the benchmark's currency) / living wage per hour
required pay     = pay / ratio   (the pay at which the ratio is exactly 1)

Each step records what it lacked in ``missing`` and shows its arithmetic as a ``WageStep``;
the line is computed only when nothing is missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sourcing_check.facts.money import HUNDRED, ONE, fixed, money, percent
from sourcing_check.facts.money import q as _q
from sourcing_check.facts.wage_time import paid_time
from sourcing_check.facts.wage_working import Location, Shared, Working
from sourcing_check.models.common import Money, PayModel, Rejection
from sourcing_check.models.facts import BenchmarkInfo, ConversionInfo, WageLine
from sourcing_check.reference.lookup import Conversion, Reference
from sourcing_check.reference.tables import LivingWage

#: What a location lacks when the tables do not cover it (the CLI adds how to supply it).
NO_BENCHMARK = "none in the living-wage table"
NO_RATE = "none in the currency-rates table"

_FOUR_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class _Figures:
    """The computed figures of a location, exact."""

    gross: Decimal
    fee_percent: Decimal
    paid_fraction: Decimal
    unpaid_ratio: Decimal
    effective: Decimal  # in the benchmark's currency
    living: Decimal
    ratio: Decimal
    required: Decimal | None  # None when the pay is 0


def wage_line(location: Location, shared: Shared, reference: Reference, date: dt.date) -> WageLine:
    """Compute the effective hourly wage of one location against its living wage."""
    work = Working()
    terms, rate = location.terms, location.terms.rate
    if terms.model is None:
        work.missing.append(f"{location.where}/model: the pay model (per_task, hourly or salaried)")
    if rate is None:
        work.missing.append(f"{location.where}/rate: the pay rate")
    if terms.model is None or rate is None:
        return WageLine(
            country=location.country,
            region=location.region,
            place=location.place,
            missing=work.missing,
            steps=work.steps,
        )
    time = paid_time(location, terms.model, rate, shared, work)
    if shared.fee_percent is None:
        work.missing.append(f"{shared.fee_at}: the share of pay taken as fees (0 if none)")
    # A salary does not depend on whether work is accepted; per-task and hourly pay can.
    paid_fraction = (
        ONE
        if terms.model == "salaried"
        else _paid_fraction(shared.rejection, shared.rejection_at, work)
    )
    benchmark = _benchmark(location, reference, work)
    conversion = _conversion(rate.currency, benchmark, reference, work)
    if (
        work.missing
        or time.gross is None
        or shared.fee_percent is None
        or paid_fraction is None
        or benchmark is None
        or conversion is None
    ):
        return _not_computed(location, terms.model, rate, work)
    effective = _take_home(
        time.gross, shared.fee_percent, paid_fraction, time.unpaid_ratio, rate.currency, work
    )
    effective = _in_benchmark_currency(effective, conversion, benchmark, work)
    living = _living_wage(benchmark, work)
    ratio, required = _ratio_and_required(effective, living, rate, work)
    figures = _Figures(
        gross=time.gross,
        fee_percent=shared.fee_percent,
        paid_fraction=paid_fraction,
        unpaid_ratio=time.unpaid_ratio,
        effective=effective,
        living=living,
        ratio=ratio,
        required=required,
    )
    return _computed(location, terms.model, rate, work, figures, benchmark, conversion, date)


def _paid_fraction(rejection: Rejection | None, at: str, work: Working) -> Decimal | None:
    """The share of tasks paid: less than 1 only when rejected work is never paid."""
    if rejection is None or rejection.rejected_work_paid is None:
        work.missing.append(f"{at}/rejected_work_paid: whether rejected work is paid")
        return None
    if rejection.rejected_work_paid != "never":
        return ONE
    if rejection.expected_rate_percent is None:
        work.missing.append(f"{at}/expected_rate_percent: the share of work rejected unpaid")
        return None
    return ONE - rejection.expected_rate_percent / HUNDRED


def _benchmark(location: Location, reference: Reference, work: Working) -> LivingWage | None:
    """The living-wage benchmark of the location, regional where there is one."""
    benchmark = reference.benchmark(location.country, location.region)
    if benchmark is None:
        work.missing.append(f"living-wage benchmark for {location.place}: {NO_BENCHMARK}")
    return benchmark


def _conversion(
    currency: str, benchmark: LivingWage | None, reference: Reference, work: Working
) -> Conversion | None:
    """The conversion from the pay's currency to the benchmark's, when there is a benchmark."""
    if benchmark is None:
        return None
    conversion = reference.convert(currency, benchmark.currency)
    if conversion is None:
        work.missing.append(f"currency rate {currency} -> {benchmark.currency}: {NO_RATE}")
    return conversion


def _take_home(
    gross: Decimal,
    fee_percent: Decimal,
    paid_fraction: Decimal,
    unpaid_ratio: Decimal,
    currency: str,
    work: Working,
) -> Decimal:
    """Effective pay per hour worked: after fees and unpaid rejections, counting unpaid time."""
    net = gross * (ONE - fee_percent / HUNDRED)
    if fee_percent:
        work.step("After fees", f"x (1 - {fee_percent.normalize():f}%)", money(net, currency))
    net *= paid_fraction
    if paid_fraction != ONE:
        work.step(
            "After unpaid rejections",
            f"x {paid_fraction.normalize():f} (share of tasks paid)",
            money(net, currency),
        )
    effective = net / (ONE + unpaid_ratio)
    if unpaid_ratio:
        work.step(
            "Counting unpaid time",
            f"/ (1 + {fixed(unpaid_ratio, _FOUR_PLACES)})",
            money(effective, currency),
        )
    return effective


def _in_benchmark_currency(
    effective: Decimal, conversion: Conversion, benchmark: LivingWage, work: Working
) -> Decimal:
    """The effective pay in the benchmark's currency."""
    converted = effective * conversion.factor
    if conversion.factor != ONE:
        work.step(
            f"In {benchmark.currency}",
            f"x {fixed(conversion.factor, _FOUR_PLACES)} "
            f"({conversion.citation}, {conversion.as_of})",
            money(converted, benchmark.currency),
        )
    return converted


def _living_wage(benchmark: LivingWage, work: Working) -> Decimal:
    """The living wage per hour of the benchmark."""
    living = benchmark.hourly
    work.step(
        "Living wage per hour",
        f"{money(benchmark.amount, benchmark.currency)} per {benchmark.period} / "
        f"{benchmark.hours_per_period.normalize():f} h "
        f"({benchmark.publisher}, {benchmark.year})",
        money(living, benchmark.currency),
    )
    return living


def _ratio_and_required(
    effective: Decimal, living: Decimal, rate: Money, work: Working
) -> tuple[Decimal, Decimal | None]:
    """The share of the living wage, and the pay that would make it exactly 1."""
    ratio = effective / living
    required = rate.amount / ratio if ratio else None
    work.step("Share of the living wage", "effective / living wage", percent(ratio))
    if required is not None:
        work.step(
            "Pay that exactly reaches the living wage",
            f"{money(rate.amount, rate.currency)} / {fixed(ratio, _FOUR_PLACES)}",
            money(required, rate.currency, up=True) + f" per {rate.period}",
        )
    return ratio, required


def _not_computed(location: Location, model: PayModel, rate: Money, work: Working) -> WageLine:
    """A line with the pay as stated, what is missing, and the steps so far."""
    return WageLine(
        country=location.country,
        region=location.region,
        place=location.place,
        model=model,
        rate=str(rate.amount),
        currency=rate.currency,
        period=rate.period,
        missing=work.missing,
        steps=work.steps,
    )


def _computed(
    location: Location,
    model: PayModel,
    rate: Money,
    work: Working,
    figures: _Figures,
    benchmark: LivingWage,
    conversion: Conversion,
    date: dt.date,
) -> WageLine:
    """The full line: figures exact and formatted, the benchmark and the conversion."""
    per = f" per {rate.period}"
    required = figures.required
    return WageLine(
        country=location.country,
        region=location.region,
        place=location.place,
        model=model,
        rate=str(rate.amount),
        currency=rate.currency,
        period=rate.period,
        missing=[],
        steps=work.steps,
        gross_hourly=_q(figures.gross),
        fee_percent=_q(figures.fee_percent),
        paid_fraction=_q(figures.paid_fraction),
        unpaid_ratio=_q(figures.unpaid_ratio),
        effective_hourly=_q(figures.effective),
        effective_hourly_text=money(figures.effective, benchmark.currency),
        living_wage_hourly=_q(figures.living),
        living_wage_hourly_text=money(figures.living, benchmark.currency),
        ratio=_q(figures.ratio),
        ratio_text=percent(figures.ratio),
        required_rate=_q(required) if required is not None else None,
        rate_text=money(rate.amount, rate.currency) + per,
        required_rate_text=(
            money(required, rate.currency, up=True) + per if required is not None else None
        ),
        benchmark=_benchmark_info(benchmark),
        benchmark_age_years=date.year - benchmark.year,
        conversion=ConversionInfo(
            from_=rate.currency,
            to=benchmark.currency,
            factor=_q(conversion.factor),
            as_of=conversion.as_of,
            source=conversion.citation,
            url=conversion.url,
        ),
    )


def _benchmark_info(benchmark: LivingWage) -> BenchmarkInfo:
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
    )
