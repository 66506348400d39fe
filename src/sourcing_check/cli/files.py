"""Write output files all or nothing: each atomically, and none of them unless all can be."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from sourcing_check.cli.problems import stop
from sourcing_check.errors import InputError, Problem

#: Temporary files are ``.sourcing-check.NAME.RANDOM.tmp`` beside their target; one older
#: than an hour was left by a process that was killed, and the next write there removes it.
TEMP_PREFIX = ".sourcing-check."
TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 3600
#: Why a write fails when there is no room for it (a full disk, a quota, a file-size limit).
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
#: At most this much of the target's name goes into a temporary file's name, so that a target
#: whose name is near the file system's limit (255 bytes) still gets a temporary file.
NAME_IN_TEMP = 64


def write_all(outputs: Sequence[tuple[Path, bytes | str]]) -> None:
    """Write every output or none: each goes to a temporary file beside its target first, and
    only when all are staged are they renamed into place; raise InputError naming the file
    that cannot be written. (A rename within one directory does not fail once staging has.)"""
    staged: list[tuple[str, Path]] = []
    created: list[Path] = []
    current = Path(".")
    try:
        for path, content in outputs:
            current = path
            if not in_place(path):
                staged.append((_stage(path, content, created), path))
        for path, content in outputs:  # once the files are staged: a device takes no rename
            current = path
            if in_place(path):
                _write_in_place(path, content)
        for temporary, path in staged:
            current = path
            os.replace(temporary, path)
        staged = []
    except BrokenPipeError:  # written in place to a pipe whose reader went away: as stdout
        raise
    except OSError as exc:
        raise InputError([cannot_write(current, exc)]) from None
    finally:  # after a failure or Ctrl-C, what was staged and not renamed is removed
        for temporary, _ in staged:
            discard(temporary)
        remove_empty(created)


def in_place(path: Path) -> bool:
    """Whether ``path`` is written in place rather than replaced by a rename: an existing file
    that is not a regular one (a device such as /dev/null, a FIFO), or a descriptor of this
    process (/dev/stdout, /dev/fd/N, /proc/self/fd/N), which a rename would replace, not write
    (as root, the device node or the link itself)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    if not stat.S_ISREG(mode):
        return not stat.S_ISDIR(mode)
    if os.path.islink(path) and os.readlink(path).startswith("/proc/"):
        return True
    return os.path.realpath(os.path.dirname(os.path.abspath(path))).startswith("/proc/")


def say_written(path: Path, note: str = "", *, err: bool = False) -> None:
    """Print 'wrote PATH' (and ``note``): on standard error when PATH is this process's own
    output (-o -, -o /dev/stdout), so the line never lands inside what was written, or when
    ``err`` says another output of the command went there."""
    import click

    from sourcing_check.models.text import printable

    own = _own_output(path)  # '-o -' wrote 'wrote /dev/stdout'
    click.echo(printable(f"wrote {'standard output' if own else path}{note}"), err=err or own)


def to_own_output(paths: Sequence[Path | None]) -> bool:
    """Whether one of ``paths`` is this process's standard output: then what a command says
    besides its outputs goes to standard error, not after (or inside) what it wrote."""
    return any(path is not None and _own_output(path) for path in paths)


def _own_output(path: Path) -> bool:
    try:
        return in_place(path) and os.path.samefile(path, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def _write_in_place(path: Path, content: bytes | str) -> None:
    """Write ``content`` to a device, a FIFO or a descriptor, as a shell's '>' would."""
    with open_in_place(path) as stream:
        stream.write(content.encode("utf-8") if isinstance(content, str) else content)


def open_in_place(path: Path) -> IO[bytes]:
    """``path`` opened for writing in place: a descriptor of this process (/dev/stdout) is
    written where it stands, after what was printed to it, not from its start again."""
    sys.stdout.flush()
    name = os.readlink(path) if os.path.islink(path) else os.path.abspath(path)
    own = re.fullmatch(r"/(?:proc/self|dev)/fd/(\d+)", name)
    if own is not None:
        return os.fdopen(os.dup(int(own.group(1))), "wb")
    return open(path, "wb")


def cannot_write(path: Path, error: OSError) -> Problem:
    """Why the output ``path`` cannot be written, and what to do about it."""
    if os.path.isdir(path):  # never raises (a name too long is not a directory)
        hint = "give the name of the file to write, not of its directory"
        return Problem(str(path), "is a directory, not a file that can be written", hint=hint)
    blocking = _file_in_the_way(path)
    if blocking is not None:  # mkdir says 'File exists', open 'Not a directory'
        return Problem(
            str(path),
            f"cannot write the file: {blocking} is a file, not a directory",
            hint="write the output into a directory, or choose another name",
        )
    return Problem(
        str(path), f"cannot write the file: {error.strerror or error}", hint=write_hint(error)
    )


def write_hint(error: OSError) -> str:
    """What to do about a file (or standard output) that cannot be written, by why."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some space there, or write the output to another disk"
    if error.errno == errno.EFBIG:
        return "the file is larger than the system allows there: write it to another disk"
    if error.errno == errno.EROFS:
        return "the file system is read-only: write the output somewhere else"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is longer than the file system allows: choose a shorter one"
    return "check that the directory exists and is writable"


def _file_in_the_way(path: Path) -> Path | None:
    """The first directory on the way to ``path`` that is a file, or None."""
    for parent in reversed(path.parents):
        if os.path.lexists(parent) and not os.path.isdir(parent):
            return parent
    return None


def _stage(path: Path, content: bytes | str, created: list[Path]) -> str:
    """Write ``content`` to a synced temporary file in ``path``'s directory; return its name."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    stream, temporary = open_staged(path, created)
    try:
        stream.write(data)
        finish_staged(stream, temporary)
    except BaseException:
        with contextlib.suppress(OSError):  # closing flushes: on a full disk that fails too
            stream.close()
        discard(temporary)
        raise
    return temporary


def open_staged(path: Path, created: list[Path] | None = None) -> tuple[IO[bytes], str]:
    """A new temporary file beside ``path`` (ours that are stale are removed first); the
    directories made for it are added to ``created``, deepest last."""
    directory = path.parent if str(path.parent) else Path(".")
    missing = [d for d in (directory, *directory.parents) if not os.path.isdir(d)]
    directory.mkdir(parents=True, exist_ok=True)
    if created is not None:
        created.extend(reversed(missing))
    _fits(path, directory)
    remove_stale(directory)
    handle, temporary = tempfile.mkstemp(
        prefix=f"{TEMP_PREFIX}{path.name[:NAME_IN_TEMP]}.", suffix=TEMP_SUFFIX, dir=directory
    )
    return os.fdopen(handle, "wb"), temporary


def _fits(path: Path, directory: Path) -> None:
    """Raise ENAMETOOLONG now if ``path``'s name is too long for its directory: its temporary
    file's name is shortened, and the rename into place must not be the first to fail."""
    try:
        limit = os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # not known here: the rename will say
        return
    if len(os.fsencode(path.name)) > limit:
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))


def finish_staged(stream: IO[bytes], temporary: str) -> None:
    """Sync and close a staged file, readable by all, ready to be renamed into place."""
    stream.flush()
    os.fsync(stream.fileno())
    stream.close()
    os.chmod(temporary, 0o644)


def remove_empty(created: Sequence[Path]) -> None:
    """Remove the directories made for outputs that are still empty (none was written)."""
    for directory in reversed(created):
        with contextlib.suppress(OSError):
            directory.rmdir()


def discard(temporary: str) -> None:
    """Remove a staged file that will not be used."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)


def overwritten_inputs(outputs: Sequence[Path], inputs: Sequence[Path]) -> list[Problem]:
    """A problem for each output that is one of the inputs (the same file, by any name) or
    another output of the same command."""
    problems = []
    for index, path in enumerate(outputs):
        for other in [*inputs, *outputs[:index]]:
            if _same_file(path, other):
                what = "one of the inputs" if other in inputs else "another output"
                problems.append(
                    Problem(
                        str(path),
                        f"is {what} ({other}): refusing to overwrite it",
                        hint="write the output to another file",
                    )
                )
                break
    return problems


def refuse_overwriting(outputs: Sequence[Path | None], inputs: Sequence[Path]) -> None:
    """Stop (exit 2, nothing written) when an output is one of the inputs (by any name, also
    with --force) or another output of the same command."""
    problems = overwritten_inputs([path for path in outputs if path is not None], inputs)
    if problems:
        stop(problems, "nothing written: fix the problems above")


def _same_file(path: Path, other: Path) -> bool:
    if os.path.abspath(path) == os.path.abspath(other):
        return True
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):  # either does not exist (yet): not the same file
        return False


def remove_stale(directory: Path, now: float | None = None) -> list[Path]:
    """Remove our temporary files in ``directory`` older than STALE_SECONDS; return them."""
    cutoff = (time.time() if now is None else now) - STALE_SECONDS
    removed = []
    for candidate in directory.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            info = candidate.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                candidate.unlink()
                removed.append(candidate)
    return removed


def write_or_stop(outputs: Sequence[tuple[Path, bytes | str]]) -> None:
    """Write every output or none; on failure print why and exit 2."""
    try:
        write_all(outputs)
    except InputError as exc:
        stop(exc.problems)


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Stop (exit 2, nothing written) when an output exists and --force was not given."""
    existing = [p for p in paths if os.path.exists(p) and not in_place(p) and not force]
    if existing:
        stop([Problem(str(p), "already exists; not overwritten", hint=_hint(p)) for p in existing])


def _hint(path: Path) -> str:
    """What to do about an output that exists: another name, or --force."""
    if path.name.endswith(".schema.json"):
        return (
            "it is not the schema this version writes: pass --force to replace it, or write the "
            "template in another folder"
        )
    return "choose another file with -o, or pass --force"
