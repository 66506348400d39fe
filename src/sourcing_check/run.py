"""The one core call of every command: read the files, assess them; values out, no printing.

This is the top of the flow and, with the framework loader, the only caller of ``load/``:
it reads the framework, the reference tables and the inputs, and hands them down.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sourcing_check.assess import assess
from sourcing_check.decisions.decide import apply_decision
from sourcing_check.decisions.profiles import tailor
from sourcing_check.errors import InputError, Problem
from sourcing_check.load.assessment import is_assessment_file, read_assessments
from sourcing_check.load.decision import load_decision
from sourcing_check.load.profile import load_profile, profile_path
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


def load_all(paths: list[Path]) -> list[Loaded]:
    """Read and validate every input; a broken file becomes problems and the others go on."""
    loaded = []
    for path in paths:
        try:
            loaded.append(Loaded(path, load_subject(path), []))
        except InputError as exc:
            loaded.append(Loaded(path, None, exc.problems))
    return loaded


def load_one(path: Path) -> LoadedInput:
    """Read and validate one input file on its own (a plan without the questionnaire it
    names); raise InputError listing every problem."""
    return load_input(path)


def load_profiles(names: tuple[str, ...]) -> list[LoadedProfile]:
    """Read the profiles named on the command line; raise InputError listing every problem."""
    loaded: list[LoadedProfile] = []
    problems: list[Problem] = []
    for name in names:
        try:
            loaded.append(load_profile(profile_path(name)))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return loaded


def plan_profiles(subject: Subject) -> list[LoadedProfile]:
    """Read the profiles a project plan names (beside the plan, or bundled by name); a file
    that cannot be read is an I302 problem at the plan's pointer."""
    plan = subject.project_model
    if plan is None or not plan.profile or subject.project is None:
        return []
    document = subject.project.document
    loaded: list[LoadedProfile] = []
    for index, name in enumerate(plan.profile):
        path = profile_path(name, document.path.parent)
        if not path.is_file():
            message = f"names a profile that cannot be read: {name}"
            hint = "a bundled profile's name, or a profile file relative to the plan"
            problem = document.problem(f"/profile/{index}", message, hint, code="I302")
            raise InputError([problem])
        loaded.append(load_profile(path))
    return loaded


def framework_for(
    subject: Subject,
    framework: Framework,
    cli: list[LoadedProfile],
    tailored: dict[tuple[str, ...], Framework],
) -> Framework:
    """The framework a subject is assessed against: tailored by the profiles its plan names,
    then by those given on the command line (each applied once); ``tailored`` keeps each
    combination made, so a batch tailors it once."""
    profiles: dict[str, LoadedProfile] = {}
    for profile in [*plan_profiles(subject), *cli]:
        profiles.setdefault(str(profile.document.path.resolve()), profile)
    key = tuple(profiles)
    if key not in tailored:
        tailored[key] = tailor(framework, profiles.values())
    return tailored[key]


def run(paths: list[Path], settings: Settings) -> Batch:
    """Assess the input files, all or none: every file is read so that every problem is
    reported, and when any file has a problem no assessment is made."""
    framework, reference = load_context(settings)
    cli_profiles = load_profiles(settings.profiles)
    loaded = load_all(paths)
    problems = [problem for item in loaded for problem in item.problems]
    if problems:
        return Batch([], problems)
    frameworks: list[Framework] = []
    tailored: dict[tuple[str, ...], Framework] = {}
    for item in loaded:
        assert item.subject is not None
        try:
            frameworks.append(framework_for(item.subject, framework, cli_profiles, tailored))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        return Batch([], problems)
    subjects = [item.subject for item in loaded if item.subject is not None]
    assessments = [
        assess(s, f, reference, settings.date) for s, f in zip(subjects, frameworks, strict=True)
    ]
    if settings.decision is None:
        return Batch(assessments, [])
    try:
        return Batch([decided(assessments, frameworks, settings.decision)], [])
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
