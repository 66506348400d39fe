"""Error values and exit codes shared by every layer; only the CLI prints them."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ExitCode(enum.IntEnum):
    """Process exit codes, documented in ``--help`` and the README."""

    OK = 0
    FINDINGS = 1
    BAD_INPUT = 2


@dataclass(frozen=True)
class Problem:
    """One located problem in an input or guideline file.

    ``line`` and ``column`` are 1-based; 0 means "not known" (e.g. a missing file).
    ``code`` is a stable code from ``sourcing_check.codes`` ("" for problems without one,
    such as an output file that cannot be written).
    """

    file: str
    message: str
    line: int = 0
    column: int = 0
    pointer: str = ""
    hint: str = ""
    code: str = ""

    def format(self) -> str:
        """Return the canonical one-line form ``file:line:col: CODE message [pointer]``."""
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        code = f"{self.code} " if self.code else ""
        text = f"{where}: {code}{self.message}"
        if self.pointer:
            text += f" [{self.pointer}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_dict(self) -> dict[str, object]:
        """Return a JSON-ready mapping of this problem."""
        return {
            "file": self.file,
            "code": self.code or None,
            "line": self.line or None,
            "column": self.column or None,
            "pointer": self.pointer,
            "message": self.message,
            "hint": self.hint or None,
        }


class InputError(Exception):
    """Raised by the core when an input cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems
