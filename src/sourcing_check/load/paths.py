"""Paths that an input names (a plan's vendor questionnaire), checked before anything is opened.

A plan may name only a regular file in its own directory or below, or under a place the
caller allows; every refusal is located at the line of the plan that names the path.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from sourcing_check.errors import InputError
from sourcing_check.load.files import MAX_BYTES
from sourcing_check.models.document import Document
from sourcing_check.models.text import CONTROL, PATH_CHARS

_KINDS = {
    stat.S_ISDIR: "a directory",
    stat.S_ISFIFO: "a named pipe (FIFO)",
    stat.S_ISCHR: "a character device",
    stat.S_ISBLK: "a block device",
    stat.S_ISSOCK: "a socket",
}


def named_path(document: Document, pointer: str, named: str, allowed: Sequence[Path] = ()) -> Path:
    """The file that ``document`` names at ``pointer``, relative to its directory; raise
    InputError located at ``pointer`` unless it is a regular file under the document's
    directory or under one of ``allowed`` (files or directories)."""

    def refuse(code: str, message: str, hint: str = "") -> InputError:
        return InputError([document.problem(pointer, message, hint, code=code)])

    shown = named if len(named) <= 80 else named[:77] + "..."
    if not named.strip():
        raise refuse("I303", "names an empty path")
    if CONTROL.search(named):
        raise refuse("I303", f"the path holds a NUL or another control character: {shown!r}")
    if len(named) > PATH_CHARS:
        raise refuse("I303", f"the path is longer than {PATH_CHARS} characters: {shown}")
    base = document.path.parent
    path = base / named
    real = Path(os.path.realpath(path))
    roots = [Path(os.path.realpath(root)) for root in (base, *allowed)]
    if not any(real.is_relative_to(root) for root in roots):
        raise refuse(
            "I302",
            f"names a file outside the plan's directory: {shown}",
            "a plan may name a file in its own directory or below",
        )
    try:
        info = os.stat(real)
    except FileNotFoundError:
        raise refuse(
            "I301",
            f"names a vendor questionnaire that cannot be read: {path} does not exist",
            "the path is relative to the plan's own directory",
        ) from None
    except OSError as exc:
        raise refuse("I301", f"cannot read {shown}: {exc.strerror}") from None
    kind = next((name for test, name in _KINDS.items() if test(info.st_mode)), None)
    if kind is not None or not stat.S_ISREG(info.st_mode):
        raise refuse("I303", f"names {kind or 'something'}, not a regular file: {shown}")
    if info.st_size > MAX_BYTES:
        raise refuse(
            "I301",
            f"names a file larger than the {MAX_BYTES // (1024 * 1024)} MiB limit: {shown}",
        )
    return path
