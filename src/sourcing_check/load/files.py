"""Read a file's bytes and text with limits: size, regular file, UTF-8; every refusal located."""

from __future__ import annotations

from pathlib import Path

from sourcing_check.errors import InputError, Problem

MAX_BYTES = 5 * 1024 * 1024


def read_text(path: Path, label: str, max_bytes: int = MAX_BYTES) -> tuple[bytes, str]:
    """Return the file's bytes and its UTF-8 text; raise InputError naming what is wrong."""
    raw = read_bytes(path, label, max_bytes)
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


def read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError(
                [
                    Problem(
                        label,
                        "is a directory, expected a YAML or JSON file",
                        hint="name the file itself, e.g. examples/vendor.yaml",
                        code="I101",
                    )
                ]
            )
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        hint = "check the path and the working directory"
        raise InputError([Problem(label, "no such file", hint=hint, code="I101")]) from None
    except PermissionError:
        message = "permission denied while opening the file"
        raise InputError([Problem(label, message, code="I101")]) from None
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror}"
        raise InputError([Problem(label, message, code="I101")]) from None
    if len(raw) > max_bytes:
        raise InputError(
            [
                Problem(
                    label,
                    f"the file is larger than the {max_bytes // (1024 * 1024)} MiB limit",
                    hint="questionnaires and plans are small; check that this is the right file",
                    code="I102",
                )
            ]
        )
    return raw
