"""Wiring for the commands: settings in, assessments and problems out. No printing here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sourcing_check.assess import assess
from sourcing_check.errors import InputError, Problem
from sourcing_check.load.reference import load_reference
from sourcing_check.load.subject import load_subject
from sourcing_check.models.results import Assessment
from sourcing_check.reference.lookup import Reference
from sourcing_check.resources import default_framework_dir, reference_dir
from sourcing_check.rules.framework import Framework, load_framework

#: Verdict severity, for --fail-on.
SEVERITY = {
    "approved": 0,
    "approved_with_conditions": 1,
    "information_needed": 2,
    "not_approved": 3,
}
#: --fail-on choices: the least severe verdict that makes the exit code 1 (None: never).
FAIL_ON = {"not-approved": 3, "information-needed": 2, "conditions": 1, "never": None}


@dataclass(frozen=True)
class Settings:
    """What a check or report run is computed from."""

    guidelines: Path = field(default_factory=default_framework_dir)
    living_wages: Path = field(default_factory=lambda: reference_dir() / "living-wages.yaml")
    rates: Path = field(default_factory=lambda: reference_dir() / "currency-rates.yaml")
    date: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class Batch:
    """The outcome of a run: one assessment per good input, problems for the rest."""

    assessments: list[Assessment]
    problems: list[Problem]


def load_context(settings: Settings) -> tuple[Framework, Reference]:
    """Load the framework and the reference tables; raise InputError on any problem."""
    problems: list[Problem] = []
    framework = reference = None
    try:
        framework = load_framework(settings.guidelines)
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        reference = load_reference(settings.living_wages, settings.rates)
    except InputError as exc:
        problems.extend(exc.problems)
    if problems or framework is None or reference is None:
        raise InputError(problems)
    return framework, reference


def run(paths: list[Path], settings: Settings) -> Batch:
    """Assess each input file; a broken file becomes problems and the others go on."""
    framework, reference = load_context(settings)
    assessments: list[Assessment] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            subject = load_subject(path)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        assessments.append(assess(subject, framework, reference, settings.date))
    return Batch(assessments, problems)


def exit_code(assessments: list[Assessment], fail_on: str) -> int:
    """0 when every verdict is better than the --fail-on threshold, else 1."""
    threshold = FAIL_ON[fail_on]
    if threshold is None:
        return 0
    worst = max((SEVERITY[a.verdict.value] for a in assessments), default=0)
    return 1 if worst >= threshold else 0
