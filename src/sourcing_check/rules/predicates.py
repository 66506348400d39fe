"""Predicates as data: JSON Schema fragments at JSON pointers, compiled once, never eval'd.

A predicate is a mapping. Keys starting with ``/`` are JSON pointers into the subject
``{vendor, project, facts}``; each value is a JSON Schema (draft 2020-12) fragment that the
value at that pointer must satisfy. All entries must hold. The keys ``any_of``, ``all_of``
(lists of predicates) and ``not`` (one predicate) combine predicates. ``{"$param": name}``
anywhere in a fragment is replaced by the parameter's value before compiling.

An absent (or null) answer is never vacuously true: its pointer's test is unknown, and the
combinators carry the unknown (three-valued, Kleene) so that a rule is unanswered rather than
passed or failed on an answer nobody gave.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sourcing_check.rules.fast_schema import Validator, fast_validator
from sourcing_check.rules.subject_view import ABSENT, View, resolve

COMBINATORS = ("any_of", "all_of", "not")


class PredicateError(ValueError):
    """A predicate that is not well formed; ``where`` is a pointer within the predicate."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where


def substitute(fragment: Any, params: Mapping[str, Any], where: str = "") -> Any:
    """Replace every ``{"$param": name}`` in ``fragment`` with the parameter's value."""
    if isinstance(fragment, dict):
        if set(fragment) == {"$param"}:
            name = fragment["$param"]
            if name not in params:
                raise PredicateError(f"parameter {name!r} is not declared", where)
            return params[name]
        return {k: substitute(v, params, f"{where}/{k}") for k, v in fragment.items()}
    if isinstance(fragment, list):
        return [substitute(v, params, f"{where}/{i}") for i, v in enumerate(fragment)]
    return fragment


def pointers(predicate: Any) -> Iterator[str]:
    """Yield every subject pointer a predicate reads, in order; malformed parts are skipped
    (lint reports them), so this also serves on predicates not yet compiled."""
    if not isinstance(predicate, Mapping):
        return
    for key, value in predicate.items():
        if key.startswith("/"):
            yield key
        elif key in ("any_of", "all_of") and isinstance(value, list):
            for part in value:
                yield from pointers(part)
        elif key == "not":
            yield from pointers(value)


def param_names(fragment: Any) -> Iterator[str]:
    """Yield the names of parameters referenced anywhere in ``fragment``."""
    if isinstance(fragment, dict):
        if set(fragment) == {"$param"}:
            yield str(fragment["$param"])
        for value in fragment.values():
            yield from param_names(value)
    elif isinstance(fragment, list):
        for value in fragment:
            yield from param_names(value)


#: A three-valued outcome: True, False, or None when an answer it needs is absent.
Truth = bool | None
_Decide = Callable[[Any], Truth]
_Unknowns = Callable[[Any], list[str]]


@dataclass(frozen=True)
class Compiled:
    """A compiled predicate: ``decide`` it on the subject, or call it for a plain yes/no.

    Absent answers make a pointer's test unknown (None), never vacuously true; the
    combinators follow Kleene's logic, so an answer that decides the outcome alone (a false
    entry of ``all_of``, a true one of ``any_of``) decides it whatever else is missing.
    """

    decide: _Decide
    reads: tuple[str, ...]
    #: The absent pointers that leave the outcome undecided (empty when it is decided).
    unknowns: _Unknowns
    #: When the outcome is false, the pointers whose answers made it so (a false entry of
    #: ``all_of``, every entry of a false ``any_of``, what a false ``not`` reads); else empty.
    failing: _Unknowns

    def __call__(self, subject: Any) -> bool:
        return self.decide(subject) is True


def compile_predicate(predicate: Any, params: Mapping[str, Any], where: str = "") -> Compiled:
    """Compile a predicate; raise PredicateError naming the bad part."""
    if not isinstance(predicate, dict) or not predicate:
        raise PredicateError("a predicate is a non-empty mapping of pointers to schemas", where)
    parts: list[Compiled] = []
    for key, value in predicate.items():
        at = f"{where}/{key.replace('~', '~0').replace('/', '~1')}"
        if key.startswith("/"):
            parts.append(_pointer_test(key, substitute(value, params, at), at))
        elif key in ("any_of", "all_of"):
            if not isinstance(value, list) or not value:
                raise PredicateError(f"{key} takes a non-empty list of predicates", at)
            inner = [compile_predicate(p, params, f"{at}/{i}") for i, p in enumerate(value)]
            parts.append(_combine(inner, any_of=key == "any_of"))
        elif key == "not":
            parts.append(_negate(compile_predicate(value, params, at)))
        else:
            raise PredicateError(
                f"unknown key {key!r}: use a JSON pointer starting with '/' or one of "
                + ", ".join(COMBINATORS),
                at,
            )
    combined = parts[0] if len(parts) == 1 else _combine(parts, any_of=False)
    reads = tuple(dict.fromkeys(pointers(predicate)))
    return Compiled(combined.decide, reads, combined.unknowns, combined.failing)


def _combine(parts: list[Compiled], *, any_of: bool) -> Compiled:
    """Kleene's and/or: one deciding part decides; else unknown if any part is unknown."""
    deciding = any_of  # True decides an any_of, False an all_of

    def decide(subject: Any) -> Truth:
        unknown = False
        for part in parts:
            result = part.decide(subject)
            if result is deciding:
                return deciding
            if result is None:
                unknown = True
        return None if unknown else not deciding

    def unknowns(subject: Any) -> list[str]:
        # each part decided once: only the undecided ones have unknowns to name
        undecided = []
        for part in parts:
            result = part.decide(subject)
            if result is deciding:
                return []
            if result is None:
                undecided.append(part)
        return [p for part in undecided for p in part.unknowns(subject)]

    def failing(subject: Any) -> list[str]:
        if decide(subject) is not False:
            return []
        # false: in an all_of, the parts that are false; in an any_of, every part
        return [p for part in parts for p in part.failing(subject)]

    return Compiled(decide, (), unknowns, failing)


def _negate(inner: Compiled) -> Compiled:
    def decide(subject: Any) -> Truth:
        result = inner.decide(subject)
        return None if result is None else not result

    def failing(subject: Any) -> list[str]:
        if decide(subject) is not False:
            return []
        return [p for p in inner.reads if resolve(subject, p) is not ABSENT]  # made it true

    return Compiled(decide, (), inner.unknowns, failing)


def _pointer_test(pointer: str, schema: Any, where: str) -> Compiled:
    if not isinstance(schema, dict | bool):
        raise PredicateError("the value of a pointer must be a JSON Schema (a mapping)", where)
    is_valid = fast_validator(schema) or _jsonschema_validator(schema, where)

    def decide(subject: Any) -> Truth:
        # a View's memo inline: this is the innermost call of every rule
        value = subject.cache[pointer] if type(subject) is View else resolve(subject, pointer)
        return None if value is ABSENT else is_valid(value)

    def unknowns(subject: Any) -> list[str]:
        return [pointer] if resolve(subject, pointer) is ABSENT else []

    def failing(subject: Any) -> list[str]:
        return [pointer] if decide(subject) is False else []

    return Compiled(decide, (pointer,), unknowns, failing)


def _jsonschema_validator(schema: Any, where: str) -> Validator:
    """jsonschema's validator for a fragment outside the fast path, once it is checked."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise PredicateError(f"not a valid JSON Schema: {exc.message}", where) from None
    validator = Draft202012Validator(schema)
    return lambda value: bool(validator.is_valid(value))
