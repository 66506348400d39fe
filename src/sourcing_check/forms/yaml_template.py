"""YAML templates for ``sourcing-check init``: every field, each with its description."""

from __future__ import annotations

import textwrap
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sourcing_check.models.common import Section

_SECTION_FIELDS = set(Section.model_fields)
_WIDTH = 96


#: Evidence asked for, by section: a pointer within the document (e.g. "/pay") -> the
#: requests, each "REQUIREMENT: what document" (plain data, so forms need no framework).
EvidenceAsked = Mapping[str, Sequence[str]]


def render_template(
    model: type[BaseModel], kind: str, schema_file: str, evidence: EvidenceAsked | None = None
) -> str:
    """Return a fill-in YAML template for ``model`` pointing editors at ``schema_file``,
    marking the sections whose ``evidence:`` a requirement asks for."""
    lines = [
        f"# yaml-language-server: $schema={schema_file}",
        f"# {model.__doc__.strip() if model.__doc__ else kind}",
        "# Fill in what you know; leave a value as null (or delete it) where you have no answer",
        "# yet: the report lists it as information still needed. Lists are commented out until",
        "# you answer them ('[]' means 'none'). Every section also accepts 'comment:' (free",
        "# text) and 'evidence:' (a list of {title, reference, url, date}).",
        "",
    ]
    _fields(model, "", lines, kind, evidence or {})
    return "\n".join(lines) + "\n"


def _fields(
    model: type[BaseModel], path: str, lines: list[str], kind: str, evidence: EvidenceAsked
) -> None:
    depth = path.count("/")
    indent = "  " * depth
    for name, info in model.model_fields.items():
        if name in _SECTION_FIELDS or info.deprecated:
            continue
        for text in textwrap.wrap(info.description or "", _WIDTH - len(indent) - 2):
            lines.append(f"{indent}# {text}")
        for text in _choices(info.annotation):
            lines.append(f"{indent}# {text}")
        for asked in evidence.get(f"{path}/{name}", ()):
            wrapped = textwrap.wrap(
                f"evidence asked for by {asked}", _WIDTH - len(indent) - 4, break_on_hyphens=False
            )
            lines += [f"{indent}# {wrapped[0]}", *(f"{indent}#   {more}" for more in wrapped[1:])]
        entry = _entry(name, info, f"{path}/{name}", lines, kind, evidence)
        if entry is not None:
            lines.append(indent + entry)


def _entry(
    name: str,
    info: FieldInfo,
    path: str,
    lines: list[str],
    kind: str,
    evidence: EvidenceAsked,
) -> str | None:
    """Return the field's line, or None after writing a nested section's lines."""
    annotation = info.annotation
    depth = path.count("/") - 1
    if depth == 0 and name == "kind":
        return f"kind: {kind}"
    if depth == 0 and name == "schema_version":
        return "schema_version: 1"
    inner = _model(annotation)
    if (
        inner is not None
        and not _is_list(annotation)
        and not info.is_required()
        and any(f.is_required() for f in inner.model_fields.values())
    ):
        return f"{name}: null  # or a mapping with: {_field_list(inner)}"
    if inner is not None and not _is_list(annotation):
        lines.append("  " * depth + f"{name}:")
        _fields(inner, path, lines, kind, evidence)
        if path in evidence:
            lines.append(
                "  " * (depth + 1) + "# evidence: []  # a list of {title, reference, url, date}"
            )
        return None
    # Lists start commented out: an empty list is an answer ("none"), a missing one is not.
    if inner is not None:
        return f"# {name}: []  # a list of items, each with: {_field_list(inner)}"
    if _is_list(annotation) and _min_items(info):
        return f"# {name}: []  # uncomment and list one or more"
    if _is_list(annotation):
        return f"# {name}: []  # uncomment and list, or leave [] for none"
    if info.is_required():
        return f'{name}: ""  # required'
    return f"{name}: null"


def _field_list(model: type[BaseModel]) -> str:
    return ", ".join(f for f in model.model_fields if f not in _SECTION_FIELDS)


def _choices(annotation: Any) -> list[str]:
    """Return 'one of: ...' for a Literal field (or a list of them)."""
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return ["one of: " + ", ".join(str(v) for v in typing.get_args(arg))]
        if typing.get_origin(arg) is list:
            found = _choices(typing.get_args(arg)[0])
            if found:
                return [found[0].replace("one of", "any of")]
    return []


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return False


def _model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model(arg)
        if found is not None:
            return found
    return None


def _min_items(info: FieldInfo) -> int:
    """The least number of items a list field takes (0 unless the model says more)."""
    return max((getattr(m, "min_length", 0) or 0 for m in info.metadata), default=0)
