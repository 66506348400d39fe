"""A run's tables keep what was worked out from them (a location's benchmark, a conversion), by
every other input it depends on: a different date, table or parameter is worked out afresh, and
what a caller does with its working does not reach the next subject."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from sourcing_check.facts.wage_benchmark import living_wage, minimum_wage
from sourcing_check.facts.wage_working import Location, Setting, Working
from sourcing_check.load.reference import load_reference
from sourcing_check.models.pay import PayTerms
from sourcing_check.reference import lookup
from sourcing_check.reference.lookup import Reference
from tests.helpers import DATA, TEST_DATE, reference

NAIROBI = Location("KE", "Nairobi", PayTerms(), "/project/pay")


def _benchmark(tables: Reference, date: dt.date = TEST_DATE, **params: object) -> Working:
    work = Working()
    living_wage(NAIROBI, Setting.of(tables, date, params), work)
    return work


def test_a_benchmark_worked_out_again_is_the_same_working() -> None:
    tables = reference(price_index=True)
    first, again = _benchmark(tables), _benchmark(tables)
    assert again == first
    assert again.steps is not first.steps and again.caveats is not first.caveats


def test_what_is_kept_cannot_be_changed_by_a_caller() -> None:
    tables = reference(price_index=True)
    found = living_wage(NAIROBI, Setting.of(tables, TEST_DATE, {}), Working())
    rate = tables.convert("USD", "KES")
    assert found is not None and found.benchmark is not None and rate is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.hourly = Decimal(1)  # type: ignore[misc]
    with pytest.raises(ValidationError):
        found.benchmark.id = "another"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rate.factor = Decimal(1)  # type: ignore[misc]
    assert living_wage(NAIROBI, Setting.of(tables, TEST_DATE, {}), Working()) is found


def test_a_caller_changing_its_working_does_not_change_the_next() -> None:
    tables = reference(price_index=True)
    first = _benchmark(tables)
    shown = list(first.steps), list(first.caveats)
    first.steps.clear()
    first.caveats.append("a caller's own caveat")
    first.missing.append("a caller's own gap")
    again = _benchmark(tables)
    assert (again.steps, again.caveats, again.missing) == (*shown, [])


def test_a_different_date_or_parameter_is_worked_out_again() -> None:
    tables = reference(price_index=True)
    now = _benchmark(tables)
    assert _benchmark(tables, dt.date(2021, 6, 1)).steps != now.steps  # to 2021 prices only
    assert _benchmark(tables, index_benchmarks=False).steps != now.steps
    assert _benchmark(tables).caveats != _benchmark(tables, max_benchmark_age_years=9).caveats
    # and each is kept apart: the first answer stands when asked again
    assert _benchmark(tables) == now


def test_different_tables_are_worked_out_apart() -> None:
    indexed, plain = reference(price_index=True), reference()
    assert _benchmark(indexed).steps != _benchmark(plain).steps
    assert _benchmark(plain) == _benchmark(reference())


def test_a_floor_not_yet_in_force_on_one_date_is_in_force_on_a_later_one(tmp_path: Path) -> None:
    floors = (DATA / "minimum-wages.yaml").read_text(encoding="utf-8")
    later = tmp_path / "minimum-wages.yaml"
    later.write_text(floors + "    effective_date: 2027-01-01\n", encoding="utf-8")
    tables = load_reference(
        DATA / "living-wages.yaml", DATA / "currency-rates.yaml", minimum_wages=later
    )
    where = Location("VE", None, PayTerms(), "/project/pay")
    works = [Working() for _ in range(3)]
    dates = (TEST_DATE, dt.date(2027, 6, 1), TEST_DATE)
    found = [
        minimum_wage(where, Setting.of(tables, d, {}), w) for d, w in zip(dates, works, strict=True)
    ]
    assert found[0] is None and found[2] is None
    assert works[0].steps[0].value == "not yet in force" and works[2] == works[0]
    assert found[1] is not None and found[1].hourly == Decimal(10) and works[1] != works[0]


def test_the_memo_keeps_results_by_key_and_is_bounded() -> None:
    tables = reference()
    made: list[int] = []

    def make(n: int) -> int:
        made.append(n)
        return n

    assert tables.memo(("k", 1), lambda: make(1)) == 1
    assert tables.memo(("k", 1), lambda: make(99)) == 1  # kept
    assert tables.memo(("k", 2), lambda: make(2)) == 2
    assert made == [1, 2]
    for n in range(lookup.MEMO_SIZE + 5):
        tables.memo(("n", n), lambda n=n: n)
    assert len(tables._memo) <= lookup.MEMO_SIZE
    assert reference()._memo == {}  # other tables keep their own


def test_tables_compare_and_print_as_before_whatever_they_keep() -> None:
    one, two = reference(), reference()
    one.convert("USD", "KES")
    assert one == two and repr(one) == repr(two)
    assert one.convert("USD", "KES") == two.convert("USD", "KES")
    assert one.convert("USD", "XXX") is None and one.convert("USD", "XXX") is None
