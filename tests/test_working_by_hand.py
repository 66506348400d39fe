"""Every step of a wage working that multiplies or divides the figure above it can be redone
by hand from what is printed: a board member with a calculator gets the printed result (to
the cent), where the figure above is rounded too far, the step starts from it unrounded."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

from sourcing_check.errors import InputError
from sourcing_check.models.facts import WageStep
from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES

NUMBER = r"[-\d,]+(?:\.\d+)?"
_AMOUNT = re.compile(rf"([A-Z]{{3}}) ({NUMBER})")
_LEAD = re.compile(rf"([A-Z]{{3}}) ({NUMBER}) \(unrounded\) ")
_FACTORS = (
    (re.compile(rf"x \(1 - ({NUMBER})%\)"), lambda n: 1 - n / 100),
    (re.compile(rf"/ \(1 \+ ({NUMBER})\)"), lambda n: 1 / (1 + n)),
    (re.compile(rf"x ({NUMBER})\b"), lambda n: n),
)


def _amount(text: str) -> Decimal | None:
    found = _AMOUNT.match(text)
    return Decimal(found.group(2).replace(",", "")) if found else None


def _redone(previous: Decimal | None, step: WageStep) -> tuple[Decimal, Decimal] | None:
    """(by hand, printed) for a step that applies a factor to the figure above; else None."""
    formula = step.formula
    lead = _LEAD.match(formula)
    if lead:
        previous, formula = Decimal(lead.group(2).replace(",", "")), formula[lead.end() :]
    printed = _amount(step.value)
    for pattern, factor in _FACTORS:
        found = pattern.match(formula)
        if found and previous is not None and printed is not None:
            by_hand = previous * factor(Decimal(found.group(1).replace(",", "")))
            return by_hand.quantize(printed, ROUND_HALF_EVEN), printed
    return None


def test_every_chained_step_of_every_example_is_redone_by_hand() -> None:
    paths = sorted(EXAMPLES.glob("*.yaml")) + sorted(EXAMPLES.glob("*/*.yaml"))
    checked, wrong = 0, []
    for path in paths:
        try:
            batch = run([path], Settings(date=dt.date(2026, 11, 24)))
        except InputError:  # a decision file or profile: not an input
            continue
        for a in batch.assessments:
            for fact in (a.facts.project_wage, a.facts.vendor_wage):
                for line in fact.locations if fact is not None else []:
                    previous = None
                    for step in line.steps:
                        done = _redone(previous, step)
                        if done is not None:
                            checked += 1
                            if done[0] != done[1]:
                                wrong.append(
                                    (Path(path).name, line.place, step.formula, step.value)
                                )
                        previous = _amount(step.value) or previous
    assert checked > 80
    assert not wrong, wrong


_FAIR_COST = re.compile(
    rf"({NUMBER}) an hour \(({NUMBER}) times the (?:living|statutory minimum) wage of "
    rf"[A-Z]{{3}} ({NUMBER})"
)


def test_the_fair_cost_of_every_price_line_is_its_factor_times_the_wage_printed() -> None:
    # '1.5 times the living wage of EUR 9.00' was printed for EUR 13.51 (1.5 x 9.00 = 13.50);
    # the fair cost is now costed on the wage as printed
    checked = 0
    for path in sorted(EXAMPLES.glob("*project.yaml")) + sorted(EXAMPLES.glob("*/*project.yaml")):
        (a,) = run([path], Settings(date=dt.date(2026, 11, 24))).assessments
        finding = next(f for f in a.findings if f.requirement == "PAI-1.19")
        for cost, factor, wage in _FAIR_COST.findall(finding.message):
            printed = Decimal(cost.replace(",", ""))
            by_hand = Decimal(factor) * Decimal(wage.replace(",", ""))
            assert by_hand.quantize(printed, ROUND_HALF_EVEN) == printed, finding.message
            checked += 1
    assert checked >= 3
