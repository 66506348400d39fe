"""A plain-Python validator for the JSON Schema keywords predicates use; jsonschema does the rest.

``fast_validator`` accepts a fragment only when every keyword, and every keyword's value, is
one it knows and well formed (so the fragment is a valid draft 2020-12 schema and needs no
``check_schema``); anything else returns None, and the caller falls back to jsonschema, which
checks the fragment and decides. A test compares both on every keyword accepted here.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

Validator = Callable[[Any], bool]

_SCALARS = (str, int, float, Decimal)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _is_count(value: Any) -> bool:
    """A non-negative integer, as minItems, maxItems and minLength take."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


_TYPES: dict[str, Validator] = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
    "number": _is_number,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _same(value: Any, expected: Any) -> bool:
    """JSON equality for scalars: booleans never equal numbers."""
    if isinstance(value, bool) or isinstance(expected, bool):
        return type(value) is type(expected) and value == expected
    if isinstance(value, str) or isinstance(expected, str):
        return isinstance(value, str) and isinstance(expected, str) and value == expected
    return _is_number(value) and value == expected


def _type(kind: Any) -> Validator | None:
    return _TYPES.get(kind) if isinstance(kind, str) else None


def _const(expected: Any) -> Validator | None:
    if not isinstance(expected, _SCALARS):
        return None
    if isinstance(expected, bool):  # a boolean equals only itself, never 1 or 0
        return lambda v: v is expected
    if isinstance(expected, str):
        return lambda v: isinstance(v, str) and v == expected
    return lambda v: _is_number(v) and v == expected


def _enum(options: Any) -> Validator | None:
    if not isinstance(options, list) or not all(isinstance(o, _SCALARS) for o in options):
        return None
    if all(isinstance(o, str) for o in options):
        names = frozenset(options)
        return lambda v: isinstance(v, str) and v in names
    return lambda v: any(_same(v, option) for option in options)


def _bound(keyword: str) -> Callable[[Any], Validator | None]:
    """minimum, maximum, exclusiveMinimum or exclusiveMaximum: applies to numbers only."""

    def make(limit: Any) -> Validator | None:
        if not _is_number(limit):
            return None
        tests: dict[str, Validator] = {
            "minimum": lambda v: not _is_number(v) or v >= limit,
            "maximum": lambda v: not _is_number(v) or v <= limit,
            "exclusiveMinimum": lambda v: not _is_number(v) or v > limit,
            "exclusiveMaximum": lambda v: not _is_number(v) or v < limit,
        }
        return tests[keyword]

    return make


def _min_items(count: Any) -> Validator | None:
    return (lambda v: not isinstance(v, list) or len(v) >= count) if _is_count(count) else None


def _max_items(count: Any) -> Validator | None:
    return (lambda v: not isinstance(v, list) or len(v) <= count) if _is_count(count) else None


def _min_length(count: Any) -> Validator | None:
    return (lambda v: not isinstance(v, str) or len(v) >= count) if _is_count(count) else None


def _required(names: Any) -> Validator | None:
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return None
    if len(set(names)) != len(names):
        return None
    return lambda v: not isinstance(v, dict) or all(name in v for name in names)


def _properties(schemas: Any) -> Validator | None:
    if not isinstance(schemas, dict):
        return None
    tests = {name: fast_validator(schema) for name, schema in schemas.items()}
    if not all(isinstance(name, str) for name in tests) or None in tests.values():
        return None
    pairs = [(name, test) for name, test in tests.items() if test is not None]
    return lambda v: not isinstance(v, dict) or all(t(v[n]) for n, t in pairs if n in v)


def _items(schema: Any) -> Validator | None:
    test = fast_validator(schema)
    if test is None:
        return None
    # map, not a generator: no frame made per call
    return lambda v: not isinstance(v, list) or all(map(test, v))


def _contains(schema: Any) -> Validator | None:
    test = fast_validator(schema)
    if test is None:
        return None
    return lambda v: not isinstance(v, list) or any(map(test, v))


def _not(schema: Any) -> Validator | None:
    test = fast_validator(schema)
    return None if test is None else (lambda v: not test(v))


def _anything(value: Any) -> bool:
    """The empty schema: every value is valid."""
    return True


#: Each keyword of the fast path, and how to make its test from the keyword's value (None
#: when the value is not one the fast path takes).
_KEYWORDS: dict[str, Callable[[Any], Validator | None]] = {
    "type": _type,
    "const": _const,
    "enum": _enum,
    "minimum": _bound("minimum"),
    "maximum": _bound("maximum"),
    "exclusiveMinimum": _bound("exclusiveMinimum"),
    "exclusiveMaximum": _bound("exclusiveMaximum"),
    "minItems": _min_items,
    "maxItems": _max_items,
    "minLength": _min_length,
    "required": _required,
    "properties": _properties,
    "items": _items,
    "contains": _contains,
    "not": _not,
}

#: The keywords the fast path decides; a fragment using any other goes to jsonschema.
FAST_KEYWORDS = frozenset(_KEYWORDS)


def fast_validator(schema: Any) -> Validator | None:
    """A plain-Python validator of a schema fragment, or None to use jsonschema.

    Same results as jsonschema for what it accepts: an object with known keywords only, each
    value well formed; nested fragments (properties, items, contains, not) likewise.
    """
    if not isinstance(schema, dict) or not set(schema) <= FAST_KEYWORDS:
        return None
    tests = [_KEYWORDS[keyword](value) for keyword, value in schema.items()]
    if any(test is None for test in tests):
        return None
    checks: list[Validator] = [test for test in tests if test is not None]
    if len(checks) <= 1:
        return checks[0] if checks else _anything
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    return lambda v: all(check(v) for check in checks)
