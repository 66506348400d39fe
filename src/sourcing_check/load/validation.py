"""Validate loaded data as a model; pydantic's errors become our located problems."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.xlsx_order import in_form_order
from sourcing_check.models.document import Document, escape_pointer_token
from sourcing_check.models.introspect import fields_at, model_in, walk
from sourcing_check.models.iso_names import code_hint

M = typing.TypeVar("M", bound=BaseModel)

_SHOWN_INPUT_CHARS = 60

#: Refusals whose hint is the field's own description (what it means, in what unit), as for
#: a wrong type: a value out of range or not one of the allowed ones.
_HELPED_KINDS = frozenset(
    {"literal_error", "less_than_equal", "less_than", "greater_than_equal", "greater_than"}
)


class ShapeCodes(NamedTuple):
    """The codes of the three kinds of shape problem, for one family of files."""

    unknown: str
    missing: str
    invalid: str


#: Questionnaires, plans and reference tables.
INPUT_CODES = ShapeCodes(unknown="I201", missing="I202", invalid="I203")


def validate_as(document: Document, model_class: type[M], codes: ShapeCodes) -> M:
    """Validate data as ``model_class``; raise InputError with located problems, coded
    by ``codes`` (the family the file belongs to)."""
    try:
        return model_class.model_validate(document.data)
    except ValidationError as exc:
        problems = [_problem(document, model_class, error, codes) for error in exc.errors()]
        raise InputError(in_form_order(document, problems)) from None


def _problem(
    document: Document, model_class: type[BaseModel], error: Any, codes: ShapeCodes
) -> Problem:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing" and document.cells:
        # a workbook: the cell to fill, not the heading row of an empty section
        loc = _first_required_answer(model_class, loc, document.cells)
    pointer = _pointer(loc)
    hint = ""
    at = (error.get("ctx") or {}).get("at")
    if isinstance(at, str):
        # a rule across a list's items, located at the item it refuses
        code, message = codes.invalid, str(error["msg"])
        return document.problem(pointer + at, message, hint, code=code)
    if kind == "extra_forbidden":
        field = str(loc[-1])
        allowed = fields_at(model_class, loc[:-1])
        code, message = codes.unknown, f"unknown field {field!r}"
        close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
        if field.isdigit() and len(loc) > 1:
            hint = (
                "a number with a thousands separator inside {...} splits into two fields: "
                "write 72000, not 72,000"
            )
        elif close:
            hint = f"did you mean {close[0]!r}?"
        elif allowed:
            hint = "allowed here: " + ", ".join(allowed)
    elif kind == "missing":
        code, message = codes.missing, f"missing required field {loc[-1]!r}"
        hint = " ".join(
            part for part in (_field_help(model_class, loc), _schema_hint(model_class)) if part
        )
    elif kind == "too_short" and isinstance(error.get("input"), list):
        least = (error.get("ctx") or {}).get("min_length", 1)
        items = "one item" if least == 1 else f"{least} items"
        code, message = codes.invalid, f"needs at least {items}: an empty list is no answer here"
        hint = _field_help(model_class, loc)
    elif kind == "value_error" and isinstance(error.get("input"), dict | list):
        # a rule across the fields of a section or the items of a list: its own words say
        # what is wrong
        code, message = codes.invalid, str(error["msg"]).removeprefix("Value error, ")
    else:
        shown = _shown(error.get("input"))
        if len(shown) > _SHOWN_INPUT_CHARS:
            shown = shown[: _SHOWN_INPUT_CHARS - 3] + "..."
        code, message = codes.invalid, f"{error['msg']}, got {shown}"
        if kind.endswith(("_type", "_parsing")) and not kind.startswith("bool"):
            hint = _separated_number(error.get("input"))
        meant, named = ((error.get("ctx") or {}).get(k) for k in ("meant", "named"))
        if kind in ("literal_error", "enum") and isinstance(error.get("input"), str):
            meant = _meant_choice(error["input"], (error.get("ctx") or {}).get("expected"))
        if not hint and meant and named:
            hint = code_hint(meant, named)
        elif not hint and meant:
            hint = f"did you mean {meant!r}?"
        if not hint and (kind.endswith(("_type", "_code")) or kind in _HELPED_KINDS):
            hint = _field_help(model_class, loc)
    return document.problem(pointer, message, hint, code=code)


def _meant_choice(written: str, expected: Any) -> str:
    """The choice a refused answer probably meant ('monthly', 'Month': 'month'), or ''; the
    choices as pydantic lists them ("'hour', 'day' or 'month'")."""
    choices = re.findall(r"'([^']*)'", expected) if isinstance(expected, str) else []
    close = difflib.get_close_matches(written.strip().lower(), choices, n=1, cutoff=0.6)
    return close[0] if close else ""


#: A number written with thousands separators (72,000 or 1,250,000.50), or a decimal comma (20,5).
_THOUSANDS = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]+,[0-9]{1,2}")
#: Units written after a number ('2 min'), which the field's description already gives.
_UNITS = frozenset(
    "s sec secs second seconds min mins minute minutes h hr hrs hour hours day days week weeks "
    "month months year years".split()
)
#: The longest number with a note a hint echoes (a hint repeats it, and a long text is none).
_NOTED_CHARS = 80
#: A date written where a number is asked ('2026-11-09').
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
#: The rest of a range after its first number ('-48', ' to 48', '–3%').
_RANGE = re.compile(r"(?:-|–|to\b)\s*[0-9]")
#: A number with words or a sign after it ('15%', '30 (paid end of month)', '60,000 gross').
_NUMBER_AND_NOTE = re.compile(r"([+-]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(\S.*)", re.DOTALL)


def _separated_number(value: Any) -> str:
    """How to write a number given as text with a comma in it ('write 72000, not 72,000'), in
    a YAML file or a workbook's text cell alike; '' for any other value."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if _THOUSANDS.fullmatch(text):
        return f"write {text.replace(',', '')}, not {text}: a number takes no thousands separators"
    if _DECIMAL_COMMA.fullmatch(text):
        return f"write {text.replace(',', '.')}, not {text}: the decimal mark is a point"
    noted = _NUMBER_AND_NOTE.fullmatch(text)
    if noted is None or _DATE.fullmatch(text) or len(text) > _NOTED_CHARS:
        return ""  # a date is no range, and a long text no number with a note
    number, note = noted.groups()
    if _THOUSANDS.fullmatch(number):
        number = number.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(number):
        number = number.replace(",", ".")
    if _RANGE.match(note):  # '24-48': no end of it is the answer to guess
        return f"write one number, not a range ({text}), and put the range in the section's comment"
    if note == "%":
        return f"write {number}: a percentage is written out of 100, without the % sign"
    if note.casefold().rstrip(".") in _UNITS:
        return f"write {number}, without the unit: the field's description names it"
    return f"write {number} alone, and put {note!r} in the section's comment"


def _shown(value: Any) -> str:
    """The value as its answer was written: text quoted, a number, a date or a time (a
    spreadsheet's date and time) as plain text, never a Python name such as Decimal('2024.5')."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):  # '1:30' typed into a number cell
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, dt.timedelta):  # the same in a duration format, '[h]:mm'
        minutes, seconds = divmod(round(value.total_seconds()), 60)
        return f"{minutes // 60}:{minutes % 60:02d}" + (f":{seconds:02d}" if seconds else "")
    return repr(value)


#: The schema 'sourcing-check schema NAME' prints for each model a file is read as (by class
#: name, so that loading imports no model it does not use); reference tables have none.
_SCHEMA_NAMES = {
    "VendorQuestionnaire": "vendor",
    "ProjectPlan": "project",
    "DecisionFile": "decision",
    "ProfileFile": "profile",
    "FrameworkFile": "guidelines",
    "RequirementsFile": "guidelines",
    "Assessments": "assessment",
}


def _schema_hint(model_class: type[BaseModel]) -> str:
    name = _SCHEMA_NAMES.get(model_class.__name__)
    if name is None:
        return ""
    return f"('sourcing-check schema {name}' shows every field and what it means)"


def _pointer(loc: tuple[str | int, ...]) -> str:
    # a mapping's key that is refused is located at the key: pydantic's "[key]" is dropped
    return "".join(f"/{escape_pointer_token(part)}" for part in loc if part != "[key]")


def _first_required_answer(
    model_class: type[BaseModel], loc: tuple[str | int, ...], cells: Mapping[str, str]
) -> tuple[str | int, ...]:
    """For a missing section, the first required field inside it that has an answer cell
    (a blank workbook's vendor name, not the section's heading row); else ``loc`` itself."""
    info = walk(model_class, loc)
    inner = model_in(info.annotation) if info is not None else None
    path = loc
    while inner is not None:
        required = [name for name, field in inner.model_fields.items() if field.is_required()]
        if not required:
            break
        path = (*path, required[0])
        if _pointer(path) in cells:
            return path
        inner = model_in(inner.model_fields[required[0]].annotation)
    return loc


def _field_help(model_class: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    info = walk(model_class, loc)
    if info is None or not info.description:
        return ""
    return f"{loc[-1] if not isinstance(loc[-1], int) else loc[-2]}: {info.description}"
