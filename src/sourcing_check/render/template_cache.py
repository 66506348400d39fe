"""Compiled templates kept between runs, so that a report does not compile its templates again.

Compiling the report's templates costs about 0.2 s of every ``report``; Jinja2 can keep the
compiled code in a directory and use it while the template's text is unchanged (it compares a
checksum of the source, and its own and Python's versions). The cache lives in the user's
cache directory (``$XDG_CACHE_HOME/sourcing-check``, else ``~/.cache/sourcing-check``; a
relative ``XDG_CACHE_HOME`` is ignored, as the XDG Base Directory spec says), made private to
the user; its file names also carry a digest of the environment's settings, which change the
compiled code without changing the templates.

Compiled code is run, so it is trusted only from a place nobody else could have written. On
every read and write the directory is opened (never through a symlink) and must be a
directory owned by the user that neither group nor others may write; an entry is read only
when it is a regular file (not a symlink) that is owned by the user and that neither group
nor others may write. Anything else is not used: templates are compiled in memory, as they
are when the directory cannot be made or written or an entry is unreadable, and nothing is
reported. ``SOURCING_CHECK_NO_CACHE=1`` turns it off; so does a platform without
``O_NOFOLLOW`` or directory-relative file operations.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

#: Set (to anything but empty or "0") to compile templates in every run, keeping nothing.
NO_CACHE = "SOURCING_CHECK_NO_CACHE"

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_SUPPORTED = bool(
    _NOFOLLOW
    and _DIRECTORY
    and hasattr(os, "getuid")
    and {os.open, os.rename, os.unlink} <= os.supports_dir_fd
)
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def _private(found: os.stat_result, kind: int) -> bool:
    """Whether a file of this kind (``stat.S_IFDIR``, ``stat.S_IFREG``) is the user's own and
    nobody else may write it."""
    return (
        stat.S_IFMT(found.st_mode) == kind
        and found.st_uid == os.getuid()
        and not found.st_mode & _OTHERS_WRITE
    )


@contextlib.contextmanager
def _opened(directory: Path) -> Iterator[int | None]:
    """The cache directory opened (not through a symlink), or None when it is not private."""
    try:
        fd = os.open(directory, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
    except OSError:
        yield None
        return
    try:
        yield fd if _private(os.fstat(fd), stat.S_IFDIR) else None
    finally:
        os.close(fd)


class _PrivateCache(jinja2.BytecodeCache):
    """Compiled templates in a private directory, checked on each use; never fails a run: an
    untrusted or unreadable entry is compiled again, an entry that cannot be written is not
    kept."""

    def __init__(self, directory: Path, pattern: str) -> None:
        self.directory = directory
        self.pattern = pattern

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            with _opened(self.directory) as fd:
                if fd is None:
                    return
                entry = os.open(self.pattern % bucket.key, os.O_RDONLY | _NOFOLLOW, dir_fd=fd)
                with os.fdopen(entry, "rb") as f:
                    if _private(os.fstat(f.fileno()), stat.S_IFREG):
                        bucket.load_bytecode(f)
        except Exception:  # any missing, untrusted or damaged entry is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        name = self.pattern % bucket.key
        temporary = f"{name}.{secrets.token_hex(8)}.tmp"
        with contextlib.suppress(OSError), _opened(self.directory) as fd:
            if fd is None:
                return
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW
            written = os.open(temporary, flags, stat.S_IRUSR | stat.S_IWUSR, dir_fd=fd)
            try:
                with os.fdopen(written, "wb") as f:
                    bucket.write_bytecode(f)
                os.replace(temporary, name, src_dir_fd=fd, dst_dir_fd=fd)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary, dir_fd=fd)
                raise


def cache_dir() -> Path:
    """Where compiled templates are kept for this user."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: the spec says to ignore it
        base = str(Path.home() / ".cache")
    return Path(base) / "sourcing-check" / "templates"


def bytecode_cache(settings: tuple[object, ...]) -> jinja2.BytecodeCache | None:
    """A cache of compiled templates for an environment with these ``settings``, or None when
    turned off or no private directory can be had."""
    if not _SUPPORTED or os.environ.get(NO_CACHE, "") not in ("", "0"):
        return None
    try:
        directory = cache_dir()
        for made in (directory.parent, directory):
            made.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: Path.home() without a home
        return None
    with _opened(directory) as fd:
        if fd is None:
            return None
    digest = hashlib.sha256(repr((jinja2.__version__, *settings)).encode()).hexdigest()[:16]
    return _PrivateCache(directory, f"{digest}-%s.cache")
