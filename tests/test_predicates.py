"""Predicates: pointer resolution, combinators, parameters, and the fast path's agreement
with jsonschema."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.fast_schema import FAST_KEYWORDS, fast_validator
from sourcing_check.rules.framework import load_framework
from sourcing_check.rules.predicates import (
    COMBINATORS,
    PredicateError,
    compile_predicate,
    substitute,
)
from sourcing_check.rules.subject_view import is_absent, resolve

SCHEMAS: list[dict[str, Any]] = [
    {"const": True},
    {"const": False},
    {"const": "completed"},
    {"const": 1},
    {"enum": ["always", "except_fraud"]},
    {"enum": [1, 2]},
    {"minimum": 1},
    {"maximum": 24},
    {"exclusiveMinimum": 0},
    {"exclusiveMaximum": Decimal("2.5")},
    {"minItems": 1},
    {"minItems": 2},
    {"type": "string", "minLength": 1},
    {"type": "integer"},
    {"type": "number"},
    {"type": "boolean"},
    {"type": "array"},
    {"type": "object"},
    {"minLength": 2},
    {"maxItems": 0},
    {"maxItems": 1},
    {},
    {"required": ["a"]},
    {"required": []},
    {"properties": {"a": {"const": 1}}},
    {"required": ["a"], "properties": {"a": {"type": "string", "minLength": 1}}},
    {"items": {"type": "string"}},
    {"items": {"required": ["a"], "properties": {"a": {"enum": [1, 2]}}}},
    {"contains": {"const": "breaks"}},
    {"contains": {"enum": ["breaks", "rotation"]}},
    {"contains": {"required": ["a"], "properties": {"a": {"enum": ["x", "y"]}}}},
    {"minItems": 2, "contains": {"const": "breaks"}},
    {"not": {"const": True}},
    {"not": {"contains": {"const": "breaks"}}},
    {"minItems": 1, "not": {"items": {"required": ["a"], "properties": {"a": {"const": 1}}}}},
    {"type": "object", "required": ["a", "b"]},
]
VALUES: list[Any] = [
    True,
    False,
    0,
    1,
    2,
    -1,
    1.0,
    0.5,
    Decimal("0.999"),
    Decimal("1"),
    Decimal("24.5"),
    "",
    "a",
    "completed",
    "always",
    "1",
    [],
    ["breaks"],
    ["breaks", "rotation"],
    {},
    {"a": 1},
    {"a": 2, "b": None},
    {"a": "", "b": 1},
    {"a": "x"},
    {"a": None},
    {"b": 1},
    [1, "breaks"],
    [True],
    [{"a": 1}, {"a": 2}],
    [{"a": 1}, {"b": 1}],
    [{"a": "x"}, {"a": 3}],
    [{"a": "z"}],
    [[]],
    None,
]

#: Fragments outside the fast path: other keywords, or values it does not take.
SLOW: list[Any] = [
    {"pattern": "^a"},
    {"anyOf": [{"const": 1}]},
    {"const": None},
    {"const": {"a": 1}},
    {"enum": [[1]]},
    {"type": ["string", "null"]},
    {"type": "null"},
    {"items": True},
    {"contains": {"pattern": "x"}},
    {"properties": {"a": {"format": "date"}}},
    {"not": {"uniqueItems": True}},
    True,
]
#: Malformed fragments: the fast path refuses them, so jsonschema's check_schema sees them.
MALFORMED: list[Any] = [
    {"type": 12},
    {"type": "text"},
    {"minimum": "1"},
    {"maximum": True},
    {"minItems": -1},
    {"maxItems": 1.5},
    {"minLength": "2"},
    {"enum": "a"},
    {"required": "a"},
    {"required": ["a", "a"]},
    {"required": [1]},
    {"properties": []},
    {"properties": {"a": 1}},
    {"items": [{"const": 1}]},
    {"contains": "x"},
    {"not": []},
]


@pytest.mark.parametrize("schema", SCHEMAS, ids=str)
def test_fast_path_agrees_with_jsonschema(schema: dict[str, Any]) -> None:
    fast = fast_validator(schema)
    assert fast is not None
    reference = Draft202012Validator(schema)
    for value in VALUES:
        assert fast(value) == reference.is_valid(value), (schema, value)


@pytest.mark.parametrize("schema", SCHEMAS, ids=str)
def test_what_the_fast_path_takes_is_a_valid_schema(schema: dict[str, Any]) -> None:
    # so that skipping check_schema for it hides no authoring mistake
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("schema", SLOW, ids=str)
def test_other_keywords_use_jsonschema(schema: Any) -> None:
    assert fast_validator(schema) is None
    compile_predicate({"/x": schema}, {})  # still compiles, through jsonschema


@pytest.mark.parametrize("schema", MALFORMED, ids=str)
def test_malformed_fragments_reach_check_schema(schema: Any) -> None:
    assert fast_validator(schema) is None
    with pytest.raises(PredicateError, match="not a valid JSON Schema"):
        compile_predicate({"/x": schema}, {})


def _fragments(predicate: Any) -> list[Any]:
    """Every schema fragment of a predicate."""
    found: list[Any] = []
    for key, value in predicate.items():
        if key.startswith("/"):
            found.append(value)
        elif key in COMBINATORS:
            for part in value if isinstance(value, list) else [value]:
                found += _fragments(part)
    return found


def test_the_bundled_framework_takes_the_fast_path_only() -> None:
    # so that 'check' neither imports jsonschema nor runs check_schema
    framework = load_framework(default_framework_dir())
    slow = []
    for rule in framework.rules:
        req = rule.requirement
        for predicate in (req.applies_when, req.pending_when, req.check):
            for fragment in _fragments(predicate or {}):
                schema = substitute(fragment, framework.params)
                if fast_validator(schema) is None:
                    slow.append((req.id, schema))
    assert not slow, f"outside the fast path ({sorted(FAST_KEYWORDS)}): {slow}"


def test_resolve_and_absence() -> None:
    data = {"a": {"b/c": [None, {"d": 0}]}}
    assert resolve(data, "/a/b~1c/1/d") == 0
    assert is_absent(resolve(data, "/a/b~1c/0"))  # null counts as not answered
    assert is_absent(resolve(data, "/a/x"))
    assert is_absent(resolve(data, "/a/b~1c/7"))


def test_absent_value_never_satisfies_a_pointer() -> None:
    # JSON Schema alone would accept a missing property; a predicate must not.
    predicate = compile_predicate({"/pilot/status": {"not": {"const": "not_planned"}}}, {})
    assert predicate({}) is False
    assert predicate({"pilot": {"status": "completed"}}) is True


def test_combinators_and_parameters() -> None:
    predicate = compile_predicate(
        {"any_of": [{"/x": {"minimum": {"$param": "floor"}}}, {"not": {"/y": {"const": True}}}]},
        {"floor": 10},
    )
    assert predicate({"x": 12, "y": True})
    assert predicate({"x": 1, "y": False})
    assert not predicate({"x": 1, "y": True})


def test_an_answered_part_that_fails_decides_whatever_is_missing() -> None:
    predicate = compile_predicate({"/a": {"const": True}, "/b": {"const": True}}, {})
    assert predicate.decide({"a": False}) is False
    assert predicate.decide({"a": True}) is None
    assert predicate.unknowns({"a": True}) == ["/b"]
    assert predicate.unknowns({"a": False}) == []


@pytest.mark.parametrize(
    ("data", "expected", "unknown"),
    [
        ({}, None, ["/x", "/y"]),
        ({"x": 1}, None, ["/y"]),  # false part of any_of: the other part decides
        ({"x": 12}, True, []),  # a true part of any_of decides alone
        ({"y": False}, True, []),
        ({"x": 1, "y": True}, False, []),
    ],
)
def test_absent_answers_are_unknown_through_combinators(
    data: dict[str, Any], expected: bool | None, unknown: list[str]
) -> None:
    # "not" of an absent answer is unknown, not true: absence never means "none".
    predicate = compile_predicate(
        {"any_of": [{"/x": {"minimum": 10}}, {"not": {"/y": {"const": True}}}]}, {}
    )
    assert predicate.decide(data) is expected
    assert predicate.unknowns(data) == unknown


@pytest.mark.parametrize(
    ("predicate", "message"),
    [
        ({}, "non-empty mapping"),
        ({"/a": {"type": 12}}, "not a valid JSON Schema"),
        ({"/a": {"minimum": {"$param": "nope"}}}, "parameter 'nope' is not declared"),
        ({"either": []}, "unknown key 'either'"),
        ({"any_of": []}, "non-empty list"),
    ],
)
def test_malformed_predicates(predicate: dict[str, Any], message: str) -> None:
    with pytest.raises(PredicateError, match=message):
        compile_predicate(predicate, {})
