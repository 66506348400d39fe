"""Compiled templates kept between runs: used while the template is unchanged, never in the
way of a report (an unusable cache is compiled around), off on request."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import Bucket

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


def test_a_relative_xdg_cache_home_is_ignored(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(cache_home / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache_dir() == cache_home / "home" / ".cache" / "sourcing-check" / "templates"


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


HELLO = "Hello {{ name }}"
OTHERS: list[tuple[Callable[[Path], None], str]] = [
    (lambda path: path.chmod(0o770), "writable by its group"),
    (lambda path: path.chmod(0o707), "writable by others"),
    (lambda path: os.chown(path, 65534, -1), "owned by another user"),
]


def _planted(cache_home: Path) -> tuple[jinja2.BytecodeCache | None, Path]:
    """A cache whose one entry, for ``HELLO``, holds other compiled code (as someone else
    could have put there), shown to be used while the cache is private."""
    cache = bytecode_cache(SETTINGS)
    _render(HELLO, cache)
    (entry,) = (cache_home / "sourcing-check" / "templates").iterdir()
    env = jinja2.Environment()
    bucket = Bucket(env, "", jinja2.BytecodeCache().get_source_checksum(HELLO))
    bucket.code = env.compile("Planted {{ name }}", "t.html")
    entry.write_bytes(bucket.bytecode_to_string())
    assert _render(HELLO, cache) == "Planted Ñiño"
    return cache, entry


def _needs_root(change: str) -> None:
    if "another user" in change and os.getuid() != 0:
        pytest.skip("only root can give a file to another user")


@pytest.mark.parametrize(("make", "change"), OTHERS, ids=[c for _, c in OTHERS])
def test_an_entry_anyone_else_could_write_is_compiled_again(
    cache_home: Path, make: Callable[[Path], None], change: str
) -> None:
    _needs_root(change)
    cache, entry = _planted(cache_home)
    make(entry)
    assert _render(HELLO, cache) == "Hello Ñiño"


@pytest.mark.parametrize(("make", "change"), OTHERS, ids=[c for _, c in OTHERS])
def test_a_directory_that_became_unsafe_is_no_longer_used(
    cache_home: Path, make: Callable[[Path], None], change: str
) -> None:
    """Checked on every use, not only when the directory is made: a cache already in use
    neither reads nor writes there, and a new one is not given."""
    _needs_root(change)
    cache, entry = _planted(cache_home)
    make(entry.parent)
    assert _render(HELLO, cache) == "Hello Ñiño"
    assert _render("Bye {{ name }}", cache) == "Bye Ñiño"
    assert list(entry.parent.iterdir()) == [entry]
    assert bytecode_cache(SETTINGS) is None


def test_an_entry_or_a_directory_behind_a_symlink_is_not_used(cache_home: Path) -> None:
    cache, entry = _planted(cache_home)
    moved = entry.rename(cache_home / "elsewhere.cache")
    entry.symlink_to(moved)
    assert _render(HELLO, cache) == "Hello Ñiño"
    entry.unlink()
    moved.rename(entry)
    directory = entry.parent.rename(cache_home / "elsewhere")
    entry.parent.symlink_to(directory)
    assert _render(HELLO, cache) == "Hello Ñiño"
    assert bytecode_cache(SETTINGS) is None
