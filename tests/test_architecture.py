"""The house rules that keep the flow readable: which stage may import which, and sizes."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "sourcing_check"

#: Stage -> the stages it may import (besides itself). "" is the package root (__version__).
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "resources": set(),
    "models": {"errors"},
    "reference": {"models", "errors"},
    "facts": {"models", "reference", "errors"},
    "scoring": {"models"},
    "decisions": {"models", "rules", "scoring", "errors"},
    "comparison": {"models", "errors"},
    "load": {"models", "reference", "errors", "resources"},
    "forms": {"models"},
    "rules": {"models", "facts", "errors", "resources"},
    "assess": {"", "rules", "facts", "scoring", "models", "reference"},
    "render": {"models", "rules", "resources", "forms"},
    "run": {"assess", "decisions", "load", "models", "reference", "rules", "resources", "errors"},
    "cli": {
        "",
        "run",
        "render",
        "rules",
        "forms",
        "models",
        "errors",
        "resources",
        "comparison",
        "decisions",
        "facts",
        "reference",
    },
    "__main__": {"cli"},
    "__init__": set(),
}
#: The framework loader is the one module below the runner that may read files.
EXCEPTIONS = {("rules/framework.py", "load")}


def _stage(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def _imported_stages(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] if node.level == 0 else []
            if node.module == "sourcing_check":
                names = [f"sourcing_check.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            if name == "sourcing_check.__version__":
                found.add("")
            elif name.startswith("sourcing_check."):
                found.add(name.split(".")[1])
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_flow(path: Path) -> None:
    stage = _stage(path)
    assert stage in ALLOWED, f"new stage {stage!r}: add it to ALLOWED and docs/architecture.md"
    relative = path.relative_to(PACKAGE).as_posix()
    wrong = {
        other
        for other in _imported_stages(path) - {stage} - ALLOWED[stage]
        if (relative, other) not in EXCEPTIONS
    }
    assert not wrong, f"{relative} ({stage}) may not import {sorted(wrong)}"


def test_the_rules_table_catches_a_wrong_arrow(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from sourcing_check.load.documents import read_document\n")
    assert _imported_stages(sample) == {"load"}
    assert "load" not in ALLOWED["facts"] and "render" not in ALLOWED["rules"]


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("sourcing_check.facts", ("sourcing_check.load", "sourcing_check.rules")),
        ("sourcing_check.models.results", ("sourcing_check.load", "sourcing_check.facts")),
        ("sourcing_check.rules.evaluate", ("sourcing_check.render", "sourcing_check.cli")),
        ("sourcing_check.render", ("weasyprint", "jinja2", "sourcing_check.load")),
    ],
)
def test_a_stage_imports_alone(package: str, forbidden: tuple[str, ...]) -> None:
    code = (
        f"import sys, {package}\nprint([m for m in sys.modules if m.startswith({forbidden!r})])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


#: The house's size limits: a module a reader can hold, a function that does one thing.
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES, "split the module by what it does"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"split into named steps: {long}"


def test_architecture_doc_names_real_places_and_every_stage() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for place in re.findall(r"`(src/sourcing_check/[^`]+)`", doc):
        assert (ROOT / place).exists(), f"docs/architecture.md names {place}, which is gone"
    for stage in ALLOWED:
        if stage not in ("__main__", "__init__", "comparison"):
            assert f"src/sourcing_check/{stage}" in doc, f"stage {stage} is not in the doc"
