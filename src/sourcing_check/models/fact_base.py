"""The base classes of fact models: frozen results, and partial ones that show what is known.

Cost matters here (facts are built for every assessment, dumped for the rules and written in
every JSON): no fact model has a serialization hook of its own. ``Facts`` alone has one, and
below it pydantic-core leaves out the fields that were not set (``exclude_unset``) and writes
the JSON names (``by_alias``: the conversion's "from"). A fact dumped on its own does the same
through the defaults of ``model_dump`` and ``model_dump_json`` here. A result that always
shows every field (a benchmark) is built with every field given.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Result(BaseModel):
    """A frozen result model; unknown fields are errors; dumped as the fields that were set."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """As pydantic's, but by default only the fields that were set, under their JSON names."""
        options.setdefault("exclude_unset", True)
        options.setdefault("by_alias", True)
        return super().model_dump(**options)

    def model_dump_json(self, **options: Any) -> str:
        """As pydantic's, but by default only the fields that were set, under their JSON names."""
        options.setdefault("exclude_unset", True)
        options.setdefault("by_alias", True)
        return super().model_dump_json(**options)

    def plain(self) -> dict[str, Any]:
        """The fields that were set, as plain data (Decimals stay Decimal)."""
        return super().model_dump(exclude_unset=True, by_alias=True)


class Partial(Result):
    """A result of which only the fields that were set are shown (it got no further)."""
