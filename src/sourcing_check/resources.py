"""Find the bundled ``guidelines/`` and ``templates/`` in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled {name}/ not found next to {_PACKAGE}")


def guidelines_dir() -> Path:
    """Return the directory holding the bundled guideline frameworks."""
    return _bundled("guidelines")


def templates_dir() -> Path:
    """Return the directory holding the bundled report templates."""
    return _bundled("templates")


def default_framework_dir() -> Path:
    """Return the bundled PAI framework directory."""
    return guidelines_dir() / "pai-data-enrichment"


def profiles_dir() -> Path:
    """Return the directory of bundled profiles (an organisation's tailoring of a framework)."""
    return guidelines_dir() / "profiles"


def reference_dir() -> Path:
    """Return the directory of bundled reference data (living wages, currency rates)."""
    return guidelines_dir() / "reference"


def display_path(path: Path) -> str:
    """Name a file for messages and reports: bundled files by their place in the package
    (the same on every machine), other files as given."""
    try:
        relative = path.resolve().relative_to(guidelines_dir().resolve())
    except ValueError:
        return str(path)
    return f"<bundled>/guidelines/{relative.as_posix()}"
