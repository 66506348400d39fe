"""A shortfall: pay shown to be below a living wage or a statutory minimum, in one sentence."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from sourcing_check.facts.money import money, percent
from sourcing_check.facts.money import q as _q
from sourcing_check.facts.wage_benchmark import Yardstick
from sourcing_check.models.common import Money
from sourcing_check.models.facts import Shortfall

Basis = Literal["computed", "before_unanswered_deductions", "observed_earnings"]

#: The answers that can only lower pay, by a word in the pointer that names them.
_KINDS = {
    "fee_share_percent": "fees",
    "rejected_work_paid": "unpaid rejections",
    "expected_rate_percent": "unpaid rejections",
    "unpaid_minutes_per_task": "unpaid time",
    "unpaid_hours_per_period": "unpaid time",
    "contracted_hours": "unpaid time",
    "tasks_per_worker": "unpaid qualification and training",
}


def _kinds(unanswered: list[str]) -> str:
    """The kinds of answer still missing, in words: 'fees, unpaid time'."""
    found = {next((k for word, k in _KINDS.items() if word in item), "") for item in unanswered}
    order = list(dict.fromkeys(_KINDS.values()))
    return ", ".join(kind for kind in order if kind in found)


def shortfall(
    place: str,
    yardstick: Yardstick,
    pay_hourly: Decimal,
    rate: Money | None,
    basis: Basis,
    unanswered: list[str],
    lead: str = "",
    note: str = "",
) -> Shortfall:
    """The shortfall of pay per hour (in the yardstick's currency) against the yardstick;
    ``note`` replaces what a minimum-wage shortfall says of the living wage."""
    ratio = pay_hourly / yardstick.hourly
    pay_text = money(pay_hourly, yardstick.currency)
    if yardstick.kind == "living_wage":
        against = f"{percent(ratio)} of the living wage of {yardstick.hourly_text}"
    else:
        unknown = "; the living wage is unknown, so a pass cannot be shown"
        against = (
            f"below the statutory minimum wage of {yardstick.hourly_text} per hour for {place}"
            + (note or unknown)
        )
    if basis == "computed":
        text = f"Effective pay in {place} is {pay_text} per hour, {against}."
    elif basis == "observed_earnings":
        text = f"{lead} in {place} is {pay_text} per hour, {against}."
    else:
        kinds = _kinds(unanswered)
        text = (
            f"Pay in {place} is at most {pay_text} per hour before {kinds} (not answered yet), "
            f"{against}; those answers could only lower it further."
        )
    rate_text, required_text = _required(rate, ratio)
    raised = f"from {rate_text}" if rate is not None else "(the rate is not stated)"
    if required_text is not None:
        raised += f" to at least {required_text}"
    elif rate is None:
        raised += f" so that what workers earn reaches {yardstick.hourly_text} an hour"
    if yardstick.kind == "minimum_wage" and note:
        raised += " (the statutory minimum, which is above the living-wage benchmark)"
    elif yardstick.kind == "minimum_wage":
        raised += " (the statutory minimum; the living wage, not known, is higher)"
    elif basis == "before_unanswered_deductions":
        raised += f" (before {_kinds(unanswered)}, which would raise what is needed)"
    return Shortfall(
        place=place,
        against=yardstick.kind,
        basis=basis,
        ratio=_q(ratio),
        ratio_text=percent(ratio),
        pay_hourly_text=pay_text,
        benchmark_hourly_text=yardstick.hourly_text,
        rate_text=rate_text,
        required_rate_text=required_text,
        unanswered=unanswered,
        text=text,
        raise_text=raised,
    )


def _required(rate: Money | None, ratio: Decimal) -> tuple[str, str | None]:
    """The rate as stated, and the rate that would reach the benchmark (rounded up)."""
    if rate is None:
        return "(not stated)", None
    per = f" per {rate.period}"
    text = money(rate.amount, rate.currency) + per
    if not ratio:
        return text, None
    return text, money(rate.amount / ratio, rate.currency, up=True) + per
