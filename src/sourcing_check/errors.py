"""Error values shared by every layer: located problems; only the CLI prints them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem in an input or guideline file.

    ``line`` and ``column`` are 1-based; 0 means "not known" (e.g. a missing file).
    ``code`` is a stable code from ``CODES`` ("" for problems without one,
    such as an output file that cannot be written).
    ``place`` names a place that is not a line, such as a spreadsheet cell (``Answers!E14``);
    when given it is printed instead of line and column.
    """

    file: str
    message: str
    line: int = 0
    column: int = 0
    pointer: str = ""
    hint: str = ""
    code: str = ""
    place: str = ""

    def location(self) -> str:
        """Where in the file: ``line:col``, a cell such as ``Answers!C14``, or '' if unknown."""
        if self.place:
            return self.place
        return f"{self.line}:{self.column or 1}" if self.line else ""

    def format(self) -> str:
        """Return the canonical one-line form ``file:line:col: CODE message [pointer]``
        (``file:Sheet!C14: ...`` when the place is a cell)."""
        location = self.location()
        where = f"{self.file}:{location}" if location else self.file
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
            **({"place": self.place} if self.place else {}),
        }


def in_reading_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems by file, then line and column: the order a reader fixes them in (the order
    given is kept where these are equal, as for a workbook's cells, already in form order)."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.column))


class InputError(Exception):
    """Raised by the core when an input cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems


#: The catalogue of problem codes: code -> one-line summary. A code is stable: it keeps its
#: meaning, and a retired one is never reused; a new problem gets the next free number in its
#: group. ``I`` codes are problems in the files we read (questionnaires, plans, reference
#: tables, and reading any file, guideline files included); ``G`` codes are the guideline
#: lint's; ``P`` codes a profile's; ``D`` codes a decision file's; ``W`` codes are warnings
#: about answers that are valid but probably not meant. The hundreds group them: for ``I``
#: and ``W``, 1xx reading a file, 2xx its shape, 3xx how files fit together; for ``G``, ``P``
#: and ``D``, 1xx the file's shape, 2xx its content, 3xx the directory as a whole. The code
#: is set where the problem is made (``load/``, ``rules/``, ``decisions/``).
CODES: dict[str, str] = {
    # I1: reading a file (any file: inputs, reference tables, guideline files)
    "I101": "the file cannot be read: missing, a directory, or not readable",
    "I102": "the file is larger than the size limit",
    "I103": "the file is not valid UTF-8",
    "I104": "syntax error (YAML, JSON or CSV), or an alias to an unknown anchor",
    "I105": "the data is nested too deep",
    "I106": "YAML aliases expand to too many values",
    "I107": "a key appears twice in one mapping, or a column name twice in a CSV header",
    "I108": "a YAML tag (only plain data is accepted)",
    "I109": "more than one YAML document in the file",
    "I110": "a mapping key that is not a plain string",
    "I111": "a CSV row has more cells than the header has columns",
    "I112": "a workbook does not match its template: a sheet, row or column missing, "
    "unknown or repeated, or an answer in a cell that holds none",
    "I113": "a workbook cell cannot be read: a formula without a saved value, an error value, "
    "a percentage format, or cells merged over several rows",
    "I114": "the file is empty or holds only comments",
    "I115": "a PDF without an attached assessment: not a report made by this tool",
    # I2: the shape of a questionnaire, plan or reference table
    "I201": "unknown field",
    "I202": "missing required field",
    "I203": "invalid value: wrong type, not one of the allowed values, or out of range",
    "I204": "not a questionnaire or plan: 'kind' is missing or unknown, or not a mapping",
    "I205": "not an assessment of the current schema_version (made by another version)",
    # I3: files that refer to each other
    "I301": "a plan names a vendor questionnaire that cannot be read or is not a questionnaire",
    "I302": "a plan names a file outside its own directory",
    "I303": "a plan names a path that cannot be a file: empty, too long, a control character, "
    "or not a regular file (a directory, pipe or device)",
    "I304": "a plan names a profile that cannot be read",
    "I305": "a reference table given to add to another cannot be merged with it (rates per "
    "another currency, or rows that collide)",
    "I306": "a reference table in a format its kind is not read from (CSV is read for "
    "living-wage tables only)",
    # G1: the shape of a guideline file (framework.yaml, requirements/*.yaml)
    "G101": "unknown key",
    "G102": "missing required field",
    "G103": "wrong value or type",
    # G2: a requirement (the lint rule table, rules/lint.py)
    "G201": "duplicate requirement id",
    "G202": "unknown guideline area",
    "G203": "source document not declared in framework.yaml",
    "G204": "conditional requirement (applies_when) without a not_applicable_reason",
    "G205": "empty remediation",
    "G206": "vendor-scope requirement reads what only a project plan provides",
    "G207": "pointer the input schemas and facts do not define, or evidence where none is kept",
    "G208": "parameter not declared in framework.yaml",
    "G209": "placeholder that cannot be filled",
    "G210": "predicate that is malformed or not valid JSON Schema",
    "G211": "a requirement that can be pending (pending_when) without a pending_reason",
    "G212": "a requirement whose pass can be unconfirmed (unverified_when) without an "
    "unverified_reason",
    # G3: the framework directory as a whole
    "G301": "not a guideline framework directory",
    "G302": "no requirement files",
    "G303": "parameter override for an undeclared parameter",
    # P1: the shape of a profile file (a requirement it adds is linted with the G2 codes)
    "P101": "unknown key",
    "P102": "missing required field",
    "P103": "wrong value or type",
    # P2: a profile against its framework (decisions/profiles.py)
    "P201": "unknown requirement: not in the framework, or left out by an earlier profile",
    "P202": "unknown parameter",
    "P203": "parameter value of the wrong kind, not one of its choices, outside its minimum or "
    "maximum, or that makes a predicate invalid",
    "P204": "conflicting changes: a requirement left out twice, or modified though left out",
    "P205": "an added requirement, source or guideline area that the framework has already",
    "P206": "the profile tailors another framework",
    # D1: the shape of a decision file
    "D101": "unknown key",
    "D102": "missing required field",
    "D103": "wrong value or type",
    # D2: a decision file against the assessment (decisions/waivers.py, conditions.py)
    "D201": "a waiver of a requirement that is not in the assessment",
    "D202": "a waiver of a requirement that passes or does not apply",
    "D203": "a requirement waived twice",
    "D204": "a waiver of a must-level requirement with fewer approvers than the framework asks",
    "D205": "a waiver that expires before it was granted",
    "D206": "a condition that names a requirement not in the assessment",
    "D207": "a condition id used twice",
    "D208": "a waiver granted before the assessment it waives (an earlier approval copied)",
    # W2: answers that are valid but probably not what was meant (warnings: the exit code
    # changes only with --strict)
    "W201": "a percentage between 0 and 1: 0.3 reads as 0.3%, not 30%",
    "W202": "contracted hours implausible for their period: under 60 or over 300 a month, "
    "over 84 a week",
    "W203": "the shares of the worker locations do not sum to 100",
    "W204": "an amount with three zeros after the point: 72.000 reads as 72",
    "W205": "contracted hours per period on a rate per hour or per task, where they are not used",
    "W206": "migrant workers listed while work permits are said not to be tied to the vendor",
    "W207": "a date of what has already happened (answers given, a document, pay observed, a "
    "benchmark or rating year) after the assessment date",
    "W208": "effective pay 25 times the living wage or more: an amount, period or time per task "
    "probably misread (a monthly salary given per hour)",
    # W3: files that refer to each other
    "W301": "a plan's workers are in a country its vendor questionnaire does not list",
}
