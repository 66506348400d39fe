"""Plausibility warnings: answers that are valid but probably not what was meant, located.

A warning does not stop anything (``--strict`` makes it a problem): 0.3 in a percentage field
reads as 0.3%, 48 contracted hours on a monthly salary as 48 hours a month, 72.000 as 72. Each
says what the answer is read as and how to write what was probably meant.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from sourcing_check.errors import Problem
from sourcing_check.models.document import Document, join_pointer
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.subject import LoadedInput, Subject
from sourcing_check.models.vendor import VendorQuestionnaire

#: Plausible contracted hours per period: (fewest, most); None where no bound is set.
_HOURS: dict[str, tuple[int | None, int | None]] = {"month": (60, 300), "week": (None, 84)}


class _When(NamedTuple):
    """The date answers are checked against, and its name in a warning."""

    day: dt.date
    words: str


def warnings_of(subject: Subject, on: dt.date | None = None) -> list[Problem]:
    """Every plausibility warning of a subject's documents, in document order; ``on`` is the
    assessment date (today where none is given, as for 'validate')."""
    found: list[Problem] = []
    when = _When(on, "the assessment date") if on else _When(dt.date.today(), "today")
    for loaded in (subject.vendor, subject.project):
        if loaded is not None:
            found.extend(_document_warnings(loaded.document, when))
    if subject.vendor is not None:
        found.extend(_tied_permits(subject.vendor.document))
    if subject.vendor is not None and subject.project is not None:
        found.extend(_countries(subject.project, subject.vendor))
    return found


def _document_warnings(document: Document, on: _When) -> list[Problem]:
    """The warnings of one document's answers, in document order."""
    found: list[Problem] = []
    _visit(document, document.data, "", found, on)
    return found


def _visit(document: Document, data: Any, pointer: str, found: list[Problem], on: _When) -> None:
    """Add the warnings of every value held in a mapping anywhere in ``data`` (at
    ``pointer``), each value's own before those of the values it holds (one recursive call a
    mapping or list, where a generator for each level cost more than the checks)."""
    if isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, dict | list):
                at = join_pointer(pointer, index)
                if isinstance(value, dict) and _HOURS_KEYS & value.keys():
                    found.extend(_hours(document, at, value))  # a vendor's rate per location
                _visit(document, value, at, found, on)
        return
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if key in _DATED and (late := _after(document, pointer, key, value, on)) is not None:
            found.append(late)
        if key.endswith("_percent") and _number(value) and 0 < value < 1:
            exact = Decimal(str(value))
            shown, meant = format(exact, "f"), format((exact * 100).normalize(), "f")
            found.append(
                document.problem(
                    join_pointer(pointer, key),
                    f"{shown} reads as {shown}%; write {meant} for {meant}%",
                    "percentages are written out of 100",
                    code="W201",
                )
            )
        if key == "amount" and "currency" in data and _thousands(value):
            whole = format(value.normalize(), "f")
            found.append(
                document.problem(
                    join_pointer(pointer, key),
                    f"{value} reads as {whole}; write {whole}000 if the point separates thousands",
                    "write amounts without thousands separators",
                    code="W204",
                )
            )
        if isinstance(value, dict | list):
            at = join_pointer(pointer, key)
            if isinstance(value, dict) and _HOURS_KEYS & value.keys():
                found.extend(_hours(document, at, value))
            if key == "locations" and isinstance(value, list):
                found.extend(_shares(document, at, value))
            _visit(document, value, at, found, on)


#: The keys of answers that date what has already happened: the answers given, a document, pay
#: observed, a benchmark or rating (``_after`` decides by where they are held).
_DATED = frozenset({"answered_on", "date", "period_from", "period_to", "year"})
_EVIDENCE_ITEM = re.compile(r"/evidence/\d+$")
_BENCHMARK = re.compile(r"/living_wage_benchmark(/figures/\d+)?$")


def _after(document: Document, pointer: str, key: str, value: Any, on: _When) -> Problem | None:
    """A date (or year) of what has already happened that is after the assessment date."""
    if key == "year":
        what = (
            "a benchmark's reference year"
            if _BENCHMARK.search(pointer)
            else "a rating's year"
            if pointer.endswith("/independent_rating")
            else ""
        )
        if (
            not what
            or not isinstance(value, int)
            or isinstance(value, bool)
            or value <= on.day.year
        ):
            return None
        message = f"{value} is after the year of {on.words}, {on.day.year}"
    else:
        what = (
            "the date the answers were given"
            if key == "answered_on"
            else "a document's date"
            if key == "date" and _EVIDENCE_ITEM.search(pointer)
            else "pay observed"
            if key in _DATED and pointer.endswith("/observed_earnings")
            else ""
        )
        day = _day(value) if what else None
        if day is None or day <= on.day:
            return None
        message = f"{day.isoformat()} is after {on.words}, {on.day.isoformat()}"
    hint = f"{what} cannot be later than {on.words}: check the year"
    return document.problem(join_pointer(pointer, key), message, hint, code="W207")


def _day(value: Any) -> dt.date | None:
    """A date as answered: a date, a spreadsheet's date and time, or 'YYYY-MM-DD' text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


#: The keys of terms whose hours ``_hours`` checks (terms without either have none).
_HOURS_KEYS = frozenset({"contracted_hours", "contracted_hours_per_period"})


def _number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _thousands(value: Any) -> bool:
    """A decimal written with exactly three zeros after the point, e.g. 72.000."""
    if not isinstance(value, Decimal) or not value.is_finite():
        return False
    exponent = value.as_tuple().exponent
    return exponent == -3 and value == value.to_integral_value() and value != 0


def _hours(document: Document, pointer: str, terms: dict[str, Any]) -> Iterator[Problem]:
    """Contracted hours outside what a period can plausibly hold."""
    given = terms.get("contracted_hours")
    rate = terms.get("rate")
    if isinstance(given, dict) and _number(given.get("hours")):
        hours, per, at = given["hours"], given.get("per"), f"{pointer}/contracted_hours/hours"
    elif _number(terms.get("contracted_hours_per_period")) and isinstance(rate, dict):
        hours, per = terms["contracted_hours_per_period"], rate.get("period")
        at = f"{pointer}/contracted_hours_per_period"
        if per in ("hour", "task"):
            shown = format(Decimal(str(hours)).normalize(), "f")
            yield document.problem(
                at,
                f"contracted_hours_per_period is per the rate's period, and a rate per {per} "
                "has no hours per period: the figure is not used",
                f"state the hours with their period: contracted_hours: {{hours: {shown}, "
                "per: month} (or week)",
                code="W205",
            )
            return
    else:
        return
    fewest, most = _HOURS.get(str(per), (None, None))
    shown = format(Decimal(str(hours)).normalize(), "f")
    if fewest is not None and hours < fewest:
        yield document.problem(
            at,
            f"{shown} contracted hours a {per} is under {fewest}",
            f"if {shown} is a weekly figure, write contracted_hours: {{hours: {shown}, per: week}}",
            code="W202",
        )
    elif most is not None and hours > most:
        yield document.problem(
            at,
            f"{shown} contracted hours a {per} is over {most}",
            "check the figure and its period (contracted_hours: {hours: ..., per: ...})",
            code="W202",
        )


def _shares(document: Document, pointer: str, locations: list[Any]) -> Iterator[Problem]:
    """Workforce shares that do not add up to 100."""
    shares = [loc.get("share_percent") for loc in locations if isinstance(loc, dict)]
    given = [Decimal(str(share)) for share in shares if isinstance(share, int | float | Decimal)]
    if not given:
        return
    total = sum(given, Decimal(0))
    if (len(given) == len(shares) and total != 100) or total > 100:
        yield document.problem(
            pointer,
            f"the shares of the locations sum to {format(total, 'f')}, not 100",
            "give each location's share of the workers in %, summing to 100",
            code="W203",
        )


def _tied_permits(document: Document) -> Iterator[Problem]:
    """Migrant workers (whose right to stay depends on the job) beside permits said not to be
    tied to the vendor: PAI-3.17's safeguards then do not apply, which one answer denies."""
    data = document.data if isinstance(document.data, dict) else {}
    workforce, recruitment = data.get("workforce"), data.get("recruitment")
    groups = workforce.get("vulnerable_groups") if isinstance(workforce, dict) else None
    tied = recruitment.get("work_permits_tied") if isinstance(recruitment, dict) else None
    if tied is False and isinstance(groups, list) and "migrant_workers" in groups:
        yield document.problem(
            "/recruitment/work_permits_tied",
            "work_permits_tied is false, but the workforce lists migrant_workers, whose right to "
            "stay depends on the job: the tied-permit safeguards (PAI-3.17) then do not apply",
            "write work_permits_tied: true if any worker's permit or visa is tied to the job, "
            "or take migrant_workers out of vulnerable_groups",
            code="W206",
        )


def _countries(project: LoadedInput, vendor: LoadedInput) -> Iterator[Problem]:
    """Project workers in a country the vendor's questionnaire does not list."""
    plan, questionnaire = project.model, vendor.model
    if not isinstance(plan, ProjectPlan) or not isinstance(questionnaire, VendorQuestionnaire):
        return
    workforce = questionnaire.workforce.locations if questionnaire.workforce else []
    known = {location.country for location in workforce}
    if not known or plan.workers is None:
        return
    for index, location in enumerate(plan.workers.locations):
        if location.country not in known:
            yield project.document.problem(
                f"/workers/locations/{index}/country",
                f"workers in {location.country}, a country the vendor's questionnaire "
                f"({vendor.document.name}) does not list among its workforce locations",
                "check the plan's locations, or ask the vendor to add the country",
                code="W301",
            )
