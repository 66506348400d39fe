"""The answers an assessment's facts record, read from the canonical assessment alone (so a
diff can compare an assessment read back from JSON or a report PDF): every answer each wage
line's working read (``answers_read``: hours, unpaid time, the rejection policy, the pilot's
time, the fee, the rate...), and the plan's price as answered. The findings quote the
answers their checks read; the wage and price facts do not, so without these a diff showed a
wage fall and not the answer that moved it.

An assessment written before the wage lines recorded what they read records less: each line's
rate (``rate_at``) and its fee, the fee's place told from the working's steps, as before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sourcing_check.models.facts import WageLine
from sourcing_check.models.numbers import plain_json
from sourcing_check.models.results import Assessment

#: Where a share of pay taken as fees is answered.
_VENDOR_FEE = "/vendor/pay/fee_share_percent"
_PROJECT_FEE = "/project/pay/fee_share_percent"
#: The step a plan's wage line shows when it takes its vendor's fee (facts/wage_take_home).
_VENDOR_FEE_STEP = "Fees (the vendor's answer)"
_PRICE = "/project/sourcing/price"


def recorded_answers(a: Assessment) -> dict[str, Any]:
    """The answers the facts were computed from that the assessment records, by pointer in
    the subject, as plain JSON (None: read and not answered), the first recording of each (an
    answer is the same on every line that reads it); a rate as its line states it."""
    found: dict[str, Any] = {}
    for pointer, value in _wage_answers(a):
        found.setdefault(pointer, value)
    price = a.facts.price
    if price is not None and price.price_text is not None:
        # as answered: its price per worker-hour moves with the task time, listed on its own
        # (an assessment written before the price was recorded so has none to compare)
        found[_PRICE] = price.price_text
    return found


def _wage_answers(a: Assessment) -> Iterator[tuple[str, Any]]:
    for payer, fact in (("project", a.facts.project_wage), ("vendor", a.facts.vendor_wage)):
        for line in fact.locations if fact is not None else []:
            if line.answers_read is None:
                yield from _written_before(line, payer)
                continue
            for pointer, value in line.answers_read.items():
                shown = pointer == line.rate_at and line.rate is not None
                # numbers as JSON numbers: an assessment read back gives its numbers as Decimals
                yield pointer, _rate(line) if shown else plain_json(value, numbers=True)


def _written_before(line: WageLine, payer: str) -> Iterator[tuple[str, Any]]:
    """What a line written before ``answers_read`` records: its rate and its fee (the fee as
    ``answers_read`` gives it, so that such an assessment compares with a newer one)."""
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
    """Where the fee a line written before ``answers_read`` takes is answered: the vendor's
    answer for its own rates, and for a plan's line when the plan states none of its own (its
    working says so)."""
    if payer == "vendor" or any(step.label == _VENDOR_FEE_STEP for step in line.steps):
        return _VENDOR_FEE
    return _PROJECT_FEE


def lacks(a: Assessment, pointer: str) -> bool:
    """True when a fact of ``a`` names ``pointer`` among what it lacks."""
    named = f"{pointer}:"
    facts = (a.facts.project_wage, a.facts.vendor_wage, a.facts.price)
    return any(named in missing for fact in facts if fact is not None for missing in fact.missing)


def file_of(a: Assessment, pointer: str) -> str | None:
    """The input file holding ``pointer`` (the questionnaire's or the plan's), as recorded."""
    role = "vendor-questionnaire" if pointer.startswith("/vendor/") else "project-plan"
    return next((f.path for f in a.files if f.role == role), None)
