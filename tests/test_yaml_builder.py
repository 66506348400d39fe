"""The YAML builder's corner cases, pinned: each outcome below is what the reader gave before
its builder became one loop (aliases in lists and maps, escaped keys, tags, every problem with
its place and pointer), so that a faster builder cannot drift."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from sourcing_check.errors import InputError
from sourcing_check.load.yaml_reader import parse_yaml


def _bulk(count: int, last: str) -> str:
    """An anchored list of ``count`` values repeated twice (the second time as ``last``)."""
    return f"a: &a [{','.join(['1'] * count)}]\nb: *a\nc: {last}\n"


BUILT: list[tuple[str, Any, dict[str, tuple[int, int]]]] = [
    (
        "- &a {k: [1, 2]}\n- *a\n- x: *a\n",
        [{"k": [1, 2]}, {"k": [1, 2]}, {"x": {"k": [1, 2]}}],
        {
            "": (1, 1),
            "/0": (1, 3),
            "/0/k": (1, 7),
            "/0/k/0": (1, 11),
            "/0/k/1": (1, 14),
            "/1": (2, 3),
            "/2": (3, 3),
            "/2/x": (3, 3),
        },
    ),
    (
        "a/b: {c~d: 1}\n\"e\\x2ff\": [yes, '1', 1, 1.50, ! 2, !!str 3, !!map 4, ~]\n",
        {"a/b": {"c~d": 1}, "e/f": ["yes", "1", 1, Decimal("1.50"), "2", "3", "4", None]},
        {
            "": (1, 1),
            "/a~1b": (1, 1),
            "/a~1b/c~0d": (1, 7),
            "/e~1f": (2, 1),
            "/e~1f/0": (2, 12),
            "/e~1f/1": (2, 17),
            "/e~1f/2": (2, 22),
            "/e~1f/3": (2, 25),
            "/e~1f/4": (2, 31),
            "/e~1f/5": (2, 36),
            "/e~1f/6": (2, 45),
            "/e~1f/7": (2, 54),
        },
    ),
]


@pytest.mark.parametrize(("text", "data", "positions"), BUILT, ids=["aliases", "keys-and-tags"])
def test_data_and_source_map_are_pinned(
    text: str, data: Any, positions: dict[str, tuple[int, int]]
) -> None:
    built, where = parse_yaml(text, "f.yaml")
    assert repr(built) == repr(data)  # repr: 1, True and Decimal('1') must not pass for each other
    assert where == positions


REFUSED = [
    (
        "a: {b: [{c: !!python/name:os.system x}]}\n",
        ("I108", 1, 13, "/a/b/0"),
        "YAML tags such as 'tag:yaml.org,2002:python/name:os.system' are not allowed",
    ),
    ("a: [x, {b: *nope}]\n", ("I104", 1, 12, "/a/1"), "unknown alias *nope"),
    ("a:\n  - {b: 1, b: 2}\n", ("I107", 2, 12, "/a/0"), "duplicate key 'b'"),
    ("a: {b: [c]}\n? [d]\n: e\n", ("I110", 2, 3, ""), "mapping keys must be plain strings"),
    ("a: &x [1]\n*x : 2\n", ("I110", 2, 1, ""), "mapping keys must be plain strings"),
    ("a: {b: 1}\n---\nc: 2\n", ("I109", 2, 1, ""), "the file holds more than one YAML document"),
    (_bulk(500, "[*a]"), ("I106", 3, 5, "/c"), "aliases expand to more than 1000 values"),
]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    REFUSED,
    ids=["tag", "alias", "duplicate", "map-key", "alias-key", "documents", "alias-bound"],
)
def test_problems_are_pinned(text: str, where: tuple[str, int, int, str], message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "f.yaml")
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column, problem.pointer) == where
    assert problem.message == message


def test_aliases_up_to_the_bound_are_read() -> None:
    data, positions = parse_yaml(_bulk(499, "*a"), "f.yaml")
    assert len(data["c"]) == 499 and data["b"] is data["c"]
    assert len(positions) == 503
