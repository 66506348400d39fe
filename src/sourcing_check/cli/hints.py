"""Hints the CLI adds after an assessment: how to supply what the bundled tables lack."""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.facts.wage_line import NO_BENCHMARK, NO_RATE
from sourcing_check.models.results import Assessment


def table_gaps(a: Assessment) -> list[tuple[str, str]]:
    """The gaps in the reference tables that ``a`` met: (kind of gap, place) each."""
    gaps = []
    for fact in (a.facts.project_wage, a.facts.vendor_wage):
        for line in fact.locations if fact is not None else []:
            for missing in line.missing:
                gaps += [(gap, line.place) for gap in (NO_BENCHMARK, NO_RATE) if gap in missing]
    return gaps


def table_hints(assessments: Sequence[Assessment]) -> list[str]:
    """One hint per kind of gap in the reference tables, naming where it occurs."""
    return hints_for([gap for a in assessments for gap in table_gaps(a)])


def hints_for(gaps: Sequence[tuple[str, str]]) -> list[str]:
    """One hint per kind of gap, naming each place once, in the order met."""
    places: dict[str, list[str]] = {NO_BENCHMARK: [], NO_RATE: []}
    for gap, place in gaps:
        if place not in places[gap]:
            places[gap].append(place)
    hints = []
    if places[NO_BENCHMARK]:
        hints.append(
            f"hint: no living-wage benchmark for {', '.join(places[NO_BENCHMARK])}: "
            "--living-wages FILE replaces the bundled table, so copy "
            "guidelines/reference/living-wages.yaml, add a cited row for each, and pass the copy"
        )
    if places[NO_RATE]:
        hints.append(
            f"hint: no currency rate for the pay in {', '.join(places[NO_RATE])}: --rates FILE "
            "replaces the bundled table, so copy guidelines/reference/currency-rates.yaml, add "
            "a dated, cited rate, and pass the copy"
        )
    return hints
