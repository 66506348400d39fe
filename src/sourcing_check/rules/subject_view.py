"""The subject as rules read it: values at JSON pointers, absent answers marked, memoised."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

ABSENT = object()


@functools.lru_cache(maxsize=8192)
def _tokens(pointer: str) -> tuple[str, ...]:
    """The unescaped reference tokens of a JSON pointer."""
    if pointer == "":
        return ()
    return tuple(raw.replace("~1", "/").replace("~0", "~") for raw in pointer[1:].split("/"))


class _Resolved(dict[str, Any]):
    """The values a subject's pointers resolve to, each resolved on its first lookup."""

    __slots__ = ("document",)

    def __init__(self, document: Any) -> None:
        super().__init__()
        self.document = document

    def __missing__(self, pointer: str) -> Any:
        value = self[pointer] = _resolve(self.document, pointer)
        return value


class View(dict[str, Any]):
    """A subject that remembers the values its pointers resolve to (it is never changed), and
    the answers shown for them (``shown``: one per pointer, however many findings show it)."""

    __slots__ = ("cache", "shown")

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.cache = _Resolved(data)  # the same values: no cycle through the View
        self.shown: dict[str, Any] = {}


def resolve(document: Any, pointer: str) -> Any:
    """Return the value at ``pointer``, or the ``ABSENT`` marker (None also counts as absent)."""
    if type(document) is View:
        return document.cache[pointer]
    return _resolve(document, pointer)


def resolver(document: Any) -> Callable[[str], Any]:
    """``resolve`` on ``document`` as a function of the pointer alone (for a View, its memo's
    own lookup: the cheapest call when one subject answers many pointers)."""
    if type(document) is View:
        return document.cache.__getitem__
    return functools.partial(_resolve, document)


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
