"""The one core call of every command: read the files, assess them; values out, no printing.
The top of the flow and, with the framework loader, the only caller of ``load/``: it reads
the framework, the reference tables and the inputs, and hands them down."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sourcing_check.assess import assess
from sourcing_check.decisions.decide import apply_decision
from sourcing_check.decisions.profiles import apply_profile, tailor
from sourcing_check.errors import InputError, Problem, in_reading_order
from sourcing_check.load.assessment import is_assessment_file, read_assessments
from sourcing_check.load.decision import load_decision as load_decision
from sourcing_check.load.kinds import load_any
from sourcing_check.load.plausibility import warnings_of
from sourcing_check.load.profile import load_profiles as load_profiles
from sourcing_check.load.profile import plan_profiles
from sourcing_check.load.reference import TableFiles, load_tables
from sourcing_check.load.subject import load_input, load_subject
from sourcing_check.load.wage_plausibility import wage_warnings
from sourcing_check.models.input_warning import InputWarning
from sourcing_check.models.profile import LoadedProfile
from sourcing_check.models.results import Assessment
from sourcing_check.models.subject import LoadedInput, Subject
from sourcing_check.reference.lookup import Reference
from sourcing_check.resources import default_framework_dir, reference_dir
from sourcing_check.rules.framework import Framework, load_framework

#: The bundled file of each reference table.
BUNDLED_TABLES = {
    "living_wages": "living-wages.yaml",
    "rates": "currency-rates.yaml",
    "minimum_wages": "minimum-wages.yaml",
    "price_index": "price-index.yaml",
}


@dataclass(frozen=True)
class Settings:
    """What a check or report run is computed from. The tables given add rows to the bundled
    table of their kind and override its rows (by id or geography); with ``only_given_tables``
    they replace it. A kind with no file given uses the bundled table either way."""

    guidelines: Path = field(default_factory=default_framework_dir)
    living_wages: tuple[Path, ...] = ()
    rates: tuple[Path, ...] = ()
    minimum_wages: tuple[Path, ...] = ()
    price_index: tuple[Path, ...] = ()
    only_given_tables: bool = False
    date: dt.date = field(default_factory=dt.date.today)
    #: Files or directories outside a plan's directory that a plan may name.
    allow_outside: tuple[Path, ...] = ()
    #: Profiles to tailor the framework with, in order: files, or bundled profiles by name.
    profiles: tuple[str, ...] = ()
    #: The board's decision file on the one subject assessed.
    decision: Path | None = None

    def table_files(self) -> TableFiles:
        """The files of each table: the bundled one first unless replaced, then those given."""
        chosen: dict[str, tuple[Path, ...]] = {}
        for name, bundled in BUNDLED_TABLES.items():
            given: tuple[Path, ...] = getattr(self, name)
            base = () if given and self.only_given_tables else (reference_dir() / bundled,)
            chosen[name] = base + given
        return TableFiles(**chosen)

    def tables_read(self) -> list[Path]:
        """Every reference table file a run reads."""
        files = self.table_files()
        return [*files.living_wages, *files.rates, *files.minimum_wages, *files.price_index]


@dataclass(frozen=True)
class Loaded:
    """One file as read: its subject (an input) or its kind, or the problems that stop it."""

    path: Path
    subject: Subject | None
    problems: list[Problem]
    #: Answers that are valid but probably not what was meant (plausibility warnings).
    warnings: list[Problem] = field(default_factory=list)
    #: The kind of a valid file that is not an input ('guideline-profile', 'decision').
    other_kind: str | None = None

    @property
    def kind(self) -> str | None:
        """The kind of a valid file: an input's first kind (a plan's), or ``other_kind``."""
        first = self.subject and (self.subject.project or self.subject.vendor)
        return first.kind if first else self.other_kind

    def as_dict(self) -> dict[str, object]:
        """The JSON form 'validate --format json' lists: file, valid, kind, problems, warnings."""
        if self.problems:
            problems = [p.as_dict() for p in in_reading_order(self.problems)]
            return {"file": str(self.path), "valid": False, "problems": problems, "warnings": []}
        warnings = [w.as_dict() for w in in_reading_order(self.warnings)]
        head = {"file": str(self.path), "valid": True, "kind": self.kind, "problems": []}
        return {**head, "warnings": warnings}


@dataclass(frozen=True)
class Batch:
    """The outcome of a run: one assessment per good input, problems for the rest."""

    assessments: list[Assessment]
    problems: list[Problem]
    #: Every file the assessments were computed from (inputs, named questionnaires, tables).
    inputs: list[Path] = field(default_factory=list)
    #: Answers that are valid but probably not what was meant (plausibility warnings).
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class Basis:
    """What every assessment of a run shares: the framework, the reference tables, the
    profiles given on the command line, and each tailoring of the framework made (kept, so
    that a batch tailors it once per combination of profiles)."""

    framework: Framework
    reference: Reference
    profiles: list[LoadedProfile]
    tailored: dict[tuple[Path, ...], Framework] = field(default_factory=dict)


def load_reference_tables(settings: Settings) -> Reference:
    """Load the reference tables of a run (bundled, and those given); raise InputError."""
    return load_tables(settings.table_files())


def load_context(settings: Settings) -> Basis:
    """Load the framework, the reference tables and the profiles of the command line; raise
    InputError listing every problem."""
    problems: list[Problem] = []
    framework = reference = None
    profiles: list[LoadedProfile] = []
    try:
        framework = load_framework(settings.guidelines)
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        reference = load_reference_tables(settings)
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        profiles = load_profiles(settings.profiles)
    except InputError as exc:
        problems.extend(exc.problems)
    if problems or framework is None or reference is None:
        raise InputError(problems)
    return Basis(framework, reference, profiles)


def load_all(
    paths: list[Path], allow: Sequence[Path] = (), on: dt.date | None = None
) -> list[Loaded]:
    """Read and validate every input (broken ones become problems); ``on``: the assessment date."""
    loaded = []
    for path in paths:
        try:
            subject = load_subject(path, allow)
            loaded.append(Loaded(path, subject, [], warnings_of(subject, on)))
        except InputError as exc:
            loaded.append(Loaded(path, None, exc.problems))
    return loaded


def validate_all(
    paths: list[Path], allow_outside: Sequence[Path] = (), guidelines: Path | None = None
) -> list[Loaded]:
    """What 'validate' finds in each file: an input (with the questionnaire a plan names), a
    profile (P1xx, then P2xx and G2xx against the framework) or a decision file (D1xx, its
    shape: the rest needs an assessment); a broken file does not stop the others."""
    framework: Framework | None = None  # loaded for the first profile
    checked = []
    for path in paths:
        try:
            found = load_any(path, allow_outside)
            if isinstance(found, Subject):
                checked.append(Loaded(path, found, [], warnings_of(found)))
                continue
            if isinstance(found, LoadedProfile):
                framework = framework or load_framework(guidelines or default_framework_dir())
                apply_profile(framework, found)
            checked.append(Loaded(path, None, [], other_kind=found.model.kind))
        except InputError as exc:
            checked.append(Loaded(path, None, exc.problems))
    return checked


def load_one(path: Path) -> LoadedInput:  # a plan without its questionnaire; or InputError
    return load_input(path)


def framework_for(
    subject: Subject, basis: Basis, settings: Settings
) -> tuple[Framework, list[Path]]:
    """The framework a subject is assessed against, tailored by the profiles its plan names,
    then by those of the command line (each applied once), and the profile files read."""
    profiles: dict[Path, LoadedProfile] = {}
    for profile in [*plan_profiles(subject, settings.allow_outside), *basis.profiles]:
        profiles.setdefault(profile.document.path.resolve(), profile)
    key = tuple(profiles)
    if key not in basis.tailored:
        basis.tailored[key] = tailor(basis.framework, profiles.values())
    return basis.tailored[key], [p.document.path for p in profiles.values()]


def assess_subject(
    subject: Subject, settings: Settings, basis: Basis, warnings: list[Problem]
) -> tuple[Assessment, list[Path], list[Problem]]:
    """Assess one subject, with the board's decision when one is given and its plausibility
    ``warnings``; the assessment, the files read (inputs, profiles, decision) and the warnings
    with those of its wage figures (W208); or InputError."""
    framework, profile_files = framework_for(subject, basis, settings)
    assessment = assess(subject, framework, basis.reference, settings.date)
    read = [*(i.document.path for i in subject.inputs()), *profile_files]
    if settings.decision is not None:
        decision = load_decision(settings.decision)
        assessment = apply_decision(assessment, framework, decision)
        read.append(settings.decision)
    warnings = [*warnings, *wage_warnings(subject, assessment.facts)]
    shown = [InputWarning.of(w) for w in warnings]
    return assessment.model_copy(update={"warnings": shown}), read, warnings


def one_subject(decision: Path | None, count: int) -> list[Problem]:
    """The problem of a decision file given for more or fewer than one subject."""
    if decision is None or count == 1:
        return []
    message = f"a decision file is about one subject, but {count} were given"
    hint = "assess the subject the decision names on its own"
    return [Problem(str(decision), message, hint=hint)]


@dataclass(frozen=True)
class Assessed:
    """One input of a batch: its assessment or what stops it, files read, plausibility warnings."""

    assessment: Assessment | None
    problems: list[Problem]
    inputs: list[Path]
    warnings: list[Problem] = field(default_factory=list)


def assess_file(path: Path, settings: Settings, context: Basis) -> Assessed:
    """Read, validate and assess one input file (with the questionnaire a plan names)."""
    try:
        subject = load_subject(path, settings.allow_outside)
    except InputError as exc:
        return Assessed(None, exc.problems, [path])
    try:
        assessment, read, warnings = assess_subject(
            subject, settings, context, warnings_of(subject, settings.date)
        )
    except InputError as exc:
        return Assessed(None, exc.problems, [i.document.path for i in subject.inputs()])
    return Assessed(assessment, [], read, warnings)


def run(paths: list[Path], settings: Settings) -> Batch:
    """Assess the input files, all or none: every file is read so that every problem is
    reported, and when any file has a problem no assessment is made."""
    basis = load_context(settings)
    loaded = load_all(paths, settings.allow_outside, settings.date)  # W207 against --date
    problems = [problem for item in loaded for problem in item.problems]
    problems += one_subject(settings.decision, len(paths))
    if problems:
        return Batch([], problems)
    assessments: list[Assessment] = []
    warnings: list[Problem] = []
    read: list[Path] = settings.tables_read()
    for item in loaded:
        assert item.subject is not None
        try:
            assessment, files, found = assess_subject(item.subject, settings, basis, item.warnings)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        assessments.append(assessment)
        read += files
        warnings += found
    if problems:
        return Batch([], problems)
    return Batch(assessments, [], read, warnings)


def assessments_of(path: Path, settings: Settings) -> Batch:
    """The assessments a file gives, with the files read: read back from a canonical JSON file
    or a report PDF, or made from an input file (with ``settings``); raise InputError listing
    every problem."""
    if is_assessment_file(path):
        return Batch(read_assessments(path), [], [path])
    batch = run([path], settings)
    if batch.problems:
        raise InputError(batch.problems)
    return batch
