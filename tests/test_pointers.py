"""Every place a rule or a finding names is a place the input schema accepts.

A finding that asks for an answer at a pointer the schema refuses sends the user to a dead
end. This walks every pointer of every rule (check, reads, applies_when, pending_when and
evidence) through the input models, and every pointer in the 'missing' list of every finding
of the examples and of probe subjects that exercise the facts' own 'missing' entries.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from functools import cache
from typing import Any

import pytest
from pydantic import BaseModel

from sourcing_check.assess import assess
from sourcing_check.facts import FACT_KEYS
from sourcing_check.load.subject import subject_from_data
from sourcing_check.models.introspect import model_in
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.results import Finding
from sourcing_check.models.vendor import VendorQuestionnaire
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import Framework, load_framework
from sourcing_check.rules.predicates import pointers
from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES
from tests.helpers import TEST_DATE, reference

ROOTS: dict[str, type[BaseModel]] = {"vendor": VendorQuestionnaire, "project": ProjectPlan}
#: A pointer into the subject inside a finding's text, e.g. in "KE: /project/pay/rate: ...".
POINTER = re.compile(r"/(?:vendor|project|facts)(?:/[A-Za-z0-9_~.-]+)+")


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return False


def place_error(pointer: str, *, evidence: bool = False) -> str | None:
    """Why the input schema would refuse an answer at ``pointer``, or None if it accepts it.

    Stricter than the lint: a list index must stand exactly where a list is, and nowhere else.
    """
    root, *parts = pointer[1:].split("/")
    if root == "facts":
        if evidence:
            return "evidence lives in input sections"
        if not parts or parts[0] not in FACT_KEYS:
            return "unknown fact"
        return None if len(parts) == 1 or parts[1] in FACT_KEYS[parts[0]] else "unknown fact key"
    if root not in ROOTS:
        return "not a /vendor, /project or /facts pointer"
    model: type[BaseModel] | None = ROOTS[root]
    index_expected = False
    for part in parts:
        if index_expected:
            if not part.isdigit():
                return f"{part!r} where a list index is expected"
            index_expected = False
            continue
        if model is None or part not in model.model_fields:
            where = model.__name__ if model else "a value"
            return f"no field {part!r} in {where}"
        annotation = model.model_fields[part].annotation
        index_expected = _is_list(annotation)
        model = model_in(annotation)
    if evidence and (model is None or index_expected or "evidence" not in model.model_fields):
        return "not a section that can hold evidence"
    return None


@cache
def _framework() -> Framework:
    return load_framework(default_framework_dir())


def _rule_pointers() -> list[Any]:
    params = []
    for rule in _framework().rules:
        req = rule.requirement
        named = [
            *(("check", p) for p in pointers(req.check)),
            *(("reads", p) for p in req.reads or []),
            *(("applies_when", p) for p in pointers(req.applies_when or {})),
            *(("pending_when", p) for p in pointers(req.pending_when or {})),
            *(("evidence", e.at) for e in req.evidence),
        ]
        for where, pointer in named:
            params.append(pytest.param(where, pointer, id=f"{req.id}:{where}:{pointer}"))
    return params


@pytest.mark.parametrize(("where", "pointer"), _rule_pointers())
def test_every_rule_pointer_is_a_place_the_schema_accepts(where: str, pointer: str) -> None:
    assert place_error(pointer, evidence=where == "evidence") is None


def test_the_walk_refuses_what_the_schema_refuses() -> None:
    assert place_error("/project/pay/unpaid_hours_per_period") is None
    assert place_error("/project/pay/location_rates/0/rate/amount") is None
    assert place_error("/project/pay/location_rates/0/unpaid_hours_per_period") is not None
    assert place_error("/project/pay/0/rate") is not None  # an index where no list is
    assert place_error("/project/pay/location_rates/rate") is not None  # no index
    assert place_error("/vendor/pay", evidence=True) is None
    assert place_error("/vendor/pay/fee_share_percent", evidence=True) is not None


def _missing_pointers(findings: list[Finding]) -> list[str]:
    return sorted({p for f in findings for item in f.missing for p in POINTER.findall(item)})


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_asks_only_for_accepted_places(name: str) -> None:
    (assessment,) = run([EXAMPLES / name], Settings(date=dt.date(2026, 11, 24))).assessments
    asked = _missing_pointers(assessment.findings)
    assert asked  # each example leaves something to answer
    assert {p: place_error(p) for p in asked if place_error(p)} == {}


_SALARY = {"amount": 72000, "currency": "KES", "period": "month"}
_SALARY_IN = {"amount": 42000, "currency": "INR", "period": "month"}
_HOURLY = {"amount": 260, "currency": "KES", "period": "hour"}
_PER_TASK = {"amount": 0.1, "currency": "USD", "period": "task"}
_WORKERS = {"locations": [{"country": "KE"}, {"country": "IN"}]}

PROBES = [
    pytest.param(
        {
            "pay": {
                "model": "hourly",
                "rate": {"amount": 260, "currency": "KES", "period": "hour"},
            },
            "workers": _WORKERS,
        },
        id="hourly pay with nothing else answered",
    ),
    pytest.param(
        {
            "pay": {"model": "per_task", "rate": _PER_TASK, "fee_share_percent": 0},
            "workers": _WORKERS,
            "pilot": {"status": "completed"},
        },
        id="per-task pay without times",
    ),
    pytest.param(
        {
            "pay": {
                "model": "salaried",
                "rate": _SALARY,
                "contracted_hours_per_period": 173,
                "fee_share_percent": 0,
                "location_rates": [
                    {
                        "country": "IN",
                        "rate": {"amount": 42000, "currency": "INR", "period": "month"},
                    }
                ],
            },
            "workers": _WORKERS,
            "rejection": {"rejected_work_paid": "always"},
        },
        id="salaried location rate without unpaid hours",
    ),
    pytest.param(
        {
            "pay": {
                "model": "per_task",
                "rate": _PER_TASK,
                "minutes_per_task": 2,
                "fee_share_percent": 0,
                "location_rates": [
                    {"country": "IN", "rate": {"amount": 0.05, "currency": "USD", "period": "task"}}
                ],
            },
            "workers": _WORKERS,
            "rejection": {"rejected_work_paid": "always"},
        },
        id="per-task location rate without unpaid minutes",
    ),
    pytest.param(
        {
            "pay": {
                "model": "per_task",
                "rate": _PER_TASK,
                "minutes_per_task": 2,
                "unpaid_minutes_per_task": 0,
                "fee_share_percent": 0,
                "qualification": {"minutes": 30, "paid": False},
                "location_rates": [
                    {"country": "IN", "rate": {"amount": 0.05, "currency": "USD", "period": "task"}}
                ],
            },
            "workers": _WORKERS,
            "rejection": {"rejected_work_paid": "always"},
        },
        id="per-task location rate with unpaid qualification and no tasks per worker",
    ),
    pytest.param(
        {"pay": {"location_rates": [{"country": "IN", "rate": _PER_TASK}]}, "workers": _WORKERS},
        id="location rate without a pay model",
    ),
]


@pytest.mark.parametrize("plan", PROBES)
def test_the_wage_fact_asks_only_for_accepted_places(plan: dict[str, Any]) -> None:
    project = {"kind": "project-plan", "schema_version": 1, "project": {"name": "Probe"}, **plan}
    subject = subject_from_data(None, project, "probe")
    assessment = assess(subject, _framework(), reference(), TEST_DATE)
    asked = _missing_pointers(assessment.findings)
    assert asked
    assert {p: place_error(p) for p in asked if place_error(p)} == {}


def _vendor(rates: list[dict[str, Any]]) -> dict[str, Any]:
    time_paid = {"searching_for_work": False, "reading_instructions": False}
    return {
        "kind": "vendor-questionnaire",
        "schema_version": 1,
        "vendor": {"name": "Probe vendor"},
        "pay": {"rates": rates, "time_paid": time_paid},
    }


def test_a_zero_of_unpaid_time_against_unpaid_activities_asks_at_accepted_places() -> None:
    # the vendor leaves time around tasks unpaid; its rates (and a plan placed with it) give 0
    per_task = _vendor(
        [
            {
                "country": "KE",
                "model": "per_task",
                "rate": _PER_TASK,
                "minutes_per_task": 2,
                "unpaid_minutes_per_task": 0,
            },
            {"country": "PH", "model": "per_task", "rate": _PER_TASK, "minutes_per_task": 2},
        ]
    )
    hourly = _vendor(
        [{"country": "IN", "model": "hourly", "rate": _HOURLY, "unpaid_hours_per_period": 0}]
    )
    plan = {
        "kind": "project-plan",
        "schema_version": 1,
        "project": {"name": "Probe"},
        "pay": {
            "model": "per_task",
            "rate": _PER_TASK,
            "minutes_per_task": 2,
            "unpaid_minutes_per_task": 0,
        },
        "workers": _WORKERS,
    }
    asked: set[str] = set()
    for vendor in (per_task, hourly):
        subject = subject_from_data(vendor, plan, "probe")
        assessment = assess(subject, _framework(), reference(), TEST_DATE)
        asked |= set(_missing_pointers(assessment.findings))
    assert "/vendor/pay/rates/0/unpaid_minutes_per_task" in asked
    assert "/vendor/pay/rates/1/unpaid_minutes_per_task" in asked
    assert "/vendor/pay/rates/0/unpaid_hours_per_period" in asked
    assert "/project/pay/unpaid_minutes_per_task" in asked
    assert {p: place_error(p) for p in asked if place_error(p)} == {}
