"""Validate loaded data as a model; pydantic's errors become our located problems."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from sourcing_check.errors import InputError, Problem
from sourcing_check.models.document import Document, escape_pointer_token
from sourcing_check.models.introspect import fields_at, walk

M = typing.TypeVar("M", bound=BaseModel)

_SHOWN_INPUT_CHARS = 60


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
        allowed = fields_at(model_class, loc[:-1])
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


def _field_help(model_class: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    info = walk(model_class, loc)
    if info is None or not info.description:
        return ""
    return f"{loc[-1] if not isinstance(loc[-1], int) else loc[-2]}: {info.description}"
