"""The wheel carries guidelines/ and templates/; --help, validate and check of YAML stay free of
WeasyPrint and openpyxl; --help imports no model, check no template engine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from sourcing_check.cli.forms import INPUT_NAMES, SCHEMA_NAMES
from sourcing_check.cli.reference import TABLE_NAMES
from sourcing_check.forms.schemas import INPUT_SCHEMAS, SCHEMAS
from sourcing_check.reference.listing import TABLES
from tests.conftest import EXAMPLES, ROOT


def _run_python(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_help_and_validate_do_not_import_weasyprint_or_openpyxl() -> None:
    code = (
        "import sys\n"
        "from sourcing_check.cli import main\n"
        "yaml = [a for a in sys.argv[1:]]\n"
        "runs = (['--help'], ['validate', *yaml], ['check', '--fail-on', 'never', *yaml])\n"
        "for argv in runs:\n"
        "    try:\n"
        "        main(argv, standalone_mode=False)\n"
        "    except (SystemExit, Exception):\n"
        "        pass\n"
        "print('weasyprint' in sys.modules, 'openpyxl' in sys.modules)\n"
    )
    out = _run_python(code, *(str(p) for p in EXAMPLES.glob("*.yaml")))
    assert out.strip().splitlines()[-1] == "False False"


def _imported_by(*argv: str) -> set[str]:
    """The modules loaded by one run of the CLI with ``argv``, in a fresh interpreter."""
    code = (
        "import sys\n"
        "from sourcing_check.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\nMODULES', *sorted(sys.modules))\n"
    )
    out = _run_python(code, *argv)
    return set(out.rsplit("MODULES", 1)[1].split())


def _loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in prefixes or m.startswith(prefixes))


#: What the CLI's help must not load: validation, models, the core, templates, PDF.
HELP_FREE_OF = (
    "pydantic",
    "pydantic_core",
    "jsonschema",
    "jinja2",
    "weasyprint",
    "yaml",
    "sourcing_check.models",
    "sourcing_check.run",
    "sourcing_check.rules",
)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["check", "--help"],
        ["report", "--help"],
        ["guidelines", "--help"],
        ["reference", "--help"],
    ],
)
def test_help_imports_no_model_jsonschema_or_jinja(argv: list[str]) -> None:
    assert _loaded(_imported_by(*argv), HELP_FREE_OF) == []


def test_check_imports_no_template_engine_pdf_or_jsonschema() -> None:
    plan = str(EXAMPLES / "well-run-project.yaml")
    modules = _imported_by("check", "--fail-on", "never", "--date", "2026-11-24", plan)
    assert "sourcing_check.assess" in modules  # it did assess
    free_of = ("jinja2", "markupsafe", "weasyprint", "jsonschema", "openpyxl")
    assert _loaded(modules, free_of) == []


def test_cli_choices_written_out_match_the_tables() -> None:
    assert tuple(sorted(SCHEMAS)) == SCHEMA_NAMES
    assert tuple(sorted(INPUT_SCHEMAS)) == INPUT_NAMES
    assert TABLE_NAMES == TABLES


def test_installed_wheel_runs_outside_the_checkout(tmp_path: Path) -> None:
    source = tmp_path / "src-copy"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("src", "guidelines", "templates"):
        shutil.copytree(
            ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--verbose",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(source),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    # every bundled data folder is declared: setuptools has nothing to warn about
    assert "would be ignored" not in built.stdout + built.stderr
    (wheel,) = wheels.glob("sourcing_check-*.whl")
    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    subprocess.run([bin_dir / "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True)
    # the dependencies come from this interpreter's site-packages, but not the checkout
    site = next((env_dir / "lib").glob("python*/site-packages"))
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    shutil.copy(EXAMPLES / "well-run-vendor.yaml", workdir / "vendor.yaml")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}

    def installed(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [bin_dir / args[0], *args[1:]],
            cwd=workdir,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )

    done = installed("sourcing-check", "validate", "vendor.yaml")
    assert done.returncode == 0, done.stderr
    assert "valid vendor-questionnaire" in done.stdout
    where = installed(
        "python", "-c", "from sourcing_check import resources; print(resources.guidelines_dir())"
    )
    assert where.stdout.strip().startswith(str(env_dir))
    assert (Path(where.stdout.strip()) / "pai-data-enrichment").is_dir()
    linted = installed(
        "sourcing-check", "guidelines", "lint", "--profile", "strict-harmful-content"
    )
    assert linted.returncode == 0, linted.stderr
    assert str(env_dir) in linted.stdout
    assert "<bundled>/guidelines/profiles/strict-harmful-content.yaml: " in linted.stdout
    templates = installed(
        "python", "-c", "from sourcing_check import resources; print(resources.templates_dir())"
    )
    assert (Path(templates.stdout.strip()) / "report.html.j2").is_file()
    report = installed(
        "sourcing-check", "report", "vendor.yaml", "-o", "out/report.pdf", "--date", "2026-11-24"
    )
    assert report.returncode == 0, report.stderr
    assert (workdir / "out" / "report.pdf").read_bytes().startswith(b"%PDF-")
    # the names a refused country is looked up in ship with the wheel
    named = (
        (workdir / "vendor.yaml")
        .read_text(encoding="utf-8")
        .replace("country: KE", "country: Kenya", 1)
    )
    (workdir / "named.yaml").write_text(named, encoding="utf-8")
    refused = installed("sourcing-check", "validate", "named.yaml")
    assert (
        refused.returncode == 2
        and "write 'KE', the code for Kenya" in refused.stdout + refused.stderr
    )
