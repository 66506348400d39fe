"""The answers an assessment's facts record, read from the canonical assessment alone (so a
diff can compare an assessment read back from JSON or a report PDF): each wage line's pay rate
where it is answered (``rate_at``), the share of pay taken as fees (the vendor's answer or the
plan's), and the plan's price per worker-hour. The findings quote the answers their checks
read; the wage and price facts do not, so without these a diff showed a wage fall and not the
answer that moved it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sourcing_check.models.facts import WageLine
from sourcing_check.models.results import Assessment
from sourcing_check.rules.answers import plain_json

#: Where a share of pay taken as fees is answered.
_VENDOR_FEE = "/vendor/pay/fee_share_percent"
_PROJECT_FEE = "/project/pay/fee_share_percent"
#: The step a plan's wage line shows when it takes its vendor's fee (facts/wage_take_home).
_VENDOR_FEE_STEP = "Fees (the vendor's answer)"
_PRICE = "/project/sourcing/price"


def recorded_answers(a: Assessment) -> dict[str, Any]:
    """The answers the facts were computed from that the assessment records, by pointer
    in the subject: the first recording of each (a rate or fee is the same on every line
    that reads it)."""
    found: dict[str, Any] = {}
    for pointer, value in _wage_answers(a):
        found.setdefault(pointer, value)
    price = a.facts.price
    if price is not None and price.price_hourly_text is not None:
        found[_PRICE] = f"{price.price_hourly_text} per worker-hour"
    return found


def _wage_answers(a: Assessment) -> Iterator[tuple[str, Any]]:
    for payer, fact in (("project", a.facts.project_wage), ("vendor", a.facts.vendor_wage)):
        for line in fact.locations if fact is not None else []:
            if line.rate_at is not None and line.rate is not None:
                yield line.rate_at, _rate(line)
            if line.fee_percent is not None:
                yield _fee_at(line, payer), plain_json(line.fee_percent, numbers=True)


def _rate(line: WageLine) -> str:
    """The rate as its line states it ('KES 72,000.00 per month'), exact when not stated."""
    if line.rate_text is not None:
        return line.rate_text
    return " ".join(part for part in (line.currency, line.rate, line.period) if part)


def _fee_at(line: WageLine, payer: str) -> str:
    """Where the fee a line takes is answered: the vendor's answer for its own rates, and for
    a plan's line when the plan states none of its own (its working says so)."""
    if payer == "vendor" or any(step.label == _VENDOR_FEE_STEP for step in line.steps):
        return _VENDOR_FEE
    return _PROJECT_FEE
