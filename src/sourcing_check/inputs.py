"""Turn a loaded document into a validated questionnaire or plan, or into located problems."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from sourcing_check.errors import InputError, Problem
from sourcing_check.loading import Document, escape_pointer_token, read_document
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire

InputModel = VendorQuestionnaire | ProjectPlan
M = typing.TypeVar("M", bound=BaseModel)

#: Document kinds, keyed by the value of their ``kind`` field.
KINDS: dict[str, type[VendorQuestionnaire] | type[ProjectPlan]] = {
    "vendor-questionnaire": VendorQuestionnaire,
    "project-plan": ProjectPlan,
}

_SHOWN_INPUT_CHARS = 60


@dataclass(frozen=True)
class LoadedInput:
    """A validated input: the model and the document it came from."""

    document: Document
    model: InputModel

    @property
    def kind(self) -> str:
        """The document kind, e.g. ``vendor-questionnaire``."""
        return self.model.kind


def load_input(path: Path, *, name: str | None = None) -> LoadedInput:
    """Read, parse and validate one input file; raise InputError listing every problem."""
    document = read_document(path, name=name)
    return LoadedInput(document, validate_document(document))


def validate_document(document: Document) -> InputModel:
    """Validate parsed data against the model its ``kind`` names."""
    data = document.data
    if not isinstance(data, dict):
        raise InputError(
            [
                document.problem(
                    "",
                    "expected a mapping with 'kind', 'schema_version' and answers",
                    "start from 'sourcing-check init vendor' or 'init project'",
                )
            ]
        )
    kind = data.get("kind")
    model_class = KINDS.get(kind) if isinstance(kind, str) else None
    if model_class is None:
        expected = ", ".join(repr(k) for k in KINDS)
        message = "missing field 'kind'" if "kind" not in data else f"unknown kind {kind!r}"
        raise InputError(
            [
                document.problem(
                    "/kind",
                    f"{message}; expected one of {expected}",
                    "add e.g. 'kind: vendor-questionnaire' at the top of the file",
                )
            ]
        )
    return validate_as(document, model_class)


def validate_as(document: Document, model_class: type[M]) -> M:
    """Validate a document's data as ``model_class``; raise InputError with located problems."""
    try:
        return model_class.model_validate(document.data)
    except ValidationError as exc:
        raise InputError(
            [_problem(document, model_class, error) for error in exc.errors()]
        ) from None


def _problem(document: Document, model_class: type[BaseModel], error: Any) -> Problem:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    pointer = "".join(f"/{escape_pointer_token(part)}" for part in loc)
    kind = error["type"]
    hint = ""
    if kind == "extra_forbidden":
        field = str(loc[-1])
        allowed = _fields_at(model_class, loc[:-1])
        message = f"unknown field {field!r}"
        close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
        if close:
            hint = f"did you mean {close[0]!r}?"
        elif allowed:
            hint = "allowed here: " + ", ".join(allowed)
    elif kind == "missing":
        message = f"missing required field {loc[-1]!r}"
        hint = "run 'sourcing-check schema' to see every field and what it means"
    else:
        shown = repr(error.get("input"))
        if len(shown) > _SHOWN_INPUT_CHARS:
            shown = shown[: _SHOWN_INPUT_CHARS - 3] + "..."
        message = f"{error['msg']}, got {shown}"
        if kind.endswith("_type") or kind == "literal_error":
            hint = _field_help(model_class, loc)
    return document.problem(pointer, message, hint)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """Return the pydantic model inside an annotation such as ``list[X] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return model_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = model_in(arg)
            if found is not None:
                return found
    return None


def walk(model_class: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    """Return the field info at ``loc`` (None for the root or an unknown place)."""
    current: type[BaseModel] | None = model_class
    info: Any = None
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        info = current.model_fields[part]
        current = model_in(info.annotation)
    return info


def _fields_at(model_class: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    if not loc:
        return list(model_class.model_fields)
    info = walk(model_class, loc)
    inner = model_in(info.annotation) if info is not None else None
    return list(inner.model_fields) if inner is not None else []


def _field_help(model_class: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    info = walk(model_class, loc)
    if info is None or not info.description:
        return ""
    return f"{loc[-1] if not isinstance(loc[-1], int) else loc[-2]}: {info.description}"
