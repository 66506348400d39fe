"""A maintainer's edits to the reference tables: each is read exactly as written, or refused
with a located problem that says what was expected; none is silently misread."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.errors import InputError
from sourcing_check.load.reference import TableFiles, load_reference, load_tables
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


RATES = """kind: currency-rates
schema_version: 1
base: USD
as_of: "2025-01-15"
source: Our treasury desk
source_url: https://example.invalid/treasury
rates:
"""


def test_bare_rates_of_a_table_given_keep_its_date_and_source(tmp_path: Path) -> None:
    mine = tmp_path / "rates.yaml"
    mine.write_text(RATES + "  KES: 150\n")
    reference = load_tables(
        TableFiles((DATA / "living-wages.yaml",), (DATA / "currency-rates.yaml", mine))
    )
    found = reference.convert("KES", "USD")
    assert found is not None
    assert found.factor == Decimal(1) / Decimal(150)
    # the rate is the treasury desk's of 15 January 2025, not the bundled table's date
    assert found.dated == dt.date(2025, 1, 15)
    assert found.as_of == "2025-01-15" and found.citation == "Our treasury desk"
    assert found.url == "https://example.invalid/treasury"


@pytest.mark.parametrize(
    ("rates", "line", "words"),
    [
        ("  KES: 150\n  kes: 1\n", 9, "ISO 4217"),  # a typo'd code would be ignored
        ("  KSH: 150\n", 8, "ISO 4217"),
        ("  USD: 2\n", 1, "USD is the base: its rate is 1"),
        ("  EUR: {rate: 0.9, as_of: '2025-01-15', source: ' ', source_url: x}\n", 8, "blank"),
    ],
)
def test_a_rate_table_with_a_wrong_currency_or_source_is_refused(
    tmp_path: Path, rates: str, line: int, words: str
) -> None:
    mine = tmp_path / "rates.yaml"
    mine.write_text(RATES + rates)
    with pytest.raises(InputError) as caught:
        load_tables(TableFiles((DATA / "living-wages.yaml",), (mine,)))
    problem = caught.value.problems[0]
    assert (problem.file, problem.code, problem.line) == (str(mine), "I203", line)
    assert words in problem.message and "[key]" not in problem.pointer


def test_a_conversion_to_the_base_is_as_old_as_the_other_rate(tmp_path: Path) -> None:
    # the base is 1 per 1 on any day: a fresh KES rate is not made stale by the date the
    # bundled table gives its base (USD: 1 of 2026-11-01)
    mine = tmp_path / "rates.yaml"
    mine.write_text(RATES.replace("2025-01-15", "2026-12-20") + "  KES: 131\n")
    reference = load_tables(
        TableFiles((DATA / "living-wages.yaml",), (DATA / "currency-rates.yaml", mine))
    )
    for source, target in (("KES", "USD"), ("USD", "KES")):
        found = reference.convert(source, target)
        assert found is not None and found.dated == dt.date(2026, 12, 20)
    found = reference.convert("KES", "EUR")  # two rates: the older one's date
    assert found is not None and found.dated == dt.date(2026, 11, 1)


def test_a_column_named_twice_is_refused_at_its_second_heading(tmp_path: Path) -> None:
    # a new 'amount' column added at the end would silently win over the first
    text = HEADER.replace("\n", ",amount\n") + _row().replace("\n", ",600\n")
    (problem,) = _problems(tmp_path, text)
    assert problem[:2] == ("I107", 1)
    assert "'amount'" in problem[2] and "columns 4 and 15" in problem[2]


def test_a_row_twice_is_refused_at_the_second_row(tmp_path: Path) -> None:
    other = _row().replace("ke-test,KE,", "ke-two,KE,Mombasa")
    for again, words in (
        (_row().replace("ke-test,KE,", "ke-again,KE,"), "two entries for KE (national)"),
        (_row().replace("ke-test,KE,", "ke-test,UG,"), "two entries with id 'ke-test'"),
    ):
        (problem,) = _problems(tmp_path, HEADER + _row() + other + again)
        assert problem[:2] == ("I203", 4)
        assert words in problem[2] and "this one and 'ke-test'" in problem[2]


@pytest.mark.parametrize("table", ["minimum-wages", "rates", "price-index"])
def test_a_csv_export_given_for_a_table_read_from_yaml_says_so(tmp_path: Path, table: str) -> None:
    # the export of these tables is for reading; given back, it was parsed as YAML and
    # refused with "YAML syntax error: mapping values are not allowed"
    export = tmp_path / f"{table}.csv"
    result = CliRunner().invoke(main, ["reference", "export", table, "-o", str(export)])
    assert result.exit_code == 0, result.output
    option = "--" + table
    result = CliRunner().invoke(main, ["reference", "list", option, str(export)])
    assert result.exit_code == 2
    assert f"{export}:1:1: I306 {option} reads a YAML or JSON table, not CSV" in result.output
    assert "YAML syntax error" not in result.output


def test_a_row_given_that_would_replace_two_rows_is_refused_at_the_row(tmp_path: Path) -> None:
    # the Kericho row made national but keeping its id: it replaced both the regional row (by
    # id) and the national row (by place), and the national figure vanished without a word
    export = tmp_path / "ke.csv"
    runner = CliRunner()
    result = runner.invoke(
        main, ["reference", "export", "living-wages", "--country", "KE", "-o", str(export)]
    )
    assert result.exit_code == 0, result.output
    lines = export.read_text().splitlines(keepends=True)
    kericho = next(line for line in lines if line.startswith("ke-rural-kericho-glwc-2023,"))
    mine = tmp_path / "mine.csv"
    mine.write_text(lines[0] + kericho.replace(",KE,Rural Kericho,", ",KE,,"))
    result = runner.invoke(main, ["reference", "list", "living-wages", "--living-wages", str(mine)])
    assert result.exit_code == 2
    assert f"{mine}:2:1: I305 cannot be added to the table: row 'ke-rural-kericho-glwc-2023' " in (
        result.output
    )
    assert "'ke-national-wageindicator-2019-09' and 'ke-rural-kericho-glwc-2023'" in result.output


SERIES = """  - country: KE
    publisher: Test
    indicator: test inflation
    source_title: Test
    source_url: https://example.invalid/cpi
    retrieved: test
    values:
      - {year: 2021, value: 10}
      - {year: 2022, value: 10}
"""


@pytest.mark.parametrize(
    ("series", "line", "words"),
    [
        (SERIES + "      - {year: 2021, value: 7}\n", 15, "2021 appears twice in the series"),
        (SERIES + SERIES, 15, "two series for KE"),
    ],
)
def test_a_year_or_series_twice_is_refused_where_it_repeats(
    tmp_path: Path, series: str, line: int, words: str
) -> None:
    index = tmp_path / "index.yaml"
    index.write_text(
        "kind: price-index-table\nschema_version: 1\ntitle: Mine\n"
        "measure: annual_average_inflation_percent\nseries:\n" + series
    )
    files = TableFiles((DATA / "living-wages.yaml",), (DATA / "currency-rates.yaml",), (), (index,))
    with pytest.raises(InputError) as caught:
        load_tables(files)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line) == ("I203", line)
    assert words in problem.message
