"""Compiled templates kept between runs, so that a report does not compile its templates again.

Compiling the report's templates costs about 0.2 s of every ``report``; Jinja2 can keep the
compiled code in a directory and use it while the template's text is unchanged (it compares a
checksum of the source, and its own and Python's versions). The cache lives in the user's
cache directory (``$XDG_CACHE_HOME/sourcing-check``, else ``~/.cache/sourcing-check``), made
private to the user; its file names also carry a digest of the environment's settings, which
change the compiled code without changing the templates. It is only a cache: when the
directory cannot be made or written, or a file in it is unreadable, templates are compiled as
before and nothing is reported. ``SOURCING_CHECK_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

#: Set (to anything but empty or "0") to compile templates in every run, keeping nothing.
NO_CACHE = "SOURCING_CHECK_NO_CACHE"


class _QuietCache(FileSystemBytecodeCache):
    """Jinja2's file cache, which never fails a run: an unreadable entry is compiled again,
    an entry that cannot be written is not kept."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # any damaged entry is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_dir() -> Path:
    """Where compiled templates are kept for this user."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sourcing-check" / "templates"


def bytecode_cache(settings: tuple[object, ...]) -> jinja2.BytecodeCache | None:
    """A cache of compiled templates for an environment with these ``settings``, or None when
    turned off or no private directory can be had."""
    if os.environ.get(NO_CACHE, "") not in ("", "0"):
        return None
    try:
        directory = cache_dir()
        directory.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
        found = directory.lstat()
        if not stat.S_ISDIR(found.st_mode) or found.st_uid != getattr(os, "getuid", int)():
            return None
        if stat.S_IMODE(found.st_mode) & (stat.S_IRWXG | stat.S_IRWXO):
            directory.chmod(stat.S_IRWXU)
    except (OSError, RuntimeError):  # RuntimeError: Path.home() without a home
        return None
    digest = hashlib.sha256(repr((jinja2.__version__, *settings)).encode()).hexdigest()[:16]
    return _QuietCache(str(directory), f"{digest}-%s.cache")
