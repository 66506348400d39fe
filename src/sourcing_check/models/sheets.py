"""The spreadsheet layout of an input model: the sheet, row and column of every answer.

Made from the model's JSON Schema, so it follows the models as the YAML template does. Both
the workbook writer (``forms/``) and the reader (``load/``) use it, so they cannot disagree.
Plain data only: no spreadsheet library is imported here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from sourcing_check.models.common import LARGEST

Kind = Literal["text", "integer", "number", "boolean", "date", "choice", "list"]

ANSWERS = "Answers"
EVIDENCE = "Evidence"
CHOICES = "Choices"
ABOUT = "About"
#: The answer that says "an empty list": none of these.
NONE_WORD = "none"
#: The columns of the Answers sheet, found by their heading when read.
ANSWER_COLUMNS = (
    "Pointer",
    "Question",
    "Answer",
    "Help",
    "Needed by (must)",
    "Comment",
    "Evidence title",
    "Evidence reference",
    "Evidence URL",
    "Evidence date",
)
#: The columns of the Evidence sheet: further documents of a section, after its first.
EVIDENCE_COLUMNS = ("Section", "Title", "Reference", "URL", "Date")
#: Fields of every document that the About sheet holds rather than a question row.
META_FIELDS = ("kind", "schema_version")
SECTION_FIELDS = ("comment", "evidence")
_SHEET_NAME_MAX = 31
_LONG_CHOICES = 12


@dataclass(frozen=True)
class Leaf:
    """One answer: its path, heading, help and the kind of value it takes."""

    path: str
    name: str
    help: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    item_kind: Kind | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    #: Headings earlier versions gave the column (``Contracted hours hours``), still read.
    former: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """A row of the Answers sheet: a section heading, a question, or a list kept on a sheet."""

    pointer: str
    depth: int
    title: str
    help: str
    leaf: Leaf | None = None
    section: bool = False
    sheet: str = ""

    @property
    def role(self) -> Literal["heading", "question", "list"]:
        """What the row holds: a heading (comment, evidence), a question, or a list's answer."""
        if self.leaf is not None:
            return "question"
        return "list" if self.sheet else "heading"


@dataclass(frozen=True)
class ListSheet:
    """A list of items (rates, locations, ...) on its own sheet: one row per item."""

    name: str
    pointer: str
    title: str
    columns: tuple[Leaf, ...]
    section: bool


@dataclass(frozen=True)
class Layout:
    """Every sheet of a workbook for one document kind."""

    kind: str
    schema_version: int
    title: str
    rows: tuple[Row, ...]
    lists: tuple[ListSheet, ...]
    evidence: tuple[Leaf, ...]

    def sheet_names(self) -> tuple[str, ...]:
        """The sheets of the workbook, in order."""
        return (ANSWERS, *(s.name for s in self.lists), EVIDENCE, CHOICES, ABOUT)


_UPPER = {"url": "URL", "eu": "EU"}


def humanize(name: str) -> str:
    """``fee_share_percent`` -> ``Fee share percent`` (``url`` -> ``URL``)."""
    words = [_UPPER.get(word, word) for word in name.replace("_", " ").split(" ")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


@functools.cache
def layout_of(model: type[BaseModel], kind: str) -> Layout:
    """The workbook layout of an input model (cached: models do not change in a run)."""
    schema = model.model_json_schema(mode="validation")
    builder = _Builder(schema.get("$defs", {}))
    rows: list[Row] = []
    builder.rows(schema, "", 0, rows)
    evidence = builder.leaves(builder.definition("#/$defs/Evidence"), "")
    title = (model.__doc__ or kind).strip().split(":")[0]
    version = int(schema["properties"]["schema_version"]["const"])
    return Layout(kind, version, title, tuple(rows), tuple(builder.lists), tuple(evidence))


class _Builder:
    """Walks a JSON Schema into rows, list sheets and leaves."""

    def __init__(self, defs: dict[str, Any]) -> None:
        self.defs = defs
        self.lists: list[ListSheet] = []

    def definition(self, ref: str) -> dict[str, Any]:
        """The schema a ``$ref`` names."""
        found: dict[str, Any] = self.defs[ref.rsplit("/", 1)[-1]]
        return found

    def rows(
        self, obj: dict[str, Any], pointer: str, depth: int, rows: list[Row], within: str = ""
    ) -> None:
        """Append the rows of one object (a section) and of the sections inside it."""
        for name, prop in _own_properties(obj, root=not pointer):
            here = f"{pointer}/{name}"
            spec = _unwrap(prop)
            help_text = prop.get("description", "")
            if "$ref" in spec:
                inner = self.definition(spec["$ref"])
                rows.append(Row(here, depth, humanize(name), help_text, section=_is_section(inner)))
                optional = name not in obj.get("required", [])
                self.rows(inner, here, depth + 1, rows, humanize(name) if optional else within)
            elif spec.get("type") == "array" and "$ref" in spec.get("items", {}):
                sheet = self.list_sheet(here, name, spec["items"]["$ref"], help_text)
                note = f"One row per item on the sheet '{sheet.name}'; {NONE_WORD} here if none."
                rows.append(
                    Row(here, depth, humanize(name), f"{help_text} {note}", sheet=sheet.name)
                )
            else:
                leaf = _leaf(here, humanize(name), prop, name in obj.get("required", []), within)
                rows.append(Row(here, depth, humanize(name), leaf.help, leaf=leaf))

    def list_sheet(self, pointer: str, name: str, ref: str, description: str) -> ListSheet:
        """The sheet of a list of items: a column per field, then comment and evidence."""
        inner = self.definition(ref)
        tokens = [t for t in pointer.split("/") if t]  # leading ones dropped until it fits
        while len(tokens) > 1 and len(humanize(" ".join(tokens))) > _SHEET_NAME_MAX:
            tokens = tokens[1:]
        title = humanize(" ".join(tokens))[:_SHEET_NAME_MAX]
        columns = self.leaves(inner, "")
        section = _is_section(inner)
        if section:
            columns += [_leaf("/comment", "Comment", inner["properties"]["comment"], False)]
            evidence = self.definition("#/$defs/Evidence")
            columns += self.leaves(evidence, "/evidence/0", "Evidence", "evidence")
        sheet = ListSheet(title, pointer, description or humanize(name), tuple(columns), section)
        self.lists.append(sheet)
        return sheet

    def leaves(
        self, obj: dict[str, Any], prefix: str, label: str = "", within: str = ""
    ) -> list[Leaf]:
        """The leaf answers of one item, required ones first (a row's identity)."""
        found: list[Leaf] = []
        required = obj.get("required", [])
        props = _own_properties(obj, root=False)
        for name, prop in sorted(props, key=lambda item: item[0] not in required):
            spec = _unwrap(prop)
            heading, former = _heading(label, name)
            if "$ref" in spec:
                inner = self.definition(spec["$ref"])
                optional = within or (humanize(name) if name not in required else "")
                found += self.leaves(inner, f"{prefix}/{name}", heading, optional)
            elif spec.get("type") == "array" and "$ref" in spec.get("items", {}):
                raise ValueError(f"a list of items inside a list item is not supported: {name}")
            else:
                leaf = _leaf(f"{prefix}/{name}", heading, prop, name in required, within)
                found.append(replace(leaf, former=former))
        return found


def _heading(label: str, name: str) -> tuple[str, tuple[str, ...]]:
    """A nested field's column heading, and the one earlier versions wrote (still read): the field's
    name is not repeated after its group's (``Contracted hours``, not ``Contracted hours
    hours``; ``Amount``, not ``Amount amount``)."""
    if not label:
        return humanize(name), ()
    full = f"{label} {humanize(name).lower()}".replace(" url", " URL")
    if label.lower().endswith(humanize(name).lower()):
        return label, (full,)
    return full, ()


def _own_properties(obj: dict[str, Any], *, root: bool) -> list[tuple[str, Any]]:
    skip = set(META_FIELDS) if root else set()
    if _is_section(obj):
        skip |= set(SECTION_FIELDS)
    return [(n, p) for n, p in obj.get("properties", {}).items() if n not in skip]


def _is_section(obj: dict[str, Any]) -> bool:
    return all(name in obj.get("properties", {}) for name in SECTION_FIELDS)


def _unwrap(prop: dict[str, Any]) -> dict[str, Any]:
    """The schema of a value that may also be null."""
    options = [o for o in prop.get("anyOf", []) if o.get("type") != "null"]
    return options[0] if len(options) == 1 else prop


def _leaf(path: str, name: str, prop: dict[str, Any], required: bool, within: str = "") -> Leaf:
    spec = _unwrap(prop)
    description = prop.get("description", "")
    kind, item_kind, choices = _kind(spec)
    low = Decimal(str(spec["minimum"])) if "minimum" in spec else None
    high = Decimal(str(spec["maximum"])) if "maximum" in spec else None
    high = None if high is not None and high >= LARGEST else high
    low = None if low is not None and low <= -LARGEST else low
    rule = _rule(kind, choices, low, high)
    needed = (f"Required when {within} is given." if within else "Required.") if required else ""
    help_text = " ".join(t for t in (description, rule, needed) if t)
    return Leaf(path, name, help_text, kind, required and not within, choices, item_kind, low, high)


def _kind(spec: dict[str, Any]) -> tuple[Kind, Kind | None, tuple[str, ...]]:
    if spec.get("type") == "array":
        item, _, choices = _kind(spec.get("items", {}))
        return "list", item, choices
    if "enum" in spec:
        return "choice", None, tuple(str(v) for v in spec["enum"])
    kinds: dict[str, Kind] = {"boolean": "boolean", "integer": "integer", "number": "number"}
    if spec.get("type") in kinds:
        return kinds[spec["type"]], None, ()
    if spec.get("format") == "date":
        return "date", None, ()
    return "text", None, ()


def _rule(
    kind: Kind,
    choices: tuple[str, ...],
    low: Decimal | None,
    high: Decimal | None,
) -> str:
    """How to write the answer, in words."""
    if kind == "list":
        listed = f" Any of: {', '.join(choices)}." if 0 < len(choices) <= _LONG_CHOICES else ""
        codes = " Codes as in the column's list." if len(choices) > _LONG_CHOICES else ""
        return f"Comma-separated; write {NONE_WORD} for none.{listed}{codes}"
    if kind == "choice":
        if len(choices) > _LONG_CHOICES:
            return "Choose from the list."
        return f"One of: {', '.join(choices)}."
    if kind == "boolean":
        return "TRUE or FALSE."
    if kind == "date":
        return "A date, YYYY-MM-DD."
    if kind in ("number", "integer"):
        what = "A whole number" if kind == "integer" else "A number"
        if low is not None and high is not None:
            return f"{what} from {low} to {high}."
        return f"{what}, {low} or more." if low is not None else f"{what}."
    return ""
