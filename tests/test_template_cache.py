"""Compiled templates kept between runs: used while the template is unchanged, never in the
way of a report (an unusable cache is compiled around), off on request."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from sourcing_check.render.template_cache import NO_CACHE, bytecode_cache, cache_dir

from .conftest import EXAMPLES

SETTINGS = (("autoescape", True),)


def _render(source: str, cache: jinja2.BytecodeCache | None) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": source}), bytecode_cache=cache)
    return env.get_template("t.html").render(name="Ñiño")


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(NO_CACHE, raising=False)
    return tmp_path


def test_a_compiled_template_is_kept_in_a_private_directory(cache_home: Path) -> None:
    assert _render("Hello {{ name }}", bytecode_cache(SETTINGS)) == "Hello Ñiño"
    directory = cache_home / "sourcing-check" / "templates"
    assert cache_dir() == directory
    assert len(list(directory.iterdir())) == 1
    assert stat.S_IMODE(directory.stat().st_mode) == stat.S_IRWXU


def test_a_changed_template_is_compiled_again(cache_home: Path) -> None:
    assert _render("old {{ name }}", bytecode_cache(SETTINGS)) == "old Ñiño"
    assert _render("new {{ name }}", bytecode_cache(SETTINGS)) == "new Ñiño"


def test_other_settings_do_not_share_compiled_code(cache_home: Path) -> None:
    _render("{{ name }}", bytecode_cache(SETTINGS))
    _render("{{ name }}", bytecode_cache((("autoescape", False),)))
    assert len(list((cache_home / "sourcing-check" / "templates").iterdir())) == 2


def test_a_damaged_entry_is_compiled_again(cache_home: Path) -> None:
    _render("Hello {{ name }}", bytecode_cache(SETTINGS))
    (entry,) = (cache_home / "sourcing-check" / "templates").iterdir()
    entry.write_bytes(entry.read_bytes()[:40])
    assert _render("Hello {{ name }}", bytecode_cache(SETTINGS)) == "Hello Ñiño"


def test_no_usable_directory_means_no_cache(cache_home: Path) -> None:
    (cache_home / "sourcing-check").write_text("a file where the directory would be")
    assert bytecode_cache(SETTINGS) is None


def test_turned_off_it_keeps_nothing(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_CACHE, "1")
    assert bytecode_cache(SETTINGS) is None
    assert not (cache_home / "sourcing-check").exists()


def test_reports_are_the_same_bytes_with_and_without_compiled_templates(tmp_path: Path) -> None:
    """Three runs of the CLI: compiling and keeping, reusing, and with the cache turned off."""
    plan = EXAMPLES / "well-run-project.yaml"
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    made = []
    for run, extra in enumerate([{}, {}, {NO_CACHE: "1"}]):
        out = tmp_path / f"r{run}.pdf"
        command = [sys.executable, "-m", "sourcing_check", "report", str(plan), "-o", str(out)]
        args = [*command, "--date", "2026-11-24"]
        subprocess.run(args, env={**env, **extra}, check=True, capture_output=True)
        made.append(out.read_bytes())
    assert made[0] == made[1] == made[2]
    assert any((tmp_path / "cache" / "sourcing-check" / "templates").iterdir())
