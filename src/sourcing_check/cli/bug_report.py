"""The one line an internal error prints: what to report, with the SHA-256 of each file given
on the command line (the inputs, never the outputs), so that a report names the exact bytes."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Sequence

import click

from sourcing_check import __version__

#: The parameters that name files a command writes: never hashed (they are not inputs).
OUTPUT_PARAMS = ("output", "checklist")
_CHUNK = 1 << 20
#: Files named one by one in the line; those after them are summed up in one digest.
SHOWN_FILES = 5


def output_flags(group: click.Group) -> set[str]:
    """Every option string of an output parameter, in every command of ``group``."""
    flags: set[str] = set()
    for command in group.commands.values():
        if isinstance(command, click.Group):
            flags |= output_flags(command)
        for param in command.params:
            if param.name in OUTPUT_PARAMS:
                flags.update(param.opts)
    return flags


def given_files(args: Sequence[str], outputs: set[str]) -> list[str]:
    """The arguments that name an existing regular file, in order and once each, leaving out
    the value of an output option (``-o FILE`` or ``--output=FILE``)."""
    found: list[str] = []
    after_output = False
    for arg in args:
        flag, equals, _ = arg.partition("=")
        skip = after_output or (bool(equals) and flag in outputs)
        after_output = arg in outputs
        if skip or arg in found:
            continue
        try:
            if stat.S_ISREG(os.stat(arg).st_mode):
                found.append(arg)
        except (OSError, ValueError):  # not a path at all: an option, a date, a name
            continue
    return found


def sha256_of(path: str) -> str:
    """The file's SHA-256, or why it could not be read (this runs after a bug: never raises)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        return f"unreadable ({exc.strerror or type(exc).__name__})"
    return digest.hexdigest()


def report_line(command: str, error: BaseException, files: Iterable[str]) -> str:
    """One line (a message's newlines and control characters escaped or folded): the error,
    and what a bug report should carry."""
    from sourcing_check.models.text import printable

    named = [f"{path} sha256 {sha256_of(path)}" for path in files]
    hashes = "; ".join(named[:SHOWN_FILES])
    if len(named) > SHOWN_FILES:  # a batch: one line stays readable, the rest in one digest
        rest = hashlib.sha256("".join(f"{n}\n" for n in named[SHOWN_FILES:]).encode("utf-8"))
        hashes += (
            f"; and {len(named) - SHOWN_FILES} more, whose lines 'PATH sha256 HASH' hash to "
            f"{rest.hexdigest()}"
        )
    inputs = f", and the SHA-256 of its input files ({hashes})" if hashes else ""
    if isinstance(error, MemoryError):  # a limit (ulimit -v, the machine) more likely than a bug
        what = (
            "ran out of memory: raise the memory limit ('ulimit -v') or give fewer files at "
            "once; if memory was plentiful, this is a bug"
        )
    else:
        what = f"internal error ({type(error).__name__}: {error}); this is a bug"
    line = (
        f"sourcing-check {command}: {what}: please report it with the command you ran, "
        f"version {__version__}{inputs} (--debug shows the traceback)"
    )
    return " ".join(printable(line).split())
