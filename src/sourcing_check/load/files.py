"""Read a file's bytes and text with limits: size, regular file, UTF-8; every refusal located."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sourcing_check.errors import InputError, Problem

MAX_BYTES = 5 * 1024 * 1024


def read_text(
    path: Path, label: str, max_bytes: int = MAX_BYTES, *, regular_only: bool = False
) -> tuple[bytes, str]:
    """Return the file's bytes and its UTF-8 text; raise InputError naming what is wrong."""
    raw = read_bytes(path, label, max_bytes, regular_only=regular_only)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            [
                Problem(
                    label,
                    f"the file is not valid UTF-8 "
                    f"(byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                    line,
                    column,
                    hint="save the file as UTF-8 (most editors offer 'UTF-8' in 'Save as')",
                    code="I103",
                )
            ]
        ) from None
    return raw, text


#: Open without waiting: a named pipe with no writer must not hang the open itself.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_bytes(path: Path, label: str, max_bytes: int, *, regular_only: bool = False) -> bytes:
    """Read at most ``max_bytes`` of the file; refuse a directory, a file over the limit (at
    the place it passes it) and, when ``regular_only``, anything but a regular file."""

    def refuse(message: str, hint: str = "") -> InputError:
        return InputError([Problem(label, message, hint=hint, code="I101")])

    if "\0" in str(path):
        raise refuse("the path holds a NUL character")
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise refuse("no such file", "check the path and the working directory") from None
    except PermissionError:
        raise refuse("permission denied while opening the file") from None
    except OSError as exc:
        raise refuse(f"cannot read the file: {exc.strerror}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            hint = "name the file itself, e.g. examples/vendor.yaml"
            raise refuse("is a directory, expected a YAML or JSON file", hint)
        if regular_only and not stat.S_ISREG(mode):
            raise refuse("is not a regular file (a pipe, device or socket)")
        if not stat.S_ISREG(mode):
            os.set_blocking(descriptor, True)
        raw = _read_at_most(descriptor, max_bytes + 1)
    except OSError as exc:
        raise refuse(f"cannot read the file: {exc.strerror}") from None
    finally:
        os.close(descriptor)
    if len(raw) > max_bytes:
        line = raw.count(b"\n", 0, max_bytes) + 1
        column = max_bytes - (raw.rfind(b"\n", 0, max_bytes) + 1) + 1
        limit = max_bytes // (1024 * 1024)
        raise InputError(
            [
                Problem(
                    label,
                    f"the file is larger than the {limit} MiB limit (it goes on past here)",
                    line,
                    column,
                    hint="questionnaires and plans are small; check that this is the right file",
                    code="I102",
                )
            ]
        )
    return raw


def _read_at_most(descriptor: int, size: int) -> bytes:
    """Read until end of file or ``size`` bytes, whichever comes first."""
    chunks = []
    while size > 0:
        chunk = os.read(descriptor, min(size, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
