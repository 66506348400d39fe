"""The effective hourly wage per worker location, against its living wage, with the working.

net_pay_per_hour = gross pay per hour x (1 - fee share) x share of tasks paid
effective_hourly = net_pay_per_hour / (1 + unpaid time per paid time)
ratio            = effective_hourly (in the benchmark's currency) / living wage per hour
required pay     = pay / ratio   (the pay at which the ratio is exactly 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.facts.money import HUNDRED, ONE, SIXTY, money, percent
from sourcing_check.facts.money import q as _q
from sourcing_check.models.common import PayTerms, Rejection
from sourcing_check.models.facts import WageFact, WageLine
from sourcing_check.models.project import ProjectPay


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}%"


@dataclass(frozen=True)
class _Line:
    """One worker location with the pay terms that apply there."""

    country: str
    region: str | None
    terms: PayTerms
    where: str  # subject pointer of the terms


def _wage_line(
    line: _Line,
    fee_percent: Decimal | None,
    rejection: Rejection | None,
    extras: Mapping[str, Any],
    ctx: Context,
) -> WageLine:
    """Compute the effective hourly wage of one location against its living wage."""
    terms = line.terms
    place = line.country + (f" ({line.region})" if line.region else "")
    missing: list[str] = []
    steps: list[dict[str, str]] = []
    out: dict[str, Any] = {"country": line.country, "region": line.region, "place": place}
    rate = terms.rate
    if terms.model is None:
        missing.append(f"{line.where}/model: the pay model (per_task, hourly or salaried)")
    if rate is None:
        missing.append(f"{line.where}/rate: the pay rate")
    if missing or rate is None:
        return WageLine.model_validate({**out, "missing": missing, "steps": steps})
    currency = rate.currency
    out.update(model=terms.model, rate=str(rate.amount), currency=currency, period=rate.period)

    unpaid_parts: list[str] = []
    gross: Decimal | None = None
    unpaid_ratio = Decimal(0)
    paid_minutes: Decimal | None = extras.get("minutes") or terms.minutes_per_task
    one_off = extras.get("one_off_unpaid_minutes", Decimal(0))
    tasks_per_worker = extras.get("tasks_per_worker")
    if terms.model == "per_task":
        if rate.period != "task":
            missing.append(f"{line.where}/rate/period: per-task pay needs a rate per task")
        elif paid_minutes is None or paid_minutes == 0:
            missing.append(f"{line.where}/minutes_per_task: the time a task takes")
        else:
            gross = rate.amount * SIXTY / paid_minutes
            steps.append(
                {
                    "label": "Gross pay per hour of task time",
                    "formula": f"{money(rate.amount, currency)} x 60 / "
                    f"{paid_minutes.normalize():f} min"
                    + (f" ({extras['minutes_basis']})" if "minutes_basis" in extras else ""),
                    "value": money(gross, currency),
                }
            )
            if terms.unpaid_minutes_per_task is None:
                missing.append(
                    f"{line.where}/unpaid_minutes_per_task: unpaid time per task "
                    "(searching, reading instructions; 0 if none)"
                )
            else:
                unpaid_ratio = terms.unpaid_minutes_per_task / paid_minutes
                unpaid_parts.append(f"{terms.unpaid_minutes_per_task.normalize():f} min per task")
    else:
        hours = terms.contracted_hours_per_period
        if rate.period == "hour":
            gross = rate.amount
        elif rate.period == "task":
            missing.append(
                f"{line.where}/rate/period: {terms.model} pay needs a rate per hour "
                "or per salary period"
            )
        elif not hours:
            missing.append(
                f"{line.where}/contracted_hours_per_period: the hours the "
                f"{rate.period}ly pay covers"
            )
        else:
            gross = rate.amount / hours
            steps.append(
                {
                    "label": "Gross pay per contracted hour",
                    "formula": f"{money(rate.amount, currency)} / "
                    f"{hours.normalize():f} h per {rate.period}",
                    "value": money(gross, currency),
                }
            )
        if terms.unpaid_hours_per_period is None:
            missing.append(
                f"{line.where}/unpaid_hours_per_period: unpaid hours per period (0 if none)"
            )
        elif terms.unpaid_hours_per_period and hours:
            unpaid_ratio = terms.unpaid_hours_per_period / hours
            unpaid_parts.append(
                f"{terms.unpaid_hours_per_period.normalize():f} h per "
                f"{rate.period} over {hours.normalize():f} h"
            )
        elif terms.unpaid_hours_per_period:
            missing.append(
                f"{line.where}/contracted_hours_per_period: needed to weigh unpaid hours"
            )
    if one_off:
        if not tasks_per_worker or not paid_minutes:
            missing.append(
                f"{line.where}/tasks_per_worker: to spread "
                f"{one_off.normalize():f} unpaid one-off minutes over tasks"
            )
        else:
            unpaid_ratio += one_off / tasks_per_worker / paid_minutes
            unpaid_parts.append(
                f"{one_off.normalize():f} min unpaid qualification/training over "
                f"{tasks_per_worker.normalize():f} tasks"
            )
    if unpaid_ratio:
        steps.append(
            {
                "label": "Unpaid time per hour of paid time",
                "formula": " + ".join(unpaid_parts)
                + (
                    f", per {paid_minutes.normalize():f} paid min"
                    if paid_minutes and terms.model == "per_task"
                    else ""
                ),
                "value": f"{(unpaid_ratio * 60).quantize(Decimal('0.1'))} min",
            }
        )

    if fee_percent is None:
        missing.append(f"{extras['fee_at']}: the share of pay taken as fees (0 if none)")
    # A salary does not depend on whether work is accepted; per-task and hourly pay can.
    paid_fraction = (
        ONE
        if terms.model == "salaried"
        else _paid_fraction(rejection, extras["rejection_at"], missing)
    )
    benchmark = ctx.reference.benchmark(line.country, line.region)
    if benchmark is None:
        missing.append(
            f"living-wage benchmark for {place}: none in the living-wage table; "
            "add one with --living-wages"
        )
    conversion = ctx.reference.convert(currency, benchmark.currency) if benchmark else None
    if benchmark is not None and conversion is None:
        missing.append(
            f"currency rate {currency} -> {benchmark.currency}: none in the rates "
            "table; add one with --rates"
        )
    if missing or gross is None or fee_percent is None or paid_fraction is None:
        return WageLine.model_validate({**out, "missing": missing, "steps": steps})
    assert benchmark is not None and conversion is not None

    net = gross * (ONE - fee_percent / HUNDRED)
    if fee_percent:
        steps.append(
            {
                "label": "After fees",
                "formula": f"x (1 - {_pct(fee_percent)})",
                "value": money(net, currency),
            }
        )
    net *= paid_fraction
    if paid_fraction != ONE:
        steps.append(
            {
                "label": "After unpaid rejections",
                "formula": f"x {paid_fraction.normalize():f} (share of tasks paid)",
                "value": money(net, currency),
            }
        )
    effective = net / (ONE + unpaid_ratio)
    if unpaid_ratio:
        steps.append(
            {
                "label": "Counting unpaid time",
                "formula": f"/ (1 + {unpaid_ratio.quantize(Decimal('0.0001'))})",
                "value": money(effective, currency),
            }
        )
    effective_lw = effective * conversion.factor
    if conversion.factor != ONE:
        steps.append(
            {
                "label": f"In {benchmark.currency}",
                "formula": f"x {conversion.factor.quantize(Decimal('0.0001'))} "
                f"({conversion.citation}, {conversion.as_of})",
                "value": money(effective_lw, benchmark.currency),
            }
        )
    living = benchmark.hourly
    steps.append(
        {
            "label": "Living wage per hour",
            "formula": f"{money(benchmark.amount, benchmark.currency)} per "
            f"{benchmark.period} / {benchmark.hours_per_period.normalize():f} h "
            f"({benchmark.publisher}, {benchmark.year})",
            "value": money(living, benchmark.currency),
        }
    )
    ratio = effective_lw / living
    required = rate.amount / ratio if ratio else None
    steps.append(
        {
            "label": "Share of the living wage",
            "formula": "effective / living wage",
            "value": percent(ratio),
        }
    )
    if required is not None:
        steps.append(
            {
                "label": "Pay that exactly reaches the living wage",
                "formula": f"{money(rate.amount, currency)} / {ratio.quantize(Decimal('0.0001'))}",
                "value": money(required, currency, up=True) + f" per {rate.period}",
            }
        )
    age = ctx.date.year - benchmark.year
    return WageLine.model_validate(
        {
            **out,
            "missing": [],
            "steps": steps,
            "gross_hourly": _q(gross),
            "fee_percent": _q(fee_percent),
            "paid_fraction": _q(paid_fraction),
            "unpaid_ratio": _q(unpaid_ratio),
            "effective_hourly": _q(effective_lw),
            "effective_hourly_text": money(effective_lw, benchmark.currency),
            "living_wage_hourly": _q(living),
            "living_wage_hourly_text": money(living, benchmark.currency),
            "ratio": _q(ratio),
            "ratio_text": percent(ratio),
            "required_rate": _q(required) if required is not None else None,
            "rate_text": money(rate.amount, currency) + f" per {rate.period}",
            "required_rate_text": (
                money(required, currency, up=True) + f" per {rate.period}"
                if required is not None
                else None
            ),
            "benchmark": {
                "id": benchmark.id,
                "amount_text": money(benchmark.amount, benchmark.currency),
                "amount": str(benchmark.amount),
                "currency": benchmark.currency,
                "period": benchmark.period,
                "hours_per_period": str(benchmark.hours_per_period),
                "year": benchmark.year,
                "publisher": benchmark.publisher,
                "source_title": benchmark.source_title,
                "source_url": benchmark.source_url,
                "household_basis": benchmark.household_basis,
                "region": benchmark.region,
            },
            "benchmark_age_years": age,
            "conversion": {
                "from": currency,
                "to": benchmark.currency,
                "factor": _q(conversion.factor),
                "as_of": conversion.as_of,
                "source": conversion.citation,
                "url": conversion.url,
            },
        }
    )


def _paid_fraction(rejection: Rejection | None, at: str, missing: list[str]) -> Decimal | None:
    if rejection is None or rejection.rejected_work_paid is None:
        missing.append(f"{at}/rejected_work_paid: whether rejected work is paid")
        return None
    if rejection.rejected_work_paid != "never":
        return ONE
    if rejection.expected_rate_percent is None:
        missing.append(f"{at}/expected_rate_percent: the share of work rejected unpaid")
        return None
    return ONE - rejection.expected_rate_percent / HUNDRED


def _summarise(lines: list[WageLine], missing: list[str]) -> WageFact:
    computed = [(line.ratio, line) for line in lines if line.ratio is not None]
    for line in lines:
        missing.extend(m if line.place in m else f"{line.place}: {m}" for m in line.missing)
    if not computed:
        return WageFact(locations=lines, missing=missing)
    lowest_ratio, lowest = min(computed, key=lambda pair: pair[0])
    return WageFact(
        locations=lines,
        missing=missing,
        lowest_ratio=lowest_ratio,
        lowest=lowest,
        max_benchmark_age_years=max(line.benchmark_age_years or 0 for _, line in computed),
    )


def vendor_wage(inputs: Inputs, ctx: Context) -> WageFact | None:
    """Effective hourly wage per location from the vendor's rates (vendor scope)."""
    vendor = inputs.vendor
    if vendor is None:
        return None
    pay = vendor.pay
    if pay is None or not pay.rates:
        return _summarise([], ["/vendor/pay/rates: pay per worker location"])
    extras = {"fee_at": "/vendor/pay/fee_share_percent", "rejection_at": "/vendor/rejection"}
    lines = [
        _wage_line(
            _Line(r.country, r.region, r, f"/vendor/pay/rates/{i}"),
            pay.fee_share_percent,
            vendor.rejection,
            extras,
            ctx,
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
    extras: dict[str, Any] = {
        "fee_at": "/project/pay/fee_share_percent",
        "rejection_at": "/project/rejection",
    }
    pilot = project.pilot
    basis = ctx.params.get("wage_time_basis", "p75")
    if pay.model == "per_task" and pilot is not None and pilot.status == "completed":
        chosen = pilot.p75_minutes if basis == "p75" else pilot.median_minutes
        if chosen:
            extras["minutes"] = chosen
            extras["minutes_basis"] = f"pilot {'p75' if basis == 'p75' else 'median'} time"
    one_off = Decimal(0)
    for activity in (pay.qualification, pay.training):
        if activity is not None and activity.paid is False and activity.minutes:
            one_off += activity.minutes
    extras["one_off_unpaid_minutes"] = one_off
    extras["tasks_per_worker"] = pay.tasks_per_worker
    fee = pay.fee_share_percent
    if fee is None and inputs.vendor is not None and inputs.vendor.pay is not None:
        fee = inputs.vendor.pay.fee_share_percent
        extras["fee_at"] = "/vendor/pay/fee_share_percent"
    rejection = project.rejection
    if (rejection is None or rejection.rejected_work_paid is None) and inputs.vendor:
        rejection = inputs.vendor.rejection or rejection
    lines = [
        _wage_line(_project_line(pay, loc.country, loc.region), fee, rejection, extras, ctx)
        for loc in locations
    ]
    return _summarise(lines, missing)


def _project_line(pay: ProjectPay, country: str, region: str | None) -> _Line:
    """The project's pay terms for one location, with its own rate where one is given."""
    for index, special in enumerate(pay.location_rates):
        same_region = (special.region or "").casefold() == (region or "").casefold()
        if special.country == country and same_region:
            update: dict[str, Any] = {"rate": special.rate}
            if special.contracted_hours_per_period is not None:
                update["contracted_hours_per_period"] = special.contracted_hours_per_period
            return _Line(
                country,
                region,
                pay.model_copy(update=update),
                f"/project/pay/location_rates/{index}",
            )
    return _Line(country, region, pay, "/project/pay")
