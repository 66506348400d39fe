"""Error values shared by every layer: located problems; only the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem in an input or guideline file.

    ``line`` and ``column`` are 1-based; 0 means "not known" (e.g. a missing file).
    ``place`` names a place that is not a line, such as a spreadsheet cell (``Answers!E14``);
    when given it is printed instead of line and column.
    """

    file: str
    message: str
    line: int = 0
    column: int = 0
    pointer: str = ""
    hint: str = ""
    place: str = ""

    def format(self) -> str:
        """Return the canonical one-line form ``file:line:col: message [pointer]``
        (``file:Sheet!C14: ...`` when the place is a cell)."""
        where = self.file
        if self.place:
            where += f":{self.place}"
        elif self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.message}"
        if self.pointer:
            text += f" [{self.pointer}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_dict(self) -> dict[str, object]:
        """Return a JSON-ready mapping of this problem."""
        return {
            "file": self.file,
            "line": self.line or None,
            "column": self.column or None,
            "pointer": self.pointer,
            "message": self.message,
            "hint": self.hint or None,
            **({"place": self.place} if self.place else {}),
        }


class InputError(Exception):
    """Raised by the core when an input cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems
