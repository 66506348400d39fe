"""Gross or take-home pay against a gross or net benchmark: what the difference allows."""

from __future__ import annotations

from decimal import Decimal

from sourcing_check.facts.money import percent
from sourcing_check.facts.wage_benchmark import Yardstick
from sourcing_check.facts.wage_working import Location, Working


def basis_step(location: Location, measure: Yardstick, work: Working) -> None:
    """Gross or take-home pay against a gross or net benchmark: named when they differ."""
    pay = location.terms.basis or "gross"
    against = measure.benchmark.gross_or_net if measure.benchmark is not None else "gross"
    if pay == "gross" and against == "net":
        stated = "" if location.terms.basis else " (gross when the basis is not stated)"
        work.step("Basis", f"gross pay{stated} against a net (take-home) benchmark", "not alike")
        work.caveats.append(
            f"{location.place}: gross pay{stated} is compared with a net (take-home) benchmark; "
            "income tax and contributions would lower it"
        )
    elif pay == "take_home" and against == "gross":
        work.step(
            "Basis",
            "take-home pay against a gross benchmark: a pass is sure; a shortfall may be "
            "overstated by the worker's income tax and contributions",
            "not alike",
        )


def take_home_against_gross(location: Location, measure: Yardstick) -> bool:
    """True when take-home pay is compared with a gross benchmark: a pass is sure, a shortfall
    is not (the gross pay, which decides, is higher)."""
    against = measure.benchmark.gross_or_net if measure.benchmark is not None else "gross"
    return location.terms.basis == "take_home" and against == "gross"


def gross_asked(location: Location, measure: Yardstick, ratio: Decimal, work: Working) -> bool:
    """Take-home pay below a gross benchmark proves no shortfall (income tax and contributions
    may be the gap): record the gross pay as missing and return True; else False."""
    if ratio >= 1 or not take_home_against_gross(location, measure):
        return False
    work.lacks(
        f"{location.where}/basis: pay stated as gross (take-home pay is {percent(ratio)} of "
        "a gross living wage, a gap that income tax and contributions may account for)"
    )
    return True
