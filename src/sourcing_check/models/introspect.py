"""Walk the input models by field path: the model inside an annotation, a field's info."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel


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


def fields_at(model_class: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names allowed at ``loc`` (the root model's at the root)."""
    if not loc:
        return list(model_class.model_fields)
    info = walk(model_class, loc)
    inner = model_in(info.annotation) if info is not None else None
    return list(inner.model_fields) if inner is not None else []
