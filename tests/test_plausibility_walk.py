"""The plausibility warnings found in one recursive pass are those the straightforward walk
(a generator per level, every check on every value) finds, in the same order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sourcing_check.errors import Problem
from sourcing_check.load.plausibility import (
    _after,
    _document_warnings,
    _hours,
    _number,
    _shares,
    _thousands,
    _When,
)
from sourcing_check.load.subject import load_subject
from sourcing_check.models.document import Document, join_pointer
from tests.conftest import EXAMPLES


def _walk(data: Any, pointer: str) -> Iterator[tuple[str, str | None, Any, Any]]:
    """Each value held in a mapping as (pointer, key, value, mapping), and each held in a list
    as (its pointer, None, value, list)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield pointer, key, value, data
            if isinstance(value, dict | list):
                yield from _walk(value, join_pointer(pointer, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, dict | list):
                yield join_pointer(pointer, index), None, value, data
                yield from _walk(value, join_pointer(pointer, index))


#: The assessment date (the dates in the unlikely data below are after it).
_ON = _When(dt.date(2026, 11, 24), "the assessment date")


def _straightforward(document: Document) -> Iterator[Problem]:
    for within, key, value, parent in _walk(document.data, ""):
        if key is None:  # a list's item: terms with hours (a vendor's rate) are checked too
            if isinstance(value, dict):
                yield from _hours(document, within, value)
            continue
        if (late := _after(document, within, key, value, _ON)) is not None:
            yield late
        if key.endswith("_percent") and _number(value) and 0 < value < 1:
            exact = Decimal(str(value))
            shown, meant = format(exact, "f"), format((exact * 100).normalize(), "f")
            yield document.problem(
                join_pointer(within, key),
                f"{shown} reads as {shown}%; write {meant} for {meant}%",
                "percentages are written out of 100",
                code="W201",
            )
        if key == "amount" and "currency" in parent and _thousands(value):
            whole = format(value.normalize(), "f")
            yield document.problem(
                join_pointer(within, key),
                f"{value} reads as {whole}; write {whole}000 if the point separates thousands",
                "write amounts without thousands separators",
                code="W204",
            )
        if isinstance(value, dict):
            yield from _hours(document, join_pointer(within, key), value)
        if key == "locations" and isinstance(value, list):
            yield from _shares(document, join_pointer(within, key), value)


def _document(data: Any) -> Document:
    return Document(Path("x.yaml"), "x.yaml", data, {"": (1, 1)}, "0" * 64)


def _rates(**terms: Any) -> dict[str, Any]:
    return {"rate": {"amount": Decimal("72.000"), "currency": "KES", "period": "month"}, **terms}


#: Data with every warning, at every depth, in lists of lists and beside mappings without any.
_UNLIKELY: list[Any] = [
    {
        "a_percent": Decimal("0.3"),
        "b_percent": 0.5,
        "c_percent": True,
        "amount": Decimal("72.000"),
        "pay": {
            "rates": [
                _rates(contracted_hours_per_period=48),
                _rates(contracted_hours={"hours": 90, "per": "week"}),
                {**_rates(contracted_hours_per_period=173), "rate": {"period": "hour"}},
                _rates(contracted_hours={"hours": "many"}, contracted_hours_per_period=20),
                [[{"x_percent": Decimal("0.25"), "amount": Decimal("1.000"), "currency": "X"}]],
            ],
            "locations": [{"share_percent": Decimal("0.6")}, {"share_percent": 30}, "odd"],
        },
        "under": _rates(contracted_hours_per_period=48),
        "over": {"terms": _rates(contracted_hours={"hours": 90, "per": "week"})},
        "per_hour": {**_rates(contracted_hours_per_period=173), "rate": {"period": "hour"}},
        "plain": {"contracted_hours": {"hours": 100, "per": "month"}},
        "workers": {"locations": [{"share_percent": 60}, {"share_percent": 60}]},
        "locations": {"share_percent": Decimal("0.1")},
        "contracted_hours_per_period": 400,
        "rate": {"period": "month"},
        "observed_earnings": {
            "date": "2027-01-01",
            "period_to": dt.datetime(2027, 2, 1, 9, 30),
            "period_from": "2026-01-01",
            "source": "2030-01-01",
        },
        "living_wage_benchmark": {"year": 2031, "figures": [{"year": 2030}, {"year": True}]},
        "independent_rating": {"year": "2030"},
        "evidence": [{"date": "2099-12-31"}, {"date": "31/12/2099"}],
    },
    [{"locations": [{"share_percent": 120}]}, [{"amount": Decimal("5.000"), "currency": "U"}]],
    "text",
    {},
]


def test_one_pass_finds_the_warnings_of_the_straightforward_walk() -> None:
    examples = sorted(EXAMPLES.glob("*.yaml")) + sorted((EXAMPLES / "revised").glob("*.yaml"))
    documents = [_document(data) for data in _UNLIKELY]
    for path in examples:
        subject = load_subject(path)
        documents += [i.document for i in subject.inputs()]
    found = 0
    for document in documents:
        expected = list(_straightforward(document))
        assert _document_warnings(document, _ON) == expected, document.name
        found += len(expected)
    assert found >= 23  # every kind of warning, W201 to W205 and W207
