"""A fact model holds and writes the fields that were set, and no more, whatever a caller asks
of pydantic: the canonical JSON, written with no options, equals a dump that leaves the unset
fields out explicitly, and a field that was not set reads as its default."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest

from sourcing_check.models.fact_base import Result
from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES

NAMES = sorted(path.name for path in EXAMPLES.glob("*.yaml"))


def _results(value: Any) -> Iterator[Result]:
    """Every result model in ``value``, at any depth."""
    if isinstance(value, Result):
        yield value
        for name in value.model_fields_set:
            yield from _results(getattr(value, name))
    elif isinstance(value, list):
        for part in value:
            yield from _results(part)


@pytest.mark.parametrize("name", NAMES)
def test_fact_models_write_only_what_was_set(name: str) -> None:
    (assessment,) = run([EXAMPLES / name], Settings(date=dt.date(2026, 11, 24))).assessments
    unset = 0
    for model in _results(assessment.facts):
        straight = model.model_dump(mode="json", exclude_unset=True, by_alias=True)
        every = model.model_dump(mode="json", exclude_unset=False)
        assert json.dumps(every) == json.dumps(straight)
        fields = type(model).model_fields
        for field in fields.keys() - model.model_fields_set:
            unset += 1
            assert getattr(model, field) == fields[field].get_default(call_default_factory=True)
    assert unset  # every example has a fact that got only so far
    facts = assessment.facts
    straight_facts = {
        name: getattr(facts, name).model_dump(mode="json", exclude_unset=True, by_alias=True)
        for name in type(facts).model_fields
        if name in facts.model_fields_set
    }
    written = json.loads(assessment.model_dump_json())["facts"]
    assert json.dumps(written) == json.dumps(straight_facts)
