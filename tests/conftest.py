"""Shared fixtures: paths to the repository, the examples and a CLI runner."""

from __future__ import annotations

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
