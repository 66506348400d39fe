"""A maintainer's edits to the reference tables: each is read exactly as written, or refused
with a located problem that says what was expected; none is silently misread."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcing_check.errors import InputError
from sourcing_check.load.reference import load_reference
from tests.conftest import DATA

HEADER = (
    "id,country,region,amount,currency,period,hours_per_period,hours_basis,"
    "household_basis,gross_or_net,year,publisher,source_title,source_url\n"
)


def _row(amount: str = "34600", period: str = "month", hours: str = "173.33") -> str:
    return (
        f"ke-test,KE,,{amount},KES,{period},{hours},fixture,fixture,gross,2025,Test,Test,"
        "https://example.invalid/ke\n"
    )


def _problems(tmp_path: Path, text: str, name: str = "lw.csv") -> list[tuple[str, int, str]]:
    table = tmp_path / name
    table.write_text(text)
    with pytest.raises(InputError) as caught:
        load_reference(table, DATA / "currency-rates.yaml")
    return [(p.code, p.line or 0, p.message) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("period", "hours", "words"),
    [
        ("hour", "173.33", "an amount per hour is for 1 hour"),  # period changed, hours not
        ("week", "173.33", "a week has 168 hours"),
        ("day", "40", "a day has 24 hours"),
        ("month", "800", "a month has at most 744 hours"),
        ("year", "9000", "a year has at most 8784 hours"),
    ],
)
def test_hours_that_do_not_fit_the_period_are_refused_at_the_row(
    tmp_path: Path, period: str, hours: str, words: str
) -> None:
    # KES 300 per hour with a month's 173.33 hours would be read as KES 1.73 an hour
    (problem,) = _problems(
        tmp_path,
        HEADER + _row("300", period, hours) + _row().replace("ke-test,KE,", "ke-two,KE,Mombasa"),
    )
    code, line, message = problem
    assert (code, line) == ("I203", 2)
    assert words in message and hours in message


@pytest.mark.parametrize(("period", "hours"), [("hour", "1"), ("day", "8"), ("week", "48")])
def test_hours_that_fit_the_period_are_read(tmp_path: Path, period: str, hours: str) -> None:
    table = tmp_path / "lw.csv"
    table.write_text(HEADER + _row("300", period, hours))
    reference = load_reference(table, DATA / "currency-rates.yaml")
    benchmark = reference.benchmark("KE", None)
    assert benchmark is not None and benchmark.hours_per_period == int(hours)
