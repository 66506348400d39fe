"""Pay per hour worked, step by step: after fees, unpaid rejections and unpaid time, then in
the benchmark's currency. Each step is printed so that a reader can redo it from what is
printed: where the figure of the step above is rounded too far for that, the step starts
from it with the places it takes ("USD 0.45332 (unrounded) x 856.795 ...")."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sourcing_check.facts.money import HUNDRED, ONE, money, redone
from sourcing_check.facts.wage_benchmark import Yardstick, rate_age_note
from sourcing_check.facts.wage_working import Location, Setting, Shared, Working
from sourcing_check.reference.lookup import Conversion

#: An operand given exactly (a fee, a share of tasks paid) is printed as it is.
_MOST = 12


def fee_of(location: Location, shared: Shared, work: Working) -> Decimal | None:
    """The share of pay taken as fees, saying so when a plan takes its vendor's answer."""
    fee = shared.fee_percent
    work.reads(shared.fee_at, fee)
    if fee is None:
        work.lacks(f"{shared.fee_at}: the share of pay taken as fees (0 if none)", lowers=True)
    elif shared.fee_at.startswith("/vendor/") and location.where.startswith("/project/"):
        work.step(
            "Fees (the vendor's answer)",
            f"the plan states none of its own, so the vendor's is used ({shared.fee_at})",
            f"{fee.normalize():f}%",
        )
    return fee


def paid_fraction_of(shared: Shared, work: Working) -> Decimal | None:
    """The share of tasks paid: less than 1 only when rejected work is never paid."""
    rejection, at = shared.rejection, shared.rejection_at
    if shared.rejection_from is not None:  # the plan's own is not given: its vendor's is taken
        work.reads(f"{at}/rejected_work_paid", None)
    taken = shared.rejection_from or at
    work.reads(f"{taken}/rejected_work_paid", rejection.rejected_work_paid if rejection else None)
    if rejection is None or rejection.rejected_work_paid is None:
        work.lacks(f"{at}/rejected_work_paid: whether rejected work is paid", lowers=True)
        return None
    if rejection.rejected_work_paid != "never":
        return ONE
    work.reads(f"{taken}/expected_rate_percent", rejection.expected_rate_percent)
    if rejection.expected_rate_percent is None:
        work.lacks(f"{at}/expected_rate_percent: the share of work rejected unpaid", lowers=True)
        return None
    return ONE - rejection.expected_rate_percent / HUNDRED


def take_home(
    gross: Decimal,
    fee_percent: Decimal | None,
    paid_fraction: Decimal | None,
    unpaid_ratio: Decimal,
    currency: str,
    work: Working,
) -> Decimal:
    """Effective pay per hour worked: after the fees, unpaid rejections and unpaid time known."""
    net = gross
    if fee_percent:
        net = gross * (ONE - fee_percent / HUNDRED)
        share = f"{fee_percent.normalize():f}%"
        start = _start(gross, fee_percent, _less_percent, currency, money(net, currency))
        work.step(
            "After fees", f"{start}x (1 - {share}): a fee of {share} of pay", money(net, currency)
        )
    if paid_fraction is not None and paid_fraction != ONE:
        before, net = net, net * paid_fraction
        start = _start(before, paid_fraction, _times, currency, money(net, currency))
        work.step(
            "After unpaid rejections",
            f"{start}x {paid_fraction.normalize():f} (share of tasks paid)",
            money(net, currency),
        )
    effective = net / (ONE + unpaid_ratio)
    if unpaid_ratio:
        shown = money(effective, currency)
        lead, ratio = redone(net, unpaid_ratio, _over_one_plus, currency, shown)
        start = f"{currency} {lead} (unrounded) " if lead else ""
        work.step(
            "Counting unpaid time",
            f"{start}/ (1 + {ratio}): {ratio} h unpaid per paid hour",
            shown,
        )
    return effective


def _times(amount: Decimal, factor: Decimal) -> Decimal:
    return amount * factor


def _less_percent(amount: Decimal, percent: Decimal) -> Decimal:
    return amount * (ONE - percent / HUNDRED)


def _over_one_plus(amount: Decimal, ratio: Decimal) -> Decimal:
    return amount / (ONE + ratio)


def _start(amount: Decimal, exact: Decimal, apply: Any, currency: str, shown: str) -> str:
    """'' when the figure printed above, put through a step with an exact operand, gives
    ``shown``; else that figure with the places it takes, to start the step's formula."""
    lead, _ = redone(amount, exact, apply, currency, shown, least=_MOST)
    return f"{currency} {lead} (unrounded) " if lead else ""


def in_currency(
    effective: Decimal,
    currency: str,
    found: Conversion,
    measure: Yardstick,
    setting: Setting,
    work: Working,
) -> Decimal:
    """The effective pay in the benchmark's currency, the rate's date (and age) shown."""
    converted = effective * found.factor
    if found.factor != ONE:
        shown = money(converted, measure.currency)
        lead, factor = redone(effective, found.factor, _times, measure.currency, shown)
        start = f"{currency} {lead} (unrounded) " if lead else ""
        work.step(
            f"In {measure.currency}",
            f"{start}x {factor} ({found.citation}, {rate_age_note(found, setting)})",
            shown,
        )
    return converted
