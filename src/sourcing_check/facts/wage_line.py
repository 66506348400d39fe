"""The wage working of one worker location, in named steps, from the pay as stated to the ratio.

net_pay_per_hour = gross pay per hour x (1 - fee share) x share of tasks paid
effective_hourly = net_pay_per_hour / (1 + unpaid time per paid time)
ratio            = effective_hourly (in the benchmark's currency) / living wage per hour
required pay     = pay / ratio   (the pay at which the ratio is exactly 1)

Each step records what it lacked in ``missing`` and shows its arithmetic as a ``WageStep``;
the line is computed only when nothing is missing. When only answers that could lower the pay
are missing (fees, unpaid time, unpaid rejections), pay before them is an upper bound, and a
bound below the living wage (or, where none is known, below the statutory minimum wage) is a
shortfall shown now.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sourcing_check.facts.money import ONE, divisor, money, percent
from sourcing_check.facts.money import q as _q
from sourcing_check.facts.wage_basis import basis_step, gross_asked
from sourcing_check.facts.wage_benchmark import (
    Yardstick,
    conversion,
    living_wage,
    minimum_wage,
)
from sourcing_check.facts.wage_floor import below_floor
from sourcing_check.facts.wage_fulltime import full_time
from sourcing_check.facts.wage_observed import observed
from sourcing_check.facts.wage_shortfall import Basis, shortfall
from sourcing_check.facts.wage_take_home import fee_of, in_currency, paid_fraction_of, take_home
from sourcing_check.facts.wage_time import paid_time
from sourcing_check.facts.wage_vendor import with_vendor_figure
from sourcing_check.facts.wage_working import Location, Setting, Shared, Working
from sourcing_check.models.common import Money
from sourcing_check.models.facts import ConversionInfo, WageLine
from sourcing_check.reference.lookup import Conversion


def wage_line(location: Location, shared: Shared, setting: Setting) -> WageLine:
    """Compute the effective hourly wage of one location against its living wage."""
    work, against = Working(), Working()  # the pay's working, then the benchmark's
    line: dict[str, Any] = {
        "country": location.country,
        "region": location.region,
        "place": location.place,
    }
    living = living_wage(location, setting, against)
    if living is not None:
        living = with_vendor_figure(location, living, setting, against)
        living = full_time(location, living, setting, against)
        line["benchmark"] = living.benchmark
        line["benchmark_age_years"] = living.age
        if living.vendor is not None:
            line["vendor_benchmark"] = living.vendor
    measure = living or minimum_wage(location, setting, against)
    if living is None and measure is not None:
        measure = full_time(location, measure, setting, against)
    if measure is not None and measure.floor is not None:
        line["floor"] = measure.floor
    _reads(location, shared, work)
    reached = _pay(location, shared, setting, measure, work, against, line)
    work.absorb(against)
    if reached is not None and living is not None:
        short = below_floor(location, living, *reached, setting, work)
        if short is not None:
            line["shortfall"] = short
    seen = observed(location, measure, setting, work)
    if seen is not None:
        line["observed"], short = seen
        if short is not None and ("shortfall" not in line or short.ratio < line["shortfall"].ratio):
            line["shortfall"] = short
    return _line(line, work)


def _pay(
    location: Location,
    shared: Shared,
    setting: Setting,
    measure: Yardstick | None,
    work: Working,
    against: Working,
    line: dict[str, Any],
) -> tuple[Decimal, Basis] | None:
    """The pay's working against the measure: the full line, or a bound, as far as it goes;
    the effective pay per hour in the measure's currency and its basis, when it got there."""
    terms, rate = location.terms, location.terms.rate
    if terms.model is None or rate is None:
        _unstated(location, work)
        return None
    line.update(
        model=terms.model,
        rate=str(rate.amount),
        currency=rate.currency,
        period=rate.period,
        rate_at=f"{location.rate_at}/rate",
        rate_text=money(rate.amount, rate.currency) + f" per {rate.period}",
    )
    time = paid_time(location, terms.model, rate, shared, work)
    fee = fee_of(location, shared, work)
    # A salary does not depend on whether work is accepted; per-task and hourly pay can.
    paid_fraction = ONE if terms.model == "salaried" else paid_fraction_of(shared, work)
    found = conversion(rate.currency, measure, location, setting, against) if measure else None
    # the pay's own working: exact, or known but for answers that could only lower it
    exact, bound = not work.missing, work.only_lowering_missing
    if time.gross is None or measure is None or found is None:
        return None
    effective = take_home(time.gross, fee, paid_fraction, time.unpaid_ratio, rate.currency, work)
    effective = in_currency(effective, rate.currency, found, measure, setting, work)
    work.absorb(against)
    basis_step(location, measure, work)
    line["conversion"] = _conversion_info(found)
    ratio = effective / measure.hourly
    if gross_asked(location, measure, ratio, work):
        return None
    if exact and measure.kind == "living_wage":
        shown = _ratio_steps(ratio, rate, work)
        line.update(_figures(time.gross, fee, paid_fraction, time.unpaid_ratio, effective))
        line.update(_result(ratio, effective, rate, measure, shown))
        if ratio < 1:
            line["shortfall"] = shortfall(location.place, measure, effective, rate, "computed", [])
    elif bound:
        basis: Basis = "computed" if exact else "before_unanswered_deductions"
        at_most = "" if exact else ", at most (answers still missing could only lower it)"
        work.step(f"Share of the {_what(measure)}{at_most}", "pay / benchmark", percent(ratio))
        if exact:  # no living wage to compare with, but the pay is known: the table shows it
            line.update(_figures(time.gross, fee, paid_fraction, time.unpaid_ratio, effective))
            line["effective_hourly_text"] = money(effective, measure.currency)
        if ratio < 1:
            line["shortfall"] = shortfall(
                location.place, measure, effective, rate, basis, list(work.lowering)
            )
    else:
        return None
    return effective, "computed" if exact else "before_unanswered_deductions"


def _reads(location: Location, shared: Shared, work: Working) -> None:
    """Record the answers every step reads: the pay model, the rate, its basis, and what the
    locations share (a pilot's time, unpaid qualification and training...)."""
    terms = location.terms
    work.reads(f"{location.where}/model", terms.model)
    work.reads(f"{location.rate_at}/rate", terms.rate)
    work.reads(f"{location.where}/basis", terms.basis)
    for pointer, value in shared.read:
        work.reads(pointer, value)


def _unstated(location: Location, work: Working) -> None:
    """Record what a location lacks when its pay model or rate is not stated."""
    if location.terms.model is None:
        work.lacks(f"{location.where}/model: the pay model (per_task, hourly or salaried)")
    if location.terms.rate is None:
        work.lacks(f"{location.rate_at}/rate: the pay rate")


def _line(line: dict[str, Any], work: Working) -> WageLine:
    """The line as far as the working got: what is missing, the steps, the caveats."""
    if work.caveats:
        line["caveats"] = work.caveats
    if work.read:
        line["answers_read"] = work.read
    return WageLine(**line, missing=work.missing, steps=work.steps)


def _what(measure: Yardstick) -> str:
    return "living wage" if measure.kind == "living_wage" else "statutory minimum wage"


def _ratio_steps(ratio: Decimal, rate: Money, work: Working) -> tuple[str, str | None]:
    """The share of the living wage, and the pay that would make it exactly 1; the texts of
    both (the pay's None when the share is 0)."""
    ratio_text = percent(ratio)
    work.step("Share of the living wage", "effective / living wage", ratio_text)
    if not ratio:
        return ratio_text, None
    required = money(rate.amount / ratio, rate.currency, up=True)
    share = divisor(rate.amount, ratio, rate.currency, required)
    work.step(
        "Pay that exactly reaches the living wage",
        f"{money(rate.amount, rate.currency)} / {share} (pay / its share of the living wage)",
        required + f" per {rate.period}",
    )
    return ratio_text, required


def _figures(
    gross: Decimal,
    fee: Decimal | None,
    paid_fraction: Decimal | None,
    unpaid_ratio: Decimal,
    effective: Decimal,
) -> dict[str, Any]:
    """The exact figures of a computed line, rounded to six places for storage."""
    return {
        "gross_hourly": _q(gross),
        "fee_percent": _q(fee or Decimal(0)),
        "paid_fraction": _q(paid_fraction if paid_fraction is not None else ONE),
        "unpaid_ratio": _q(unpaid_ratio),
        "effective_hourly": _q(effective),
    }


def _result(
    ratio: Decimal,
    effective: Decimal,
    rate: Money,
    measure: Yardstick,
    shown: tuple[str, str | None],
) -> dict[str, Any]:
    """The ratio, the required rate and the texts of a computed line (``shown``: the ratio's
    and the required rate's, as the steps print them)."""
    required = rate.amount / ratio if ratio else None
    ratio_text, required_text = shown
    return {
        "effective_hourly_text": money(effective, measure.currency),
        "living_wage_hourly": _q(measure.hourly),
        "living_wage_hourly_text": measure.hourly_text,
        "ratio": _q(ratio),
        "ratio_text": ratio_text,
        "required_rate": _q(required) if required is not None else None,
        "required_rate_text": (
            f"{required_text} per {rate.period}" if required_text is not None else None
        ),
    }


def _conversion_info(found: Conversion) -> ConversionInfo:
    """The conversion as the line shows it."""
    return ConversionInfo(
        from_=found.source,
        to=found.target,
        factor=_q(found.factor),
        as_of=found.dated.isoformat() if found.dated else found.as_of,
        source=found.citation,
        url=found.url,
    )
