"""Read profile files: by path, or a bundled profile by name; validated, problems coded P1xx."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.documents import read_document
from sourcing_check.load.paths import named_path
from sourcing_check.load.validation import ShapeCodes, validate_as
from sourcing_check.models.profile import LoadedProfile, ProfileFile
from sourcing_check.models.subject import Subject
from sourcing_check.resources import display_path, profiles_dir

#: Shape problems in profile files.
PROFILE_CODES = ShapeCodes(unknown="P101", missing="P102", invalid="P103")


def bundled_profiles() -> list[str]:
    """The names of the bundled profiles, e.g. 'strict-harmful-content'."""
    return sorted(path.stem for path in profiles_dir().glob("*.yaml"))


def profile_path(name: str, base: Path | None = None) -> Path:
    """The file a profile argument names: a path (relative to ``base`` when given), or the
    bundled profile of that name when no such file exists and the name has no suffix."""
    path = (base / name) if base is not None else Path(name)
    if path.exists() or Path(name).suffix or "/" in name or "\\" in name:
        return path
    return profiles_dir() / f"{name}.yaml"


def load_profile(path: Path) -> LoadedProfile:
    """Read and validate one profile file; raise InputError listing every problem."""
    if not path.exists() and path.parent == profiles_dir():
        hint = "bundled profiles: " + ", ".join(bundled_profiles())
        message = f"no such profile file or bundled profile {path.stem!r}"
        raise InputError([Problem(path.stem, message, hint=hint, code="I101")])
    document = read_document(path, name=display_path(path))
    return LoadedProfile(document, validate_as(document, ProfileFile, PROFILE_CODES))


def load_profiles(names: Sequence[str]) -> list[LoadedProfile]:
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


def plan_profiles(subject: Subject, allow_outside: Sequence[Path] = ()) -> list[LoadedProfile]:
    """Read the profiles a project plan names: a bundled profile by name, or a regular file
    under the plan's directory (or under ``allow_outside``); located at the plan's line."""
    plan = subject.project_model
    if plan is None or not plan.profile or subject.project is None:
        return []
    document = subject.project.document
    loaded: list[LoadedProfile] = []
    for index, name in enumerate(plan.profile):
        pointer = f"/profile/{index}"
        path = profile_path(name, document.path.parent)
        if path.parent != profiles_dir() or (document.path.parent / name).exists():
            if not (document.path.parent / name).exists():
                message = f"names a profile that cannot be read: {name} does not exist"
                hint = "a bundled profile's name, or a profile file relative to the plan"
                raise InputError([document.problem(pointer, message, hint, code="I304")])
            path = named_path(document, pointer, name, allow_outside)
        elif not path.is_file():
            message = f"names no profile file and no bundled profile: {name}"
            hint = "bundled profiles: " + ", ".join(bundled_profiles())
            raise InputError([document.problem(pointer, message, hint, code="I304")])
        loaded.append(load_profile(path))
    return loaded
