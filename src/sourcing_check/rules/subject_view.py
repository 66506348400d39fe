"""The subject as rules read it: values at JSON pointers, absent answers marked, memoised."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

_ABSENT = object()


@functools.lru_cache(maxsize=8192)
def _tokens(pointer: str) -> tuple[str, ...]:
    """The unescaped reference tokens of a JSON pointer."""
    if pointer == "":
        return ()
    return tuple(raw.replace("~1", "/").replace("~0", "~") for raw in pointer[1:].split("/"))


class View(dict[str, Any]):
    """A subject that remembers the values its pointers resolve to (it is never changed)."""

    __slots__ = ("cache",)

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.cache: dict[str, Any] = {}


def resolve(document: Any, pointer: str) -> Any:
    """Return the value at ``pointer``, or the ``_ABSENT`` marker (None also counts as absent)."""
    if type(document) is View:
        cache = document.cache
        if pointer not in cache:
            cache[pointer] = _resolve(document, pointer)
        return cache[pointer]
    return _resolve(document, pointer)


def _resolve(document: Any, pointer: str) -> Any:
    current = document
    for token in _tokens(pointer):
        if type(current) is dict or isinstance(current, Mapping):
            current = current.get(token, _ABSENT)
            if current is _ABSENT:
                return _ABSENT
        elif isinstance(current, list):
            if not token.isdigit() or int(token) >= len(current):
                return _ABSENT
            current = current[int(token)]
        else:
            return _ABSENT
        if current is None:
            return _ABSENT
    return current


def is_absent(value: Any) -> bool:
    """True for the marker ``resolve`` returns when nothing is at a pointer."""
    return value is _ABSENT
