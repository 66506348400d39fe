"""The base classes of fact models: frozen results, and partial ones that show what is known.

Cost matters here (facts are built for every assessment, dumped for the rules and written in
every JSON), so no fact model has a serialization hook. A result keeps in its ``__dict__`` only
the fields that were set, and pydantic-core writes a model's ``__dict__``: every dump of it
(the canonical JSON, ``model_dump``, ``plain``) shows the fields that were set and no more,
under their JSON names (``serialize_by_alias``: the conversion's "from"), with no
``exclude_unset`` to pass down. A field that was not set still reads as its default. A result
that always shows every field (a benchmark) is built with every field given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel, ConfigDict


class Result(BaseModel):
    """A frozen result model; unknown fields are errors; dumped as the fields that were set."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", defer_build=True, serialize_by_alias=True
    )

    def model_post_init(self, context: Any, /) -> None:
        """Leave out of ``__dict__`` the fields that were not set (their defaults)."""
        values = self.__dict__
        given = self.__pydantic_fields_set__
        if len(values) != len(given):
            for name in values.keys() - given:
                del values[name]

    if not TYPE_CHECKING:  # for mypy, fields are attributes as declared

        def __getattr__(self, name: str) -> Any:
            """A field that was not set reads as its default, as in any pydantic model (not
            by ``FieldInfo.get_default``: it asks ``inspect.signature`` whether a factory such
            as ``list`` takes the validated data, parsing its text signature every time)."""
            field = type(self).__pydantic_fields__.get(name)
            if field is None:
                return super().__getattr__(name)
            if field.default_factory is None:
                return field.default
            return cast("Callable[[], Any]", field.default_factory)()

    def plain(self) -> dict[str, Any]:
        """The fields that were set, as plain data (Decimals stay Decimal)."""
        values: dict[str, Any] = self.__pydantic_serializer__.to_python(self)
        return values


class Partial(Result):
    """A result of which only the fields that were set are shown (it got no further)."""
