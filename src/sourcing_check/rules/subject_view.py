"""The subject as rules read it: values at JSON pointers, absent answers marked, memoised."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

ABSENT = object()
_UNSEEN = object()


@functools.lru_cache(maxsize=8192)
def _tokens(pointer: str) -> tuple[str, ...]:
    """The unescaped reference tokens of a JSON pointer."""
    if pointer == "":
        return ()
    return tuple(raw.replace("~1", "/").replace("~0", "~") for raw in pointer[1:].split("/"))


class View(dict[str, Any]):
    """A subject that remembers the values its pointers resolve to (it is never changed), and
    the answers shown for them (``shown``: one per pointer, however many findings show it)."""

    __slots__ = ("cache", "shown")

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.cache: dict[str, Any] = {}
        self.shown: dict[str, Any] = {}


def resolve(document: Any, pointer: str) -> Any:
    """Return the value at ``pointer``, or the ``ABSENT`` marker (None also counts as absent)."""
    if type(document) is View:
        cache = document.cache
        value = cache.get(pointer, _UNSEEN)
        if value is _UNSEEN:
            value = cache[pointer] = _resolve(document, pointer)
        return value
    return _resolve(document, pointer)


def _resolve(document: Any, pointer: str) -> Any:
    current = document
    for token in _tokens(pointer):
        if isinstance(current, (dict, Mapping)):  # dict first: a View needs no ABC check
            current = current.get(token, ABSENT)
            if current is ABSENT:
                return ABSENT
        elif isinstance(current, list):
            if not token.isdigit() or int(token) >= len(current):
                return ABSENT
            current = current[int(token)]
        else:
            return ABSENT
        if current is None:
            return ABSENT
    return current


def is_absent(value: Any) -> bool:
    """True for the marker ``resolve`` returns when nothing is at a pointer."""
    return value is ABSENT
