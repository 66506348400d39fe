"""The base classes of fact models: frozen results, and partial ones that show what is known."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer


class Result(BaseModel):
    """A frozen result model; unknown fields are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Partial(Result):
    """A result whose unset fields are left out when serialized (it declares no aliases)."""

    @model_serializer(mode="wrap")
    def _set_fields_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        given = self.model_fields_set
        return {key: value for key, value in data.items() if key in given}
