"""Hints the CLI adds after an assessment: how to supply what the bundled tables lack."""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.facts.wage_line import NO_BENCHMARK, NO_RATE
from sourcing_check.models.results import Assessment


def table_hints(assessments: Sequence[Assessment]) -> list[str]:
    """One hint per kind of gap in the reference tables, naming where it occurs."""
    places: dict[str, list[str]] = {NO_BENCHMARK: [], NO_RATE: []}
    for a in assessments:
        for fact in (a.facts.project_wage, a.facts.vendor_wage):
            for line in fact.locations if fact is not None else []:
                for missing in line.missing:
                    for gap, found in places.items():
                        if gap in missing and line.place not in found:
                            found.append(line.place)
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
