"""Living-wage tables: YAML or CSV (a spreadsheet export), lookup and currency conversion."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sourcing_check.errors import InputError
from sourcing_check.load.reference import load_reference
from sourcing_check.resources import reference_dir
from tests.conftest import DATA

HEADER = (
    "id,country,region,amount,currency,period,hours_per_period,hours_basis,"
    "household_basis,gross_or_net,year,publisher,source_title,source_url\n"
)
ROW_KE = (
    "ke-test,KE,,34600,KES,month,173,fixture,fixture,gross,2025,Test,Test,"
    "https://example.invalid/ke\n"
)


def test_csv_table_gives_the_same_benchmarks(tmp_path: Path) -> None:
    table = tmp_path / "living-wages.csv"
    table.write_text(HEADER + ROW_KE + "\n")
    reference = load_reference(table, DATA / "currency-rates.yaml")
    benchmark = reference.benchmark("KE", "Nairobi")  # no regional row: the national one
    assert benchmark is not None
    assert benchmark.hourly == Decimal(200)
    assert reference.files[0] == (str(table), reference.files[0][1])


def test_csv_errors_name_the_row_line(tmp_path: Path) -> None:
    table = tmp_path / "living-wages.csv"
    table.write_text(
        HEADER + ROW_KE + ROW_KE.replace("ke-test,KE,,", "x,KE,Mombasa,").replace("KES", "kes")
    )
    with pytest.raises(InputError) as caught:
        load_reference(table, DATA / "currency-rates.yaml")
    (problem,) = caught.value.problems
    assert (problem.code, problem.line) == ("I203", 3)
    assert problem.pointer == "/entries/1/currency"
    assert "ISO 4217" in problem.message


@pytest.mark.parametrize(
    ("rows", "code", "line"),
    [
        (ROW_KE + ROW_KE.replace("\n", ",extra,cells\n"), "I111", 3),
        (ROW_KE + '"' + "x" * 200_000 + '",KE\n', "I104", 3),
    ],
)
def test_unreadable_csv_rows_are_located(tmp_path: Path, rows: str, code: str, line: int) -> None:
    table = tmp_path / "living-wages.csv"
    table.write_text(HEADER + rows)
    with pytest.raises(InputError) as caught:
        load_reference(table, DATA / "currency-rates.yaml")
    (problem,) = caught.value.problems
    assert (problem.file, problem.code, problem.line) == (str(table), code, line)


def test_duplicate_geographies_are_refused(tmp_path: Path) -> None:
    table = tmp_path / "living-wages.csv"
    table.write_text(HEADER + ROW_KE + ROW_KE.replace("ke-test", "ke-again"))
    with pytest.raises(InputError, match="two entries for KE") as caught:
        load_reference(table, DATA / "currency-rates.yaml")
    assert caught.value.problems[0].code == "I203"


def test_conversion_goes_through_the_base_currency() -> None:
    reference = load_reference(DATA / "living-wages.yaml", DATA / "currency-rates.yaml")
    conversion = reference.convert("EUR", "KES")
    assert conversion is not None
    assert conversion.factor == Decimal(130) / Decimal("0.9")
    assert reference.convert("GBP", "KES") is None  # no rate: never a silent default


def test_bundled_tables_cite_every_entry() -> None:
    reference = load_reference(
        reference_dir() / "living-wages.yaml", reference_dir() / "currency-rates.yaml"
    )
    for entry in reference.living_wages.entries:
        assert entry.source_url.startswith("http")
        assert entry.publisher and entry.hours_basis and entry.household_basis
    assert reference.rates.source_url.startswith("http")


def test_zero_hours_or_amount_are_refused(tmp_path: Path) -> None:
    table = tmp_path / "living-wages.csv"
    table.write_text(HEADER + ROW_KE.replace(",173,", ",0,"))
    with pytest.raises(InputError) as caught:
        load_reference(table, DATA / "currency-rates.yaml")
    assert caught.value.problems[0].pointer == "/entries/0/hours_per_period"
