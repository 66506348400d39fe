"""Shared fixtures: paths to the repository, the examples and a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
#: Options that make check/report use the synthetic test tables (instead of the bundled living
#: wages and rates; the bundled floors and price index stay) and a fixed date.
TEST_TABLES = [
    "--only-given-tables",
    "--living-wages",
    str(DATA / "living-wages.yaml"),
    "--rates",
    str(DATA / "currency-rates.yaml"),
    "--date",
    "2026-11-24",
]


@pytest.fixture
def runner() -> CliRunner:
    """A click runner that keeps stderr apart from stdout."""
    return CliRunner()


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled templates are kept in a cache of this session, not the user's: what a test
    sees does not depend on what earlier runs left."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before
