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
from sourcing_check.errors import InputError, Problem
from sourcing_check.load.plausibility import warnings_of
from sourcing_check.load.reference import TableFiles, load_tables
from sourcing_check.load.subject import load_input, load_subject
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
    """What a check or report run is computed from.

    The tables given add rows to the bundled table of their kind and override its rows (by id
    or geography); with ``only_given_tables`` they replace it. A kind with no file given uses
    the bundled table either way.
    """

    guidelines: Path = field(default_factory=default_framework_dir)
    living_wages: tuple[Path, ...] = ()
    rates: tuple[Path, ...] = ()
    minimum_wages: tuple[Path, ...] = ()
    price_index: tuple[Path, ...] = ()
    only_given_tables: bool = False
    date: dt.date = field(default_factory=dt.date.today)
    #: Files or directories outside a plan's directory that a plan may name.
    allow_outside: tuple[Path, ...] = ()

    def table_files(self) -> TableFiles:
        """The files of each table: the bundled one first unless replaced, then those given."""
        chosen: dict[str, tuple[Path, ...]] = {}
        for name, bundled in BUNDLED_TABLES.items():
            given: tuple[Path, ...] = getattr(self, name)
            base = () if given and self.only_given_tables else (reference_dir() / bundled,)
            chosen[name] = base + given
        return TableFiles(**chosen)


@dataclass(frozen=True)
class Loaded:
    """One input file as read: its subject, or the problems that stop it."""

    path: Path
    subject: Subject | None
    problems: list[Problem]
    #: Answers that are valid but probably not what was meant (plausibility warnings).
    warnings: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """The JSON form 'validate --format json' lists: file, valid, kind, problems, warnings."""
        warnings = [w.as_dict() for w in self.warnings]
        if self.subject is None:
            problems = [p.as_dict() for p in self.problems]
            return {"file": str(self.path), "valid": False, "problems": problems, "warnings": []}
        first = self.subject.project or self.subject.vendor
        kind = first.kind if first is not None else None
        return {
            "file": str(self.path),
            "valid": True,
            "kind": kind,
            "problems": [],
            "warnings": warnings,
        }


@dataclass(frozen=True)
class Batch:
    """The outcome of a run: one assessment per good input, problems for the rest."""

    assessments: list[Assessment]
    problems: list[Problem]
    #: Every file the assessments were computed from (inputs, named questionnaires, tables).
    inputs: list[Path] = field(default_factory=list)
    #: Answers that are valid but probably not what was meant (plausibility warnings).
    warnings: list[Problem] = field(default_factory=list)


def load_reference_tables(settings: Settings) -> Reference:
    """Load the reference tables of a run (bundled, and those given); raise InputError."""
    return load_tables(settings.table_files())


def load_context(settings: Settings) -> tuple[Framework, Reference]:
    """Load the framework and the reference tables; raise InputError on any problem."""
    problems: list[Problem] = []
    framework = reference = None
    try:
        framework = load_framework(settings.guidelines)
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        reference = load_reference_tables(settings)
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
            subject = load_subject(path, allow_outside)
            loaded.append(Loaded(path, subject, [], warnings_of(subject)))
        except InputError as exc:
            loaded.append(Loaded(path, None, exc.problems))
    return loaded


def load_one(path: Path) -> LoadedInput:
    """Read and validate one input file on its own (a plan without the questionnaire it
    names); raise InputError listing every problem."""
    return load_input(path)


@dataclass(frozen=True)
class Assessed:
    """One input of a batch: its assessment or the problems that stop it, the files read, and
    its plausibility warnings."""

    assessment: Assessment | None
    problems: list[Problem]
    inputs: list[Path]
    warnings: list[Problem] = field(default_factory=list)


def assess_file(path: Path, settings: Settings, context: tuple[Framework, Reference]) -> Assessed:
    """Read, validate and assess one input file (with the questionnaire a plan names)."""
    framework, reference = context
    try:
        subject = load_subject(path, settings.allow_outside)
    except InputError as exc:
        return Assessed(None, exc.problems, [path])
    assessment = assess(subject, framework, reference, settings.date)
    inputs = [i.document.path for i in subject.inputs()]
    return Assessed(assessment, [], inputs, warnings_of(subject))


def run(paths: list[Path], settings: Settings) -> Batch:
    """Assess the input files, all or none: every file is read so that every problem is
    reported, and when any file has a problem no assessment is made."""
    framework, reference = load_context(settings)
    loaded = load_all(paths, settings.allow_outside)
    problems = [problem for item in loaded for problem in item.problems]
    if problems:
        return Batch([], problems)
    subjects = [item.subject for item in loaded if item.subject is not None]
    warnings = [warning for item in loaded for warning in item.warnings]
    assessments = [assess(s, framework, reference, settings.date) for s in subjects]
    return Batch(assessments, [], input_files(subjects, settings), warnings)


def input_files(subjects: Sequence[Subject], settings: Settings) -> list[Path]:
    """Every file read for ``subjects``: inputs, the questionnaires plans name, tables."""
    named = [i.document.path for s in subjects for i in s.inputs()]
    files = settings.table_files()
    tables = [*files.living_wages, *files.rates, *files.minimum_wages, *files.price_index]
    return [*named, *tables]
