"""Hints the CLI adds after an assessment: how to supply what the bundled tables lack."""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.facts.wage_benchmark import NO_BENCHMARK, NO_RATE
from sourcing_check.models.results import Assessment

#: A gap in the reference tables: its kind, the place, and the input file it was met in.
Gap = tuple[str, str, str]


def table_gaps(a: Assessment) -> list[Gap]:
    """The gaps in the reference tables that ``a`` met: (kind of gap, place, file) each."""
    gaps = []
    met_in = a.files[0].path if a.files else ""  # the file given: the plan, or a questionnaire
    for fact in (a.facts.project_wage, a.facts.vendor_wage):
        for line in fact.locations if fact is not None else []:
            for missing in line.missing:
                kinds = [gap for gap in (NO_BENCHMARK, NO_RATE) if gap in missing]
                gaps += [(gap, line.place, met_in) for gap in kinds]
    return gaps


def table_hints(assessments: Sequence[Assessment]) -> list[str]:
    """One hint per kind of gap in the reference tables, naming where it occurs."""
    gaps = [gap for a in assessments for gap in table_gaps(a)]
    return hints_for(gaps, named=len(assessments) > 1)


def hints_for(gaps: Sequence[Gap], *, named: bool = False) -> list[str]:
    """One hint per kind of gap, naming each place once, in the order met; with ``named`` (a
    run over several files), each place with the files it was met in."""
    found: dict[str, dict[str, list[str]]] = {NO_BENCHMARK: {}, NO_RATE: {}}
    for gap, place, met_in in gaps:
        files = found[gap].setdefault(place, [])
        files += [met_in] if met_in and met_in not in files else []
    places = {gap: [_place(p, f, named) for p, f in found[gap].items()] for gap in found}
    hints = []
    if places[NO_BENCHMARK]:
        countries = sorted({place.split(" ")[0] for place in found[NO_BENCHMARK]})
        hints.append(
            f"hint: no living-wage benchmark for {', '.join(places[NO_BENCHMARK])}: "
            "--living-wages FILE adds its rows to the bundled table (a row with the same id or "
            "place replaces the bundled one), so write a table with a cited row for each and "
            "pass it; 'sourcing-check reference list living-wages --country "
            f"{countries[0]}' shows what is bundled and where none was found"
        )
    if places[NO_RATE]:
        hints.append(
            f"hint: no currency rate for the pay in {', '.join(places[NO_RATE])}: --rates FILE "
            "adds its rates to the bundled table, so write a table with a dated, cited rate "
            "(per USD, as the bundled one) and pass it"
        )
    return hints


def _place(place: str, files: list[str], named: bool) -> str:
    """A place, with the files it was met in when the run read several (at most three)."""
    if not named or not files:
        return place
    shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    return f"{place} (in {shown})"
