"""Strict loading: YAML surprises removed, limits enforced, every problem located."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.documents import read_document
from sourcing_check.load.yaml_reader import MAX_DEPTH, parse_yaml
from sourcing_check.models.document import Document


def test_yaml_11_surprises_stay_strings() -> None:
    data, _ = parse_yaml("a: yes\nb: no\nc: on\nd: off\ne: 2026-01-31\nf: 1:20\ng: 0o7\n", "t")
    assert data == {
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": "off",
        "e": "2026-01-31",
        "f": "1:20",
        "g": "0o7",
    }


def test_numbers_are_exact() -> None:
    data, _ = parse_yaml("pay: 0.1\ncount: 3\nquoted: '0.1'\nflag: true\nnothing: ~\n", "t")
    assert data == {
        "pay": Decimal("0.1"),
        "count": 3,
        "quoted": "0.1",
        "flag": True,
        "nothing": None,
    }
    assert isinstance(data["pay"], Decimal)


def test_source_map_points_at_lines() -> None:
    _, positions = parse_yaml("a:\n  b:\n    - x\n    - {c: 1}\n", "t")
    assert positions["/a"] == (1, 1)
    assert positions["/a/b"] == (2, 3)
    assert positions["/a/b/1"] == (4, 7)
    assert positions["/a/b/1/c"] == (4, 8)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: 1\na: 2\n", "I107", 2),
        ("a: [1, 2\nb: 3\n", "I104", 2),
        ("a: !!python/object:os.system x\n", "I108", 1),
        ("a: 1\n---\nb: 2\n", "I109", 2),
        ("a: *missing\n", "I104", 1),
        ("? [a, b]\n: 1\n", "I110", 1),
    ],
)
def test_structural_errors_are_located(text: str, code: str, line: int) -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "f.yaml")
    (problem,) = caught.value.problems
    assert problem.code == code
    assert problem.file == "f.yaml"
    assert problem.line == line


def test_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    assert len(text) < 1024
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "bomb.yaml")
    assert caught.value.problems[0].code == "I106"


def test_small_aliases_are_fine() -> None:
    data, _ = parse_yaml("a: &x {k: 1}\nb: *x\n", "t")
    assert data == {"a": {"k": 1}, "b": {"k": 1}}


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 200])
def test_deep_nesting_is_refused_by_our_limit(depth: int) -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml("[" * depth + "]" * depth, "deep.yaml")
    problem = caught.value.problems[0]
    assert problem.code == "I105"
    assert f"more than {MAX_DEPTH} levels" in problem.message
    assert (problem.line, problem.column) == (1, MAX_DEPTH + 1)


def test_nesting_at_the_limit_is_read() -> None:
    data, _ = parse_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH, "deep.yaml")
    for _ in range(MAX_DEPTH - 1):
        data = data[0]
    assert data == []


def test_very_deep_nesting_is_a_located_problem() -> None:
    # Whoever refuses first (our limit or the parser's own), the user gets a located problem.
    with pytest.raises(InputError) as caught:
        parse_yaml("[" * 5000 + "]" * 5000, "deep.yaml")
    problem = caught.value.problems[0]
    assert problem.file == "deep.yaml"
    assert problem.line == 1 and problem.column > 1


def test_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * (6 * 1024 * 1024) + "\n")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.problems[0].code == "I102"
    assert "larger than the 5 MiB limit" in caught.value.problems[0].message


def test_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: ok\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_document(path)
    problem = caught.value.problems[0]
    assert problem.code == "I103"
    assert (problem.line, problem.column) == (2, 7)


def test_json_is_accepted_with_positions(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text('{\n\t"a": {"b": 0.25},\n\t"c": [true]\n}\n')
    document = read_document(path)
    assert document.data == {"a": {"b": Decimal("0.25")}, "c": [True]}
    assert document.locate("/a/b") == (2, 8)


def test_json_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"a": 1,}\n')
    with pytest.raises(InputError) as caught:
        read_document(path)
    problem = caught.value.problems[0]
    assert (problem.code, problem.line, problem.column) == ("I104", 1, 9)
    assert problem.message.startswith("JSON syntax error")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "nope.yaml")
    assert caught.value.problems[0].code == "I101"
    assert caught.value.problems[0].message == "no such file"
    with pytest.raises(InputError) as caught:
        read_document(tmp_path)
    assert caught.value.problems[0].code == "I101"
    assert "is a directory" in caught.value.problems[0].message


def test_document_hash_is_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\n")
    assert read_document(path).sha256 == hashlib.sha256(b"a: 1\n").hexdigest()


def test_a_problem_placed_in_a_cell_prints_the_cell_instead_of_line() -> None:
    placed = Problem("q.xlsx", "bad value", pointer="/pay/fee_share_percent", place="Answers!C14")
    assert placed.format() == "q.xlsx:Answers!C14: bad value [/pay/fee_share_percent]"
    assert placed.as_dict()["place"] == "Answers!C14"
    assert "place" not in Problem("q.yaml", "bad", 3, 4).as_dict()


def test_a_document_with_cells_places_problems_at_the_nearest_cell() -> None:
    cells = {"": "Answers", "/pay": "Answers!B20", "/pay/rates/0": "'Pay rates'!A2"}
    document = Document(Path("q.xlsx"), "q.xlsx", {}, {}, "", cells)
    assert document.problem("/pay/rates/0/country", "m", code="I203").place == "'Pay rates'!A2"
    assert document.problem("/pay/fee_share_percent", "m", code="I203").format() == (
        "q.xlsx:Answers!B20: I203 m [/pay/fee_share_percent]"
    )
    assert document.problem("/engagement", "m", code="I203").place == "Answers"


def test_a_tab_in_the_indentation_is_named_in_the_hint() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml("vendor:\n\tname: X\n", "q.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.code) == (2, 1, "I104")
    assert "tab" in problem.hint and "spaces" in problem.hint
    with pytest.raises(InputError) as caught:
        parse_yaml("vendor: {name: 'X'\n", "q.yaml")  # no tab: the general advice
    assert "tab" not in caught.value.problems[0].hint


def test_an_unknown_alias_says_how_to_write_a_star() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml("vendor: *nope\n", "q.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.code) == (1, 9, "I104")
    assert '"*nope"' in problem.hint and "&nope" in problem.hint
