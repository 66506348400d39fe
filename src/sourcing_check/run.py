"""The one core call of every command: read the files, assess them; values out, no printing.

This is the top of the flow and, with the framework loader, the only caller of ``load/``:
it reads the framework, the reference tables and the inputs, and hands them down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sourcing_check.assess import assess
from sourcing_check.decisions.decide import apply_decision
from sourcing_check.decisions.profiles import tailor
from sourcing_check.errors import InputError, Problem
from sourcing_check.load.assessment import is_assessment_file, read_assessments
from sourcing_check.load.decision import load_decision
from sourcing_check.load.profile import load_profiles as load_profiles
from sourcing_check.load.profile import plan_profiles
from sourcing_check.load.reference import load_reference
from sourcing_check.load.subject import load_input, load_subject
from sourcing_check.models.profile import LoadedProfile
from sourcing_check.models.results import Assessment
from sourcing_check.models.subject import LoadedInput, Subject
from sourcing_check.reference.lookup import Reference
from sourcing_check.resources import default_framework_dir, reference_dir
from sourcing_check.rules.framework import Framework, load_framework


@dataclass(frozen=True)
class Settings:
    """What a check or report run is computed from."""

    guidelines: Path = field(default_factory=default_framework_dir)
    living_wages: Path = field(default_factory=lambda: reference_dir() / "living-wages.yaml")
    rates: Path = field(default_factory=lambda: reference_dir() / "currency-rates.yaml")
    date: dt.date = field(default_factory=dt.date.today)
    #: Files or directories outside a plan's directory that a plan may name.
    allow_outside: tuple[Path, ...] = ()
    #: Profiles to tailor the framework with, in order: files, or bundled profiles by name.
    profiles: tuple[str, ...] = ()
    #: The board's decision file on the one subject assessed.
    decision: Path | None = None


@dataclass(frozen=True)
class Loaded:
    """One input file as read: its subject, or the problems that stop it."""

    path: Path
    subject: Subject | None
    problems: list[Problem]

    def as_dict(self) -> dict[str, object]:
        """The JSON form 'validate --format json' lists: file, valid, kind, problems."""
        if self.subject is None:
            problems = [p.as_dict() for p in self.problems]
            return {"file": str(self.path), "valid": False, "problems": problems}
        first = self.subject.project or self.subject.vendor
        kind = first.kind if first is not None else None
        return {"file": str(self.path), "valid": True, "kind": kind, "problems": []}


@dataclass(frozen=True)
class Batch:
    """The outcome of a run: one assessment per good input, problems for the rest."""

    assessments: list[Assessment]
    problems: list[Problem]
    #: Every file the assessments were computed from (inputs, named questionnaires, tables).
    inputs: list[Path] = field(default_factory=list)


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


def load_all(paths: list[Path], allow_outside: Sequence[Path] = ()) -> list[Loaded]:
    """Read and validate every input; a broken file becomes problems and the others go on."""
    loaded = []
    for path in paths:
        try:
            loaded.append(Loaded(path, load_subject(path, allow_outside), []))
        except InputError as exc:
            loaded.append(Loaded(path, None, exc.problems))
    return loaded


def load_one(path: Path) -> LoadedInput:
    """Read and validate one input file on its own (a plan without the questionnaire it
    names); raise InputError listing every problem."""
    return load_input(path)


def framework_for(
    subject: Subject,
    framework: Framework,
    cli: list[LoadedProfile],
    tailored: dict[tuple[Path, ...], Framework],
    settings: Settings,
) -> Framework:
    """The framework a subject is assessed against: tailored by the profiles its plan names,
    then by those given on the command line (each applied once); ``tailored`` keeps each
    combination made (by the profiles' files), so a batch tailors it once."""
    profiles: dict[Path, LoadedProfile] = {}
    for profile in [*plan_profiles(subject, settings.allow_outside), *cli]:
        profiles.setdefault(profile.document.path.resolve(), profile)
    key = tuple(profiles)
    if key not in tailored:
        tailored[key] = tailor(framework, profiles.values())
    return tailored[key]


def run(paths: list[Path], settings: Settings) -> Batch:
    """Assess the input files, all or none: every file is read so that every problem is
    reported, and when any file has a problem no assessment is made."""
    framework, reference = load_context(settings)
    cli_profiles = load_profiles(settings.profiles)
    loaded = load_all(paths, settings.allow_outside)
    problems = [problem for item in loaded for problem in item.problems]
    if problems:
        return Batch([], problems)
    frameworks: list[Framework] = []
    tailored: dict[tuple[Path, ...], Framework] = {}
    for item in loaded:
        assert item.subject is not None
        try:
            frameworks.append(
                framework_for(item.subject, framework, cli_profiles, tailored, settings)
            )
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        return Batch([], problems)
    subjects = [item.subject for item in loaded if item.subject is not None]
    assessments = [
        assess(s, f, reference, settings.date) for s, f in zip(subjects, frameworks, strict=True)
    ]
    profile_files = [path for key in tailored for path in key]
    read = [*input_files(subjects, settings), *profile_files]
    if settings.decision is None:
        return Batch(assessments, [], read)
    try:
        return Batch([decided(assessments, frameworks, settings.decision)], [], read)
    except InputError as exc:
        return Batch([], exc.problems)


def decided(
    assessments: list[Assessment], frameworks: list[Framework], decision: Path
) -> Assessment:
    """The one assessment with the board's decision file applied; raise InputError when there
    is more than one, or the decision file has problems."""
    if len(assessments) != 1:
        message = f"a decision file is about one subject, but {len(assessments)} were given"
        hint = "assess the subject the decision names on its own"
        raise InputError([Problem(str(decision), message, hint=hint)])
    return apply_decision(assessments[0], frameworks[0], load_decision(decision))


def assessments_of(path: Path, settings: Settings) -> list[Assessment]:
    """The assessments a file gives: read back from a canonical JSON file or a report PDF, or
    made from an input file (with ``settings``); raise InputError listing every problem."""
    if is_assessment_file(path):
        return read_assessments(path)
    batch = run([path], settings)
    if batch.problems:
        raise InputError(batch.problems)
    return batch.assessments


def input_files(subjects: Sequence[Subject], settings: Settings) -> list[Path]:
    """Every file read for ``subjects``: inputs, the questionnaires plans name, tables, and
    the decision file (profiles are added by ``run``)."""
    named = [i.document.path for s in subjects for i in s.inputs()]
    decision = [settings.decision] if settings.decision is not None else []
    return [*named, settings.living_wages, settings.rates, *decision]
