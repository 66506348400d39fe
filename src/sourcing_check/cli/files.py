"""Write output files all or nothing: each atomically, and none of them unless all can be."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from sourcing_check.cli.problems import stop
from sourcing_check.errors import InputError, Problem


def write_all(outputs: Sequence[tuple[Path, bytes | str]]) -> None:
    """Write every output or none: each goes to a temporary file beside its target first, and
    only when all are staged are they renamed into place; raise InputError naming the file
    that cannot be written. (A rename within one directory does not fail once staging has.)"""
    staged: list[tuple[str, Path]] = []
    current = Path(".")
    try:
        for path, content in outputs:
            current = path
            staged.append((_stage(path, content), path))
        for temporary, path in staged:
            current = path
            os.replace(temporary, path)
    except OSError as exc:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise InputError(
            [
                Problem(
                    str(current),
                    f"cannot write the file: {exc.strerror or exc}",
                    hint="check that the directory exists and is writable",
                )
            ]
        ) from None


def _stage(path: Path, content: bytes | str) -> str:
    """Write ``content`` to a synced temporary file in ``path``'s directory; return its name."""
    import tempfile  # here, not at the top: every command's module imports this one

    data = content.encode("utf-8") if isinstance(content, str) else content
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return temporary


def write_or_stop(outputs: Sequence[tuple[Path, bytes | str]]) -> None:
    """Write every output or none; on failure print why and exit 2."""
    try:
        write_all(outputs)
    except InputError as exc:
        stop(exc.problems)
