"""Fuzzing in the suite: mutants of the examples and cases, and every crash ever found.

Derandomized and bounded, so the suite stays fast and the same on every run; 'make fuzz'
runs the same mutations for as long as you like (tests/fuzzing.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import CRASHES, OPS, Harness

#: Mutants per suite run: about ten seconds.
EXAMPLES = 1500


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    yield Harness(tmp_path_factory.mktemp("fuzz"))


EDITS = st.lists(
    st.tuples(st.sampled_from(OPS), st.integers(0, 10**6), st.integers(0, 10**6)),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(seed=st.integers(0, 10**6), edits=EDITS, as_json=st.booleans())
def test_a_mutant_is_located_problems_or_a_whole_assessment(
    harness: Harness, seed: int, edits: list[tuple[str, int, int]], as_json: bool
) -> None:
    blob = harness.mutant(seed, edits, as_json)
    assert harness.run(blob, ".json" if as_json else ".yaml") in ("rejected", "assessed")


@pytest.mark.parametrize("path", sorted(CRASHES.iterdir()), ids=lambda p: p.name)
def test_every_crash_found_stays_fixed(harness: Harness, path: Path) -> None:
    assert harness.run(path.read_bytes(), path.suffix) in ("rejected", "assessed")
