"""Problem codes: the canonical form, the catalogue, and the docs that list it."""

from __future__ import annotations

import re

import pytest

from sourcing_check.errors import CODES, Problem
from tests.conftest import ROOT

SOURCE = ROOT / "src" / "sourcing_check"
#: Where each family of codes is documented, in the order the catalogue lists them.
DOCS = {
    "I": ROOT / "README.md",
    "G": ROOT / "docs" / "authoring.md",
    "P": ROOT / "docs" / "authoring.md",
    "D": ROOT / "docs" / "decision-file.md",
    "W": ROOT / "README.md",
}


def test_problem_format_shows_the_code() -> None:
    problem = Problem("a.yaml", "unknown field 'x'", 3, 5, "/x", "did you mean 'y'?", "I201")
    expected = "a.yaml:3:5: I201 unknown field 'x' [/x]\n    hint: did you mean 'y'?"
    assert problem.format() == expected
    assert Problem("a.yaml", "no such file", code="I101").format() == "a.yaml: I101 no such file"
    assert Problem("out.pdf", "cannot write the file").format() == "out.pdf: cannot write the file"


def test_problem_as_dict_has_the_code() -> None:
    assert Problem("a.yaml", "m", 1, 2, code="I104").as_dict()["code"] == "I104"
    assert Problem("a.yaml", "m").as_dict()["code"] is None


def test_codes_are_well_formed() -> None:
    for code, summary in CODES.items():
        assert re.fullmatch(rf"[{''.join(DOCS)}][1-3]\d\d", code), code
        assert summary and "\n" not in summary and not summary.endswith("."), code
    assert list(CODES) == sorted(CODES, key=lambda c: (list(DOCS).index(c[0]), c))


def test_every_code_is_set_where_problems_are_made_and_only_those() -> None:
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        if path.name != "errors.py":  # the catalogue itself
            used |= set(re.findall(r"""["']([A-Z]\d{3})["']""", path.read_text(encoding="utf-8")))
    assert used == set(CODES)


@pytest.mark.parametrize("family", sorted(DOCS))
def test_docs_list_every_code(family: str) -> None:
    text = DOCS[family].read_text(encoding="utf-8")
    listed = re.findall(rf"^\| `({family}\d{{3}})` \| (.*) \|$", text, flags=re.MULTILINE)
    assert dict(listed) == {c: s for c, s in CODES.items() if c.startswith(family)}
    assert markdown_table(family) in text, f"paste markdown_table({family!r}) into {DOCS[family]}"


def markdown_table(prefix: str) -> str:
    """The Markdown table of every code starting with ``prefix``, as the docs show it."""
    rows = [f"| `{code}` | {text} |" for code, text in CODES.items() if code.startswith(prefix)]
    return "\n".join(["| code | meaning |", "|---|---|", *rows]) + "\n"
