"""Table lint for the reference tables, and the bundled tables' provenance and coverage."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sourcing_check.errors import InputError
from sourcing_check.load.reference import load_minimum_wages, load_price_index, load_reference
from sourcing_check.reference.tables import LivingWageTable
from sourcing_check.resources import reference_dir
from tests.conftest import DATA

ROW = {
    "id": "ke-test",
    "country": "KE",
    "amount": 34600,
    "currency": "KES",
    "period": "month",
    "hours_per_period": 173,
    "hours_basis": "fixture, 40 h/week",
    "household_basis": "fixture family, per earner",
    "gross_or_net": "gross",
    "year": 2025,
    "publisher": "Test",
    "source_title": "Test",
    "source_url": "https://example.invalid/ke",
}
TABLE = {"kind": "living-wage-table", "schema_version": 1, "title": "t", "entries": [ROW]}


def problems(data: dict[str, object]) -> list[str]:
    try:
        LivingWageTable.model_validate(data)
    except ValueError as exc:
        return [str(exc)]
    return []


@pytest.mark.parametrize("field", ["source_url", "year", "household_basis", "hours_basis"])
def test_a_row_without_its_provenance_is_refused(field: str) -> None:
    row = {k: v for k, v in ROW.items() if k != field}
    assert problems({**TABLE, "entries": [row]}), field


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hours_basis", "  "),
        ("household_basis", ""),
        ("source_url", "example.invalid/ke"),
        ("source_url", ""),
        ("year", 15),
    ],
)
def test_a_blank_or_malformed_provenance_field_is_refused(field: str, value: object) -> None:
    assert problems({**TABLE, "entries": [{**ROW, field: value}]})


def test_derivation_and_none_found_are_optional_and_checked() -> None:
    derived = {**ROW, "derivation": "family need KES 58,820 / 1.7 earners (as stated)"}
    none_found = [{"country": "VE", "looked": "WageIndicator, Anker, CENDAS-FVM"}]
    assert not problems({**TABLE, "entries": [derived], "none_found": none_found})
    assert problems({**TABLE, "none_found": [{"country": "VE"}]})  # where we looked: required
    assert problems({**TABLE, "none_found": [{"country": "VE", "looked": " "}]})


def test_the_loader_names_the_row_and_field(tmp_path: Path) -> None:
    table = tmp_path / "living-wages.yaml"
    table.write_text(
        "kind: living-wage-table\nschema_version: 1\ntitle: t\nentries:\n"
        "  - {id: x, country: KE, amount: 1, currency: KES, period: month,\n"
        "     hours_per_period: 173, household_basis: h, gross_or_net: gross, year: 2025,\n"
        "     publisher: p, source_title: t, source_url: 'https://example.invalid'}\n"
    )
    with pytest.raises(InputError) as caught:
        load_reference(table, DATA / "currency-rates.yaml")
    (problem,) = caught.value.problems
    assert problem.pointer == "/entries/0/hours_basis"
    assert problem.line == 5


def bundled() -> tuple[LivingWageTable, dict[str, str]]:
    reference = load_reference(
        reference_dir() / "living-wages.yaml", reference_dir() / "currency-rates.yaml"
    )
    rates = {code: "" for code in reference.rates.rates} | {reference.rates.base: ""}
    return reference.living_wages, rates


def test_every_bundled_benchmark_is_cited_and_on_a_stated_basis() -> None:
    table, _ = bundled()
    for entry in table.entries:
        assert entry.source_url.startswith(("https://", "http://")), entry.id
        assert entry.hours_basis.strip() and entry.household_basis.strip(), entry.id
        assert entry.year >= 2015, entry.id


def test_the_bundled_tables_say_where_no_living_wage_was_found() -> None:
    table, _ = bundled()
    missing = {(gap.country, gap.region) for gap in table.none_found}
    assert {("VE", None), ("LB", None), ("EG", None), ("MG", None)} <= missing
    with_rows = {(entry.country, entry.region) for entry in table.entries}
    assert not missing & with_rows  # a geography is either covered or listed as missing


def test_every_currency_of_the_bundled_tables_has_a_dated_rate() -> None:
    table, rates = bundled()
    minimum = load_minimum_wages(reference_dir() / "minimum-wages.yaml")
    used = {e.currency for e in table.entries} | {e.currency for e in minimum.entries}
    assert used <= set(rates), used - set(rates)
    reference = load_reference(
        reference_dir() / "living-wages.yaml", reference_dir() / "currency-rates.yaml"
    )
    for code in used - {"USD"}:
        conversion = reference.convert("USD", code)
        assert conversion is not None and conversion.as_of == "2026-09-29", code
        assert conversion.url.startswith("https://"), code


def test_the_bundled_minimum_wages_cover_the_countries_the_issue_names() -> None:
    table = load_minimum_wages(reference_dir() / "minimum-wages.yaml")
    countries = {entry.country for entry in table.entries}
    assert {"VE", "LB", "KE", "IN", "PH", "NG", "PK", "BD"} <= countries
    assert "UG" in {gap.country for gap in table.none_found}  # no statutory minimum in force
    for entry in table.entries:
        assert entry.source_url.startswith(("https://", "http://")), entry.id
        assert entry.coverage.strip() and entry.hours_basis.strip(), entry.id


def test_minimum_wage_rows_are_unique_and_cited(tmp_path: Path) -> None:
    row = (
        "  - {id: ve, country: VE, coverage: national, amount: 130, currency: VES,\n"
        "     period: month, hours_per_period: 173.33, hours_basis: assumed, year: 2025,\n"
        "     publisher: p, source_title: t, source_url: 'https://example.invalid'}\n"
    )
    head = "kind: minimum-wage-table\nschema_version: 1\ntitle: t\nentries:\n"
    table = tmp_path / "minimum-wages.yaml"
    table.write_text(head + row)
    assert load_minimum_wages(table).entries[0].hourly == Decimal(130) / Decimal("173.33")
    table.write_text(head + row + row.replace("id: ve", "id: ve2"))
    with pytest.raises(InputError, match="two entries for VE"):
        load_minimum_wages(table)
    table.write_text(head + row.replace("source_url: 'https://example.invalid'", "note: x"))
    with pytest.raises(InputError):
        load_minimum_wages(table)


def test_the_price_index_covers_every_older_benchmark_or_says_why_not() -> None:
    table, _ = bundled()
    index = load_price_index(reference_dir() / "price-index.yaml")
    gaps = {(gap.country, year) for gap in index.not_available for year in gap.years}
    for entry in table.entries:
        if entry.year >= 2025:
            continue
        series = index.for_country(entry.country)
        for year in range(entry.year + 1, 2027):
            known = series is not None and any(p.year == year for p in series.values)
            assert known or (entry.country, year) in gaps, (entry.id, year)


def test_price_index_factor_compounds_the_annual_rates(tmp_path: Path) -> None:
    table = tmp_path / "price-index.yaml"
    table.write_text(
        "kind: price-index-table\nschema_version: 1\ntitle: t\n"
        "measure: annual_average_inflation_percent\nseries:\n"
        "  - {country: KE, publisher: p, indicator: i, source_title: t,\n"
        "     source_url: 'https://example.invalid', retrieved: r,\n"
        "     values: [{year: 2024, value: 10}, {year: 2025, value: 5}]}\n"
    )
    series = load_price_index(table).for_country("KE")
    assert series is not None
    assert series.factor(2023, 2025) == Decimal("1.1") * Decimal("1.05")
    assert series.factor(2022, 2025) is None  # 2023 unknown: cannot be indexed that far
    table.write_text(table.read_text().replace("value: 5}", "value: 5, projection: true}"))
    forecast = load_price_index(table).for_country("KE")
    assert forecast is not None and forecast.factor(2023, 2025) is None  # 2025 a forecast
    assert forecast.factor(2023, 2024) == Decimal("1.1")
    table.write_text(table.read_text().replace("year: 2025", "year: 2024"))
    with pytest.raises(InputError, match="appears twice"):
        load_price_index(table)


@pytest.mark.parametrize(
    ("field", "value"), [("hours_per_period", Decimal("1e-30")), ("amount", Decimal("1e-30"))]
)
def test_a_divisor_below_its_floor_is_refused(field: str, value: Decimal) -> None:
    assert problems({**TABLE, "entries": [{**ROW, field: value}]})


def test_a_currency_rate_of_zero_is_refused(tmp_path: Path) -> None:
    rates = tmp_path / "rates.yaml"
    rates.write_text(
        "kind: currency-rates\nschema_version: 1\nbase: USD\nas_of: '2026-01-01'\n"
        "source: t\nsource_url: https://example.invalid\nrates: {KES: 0}\n"
    )
    with pytest.raises(InputError) as caught:
        load_reference(DATA / "living-wages.yaml", rates)
    assert caught.value.problems[0].line == 7


def test_a_year_from_another_source_is_cited_and_named_in_the_working(tmp_path: Path) -> None:
    table = tmp_path / "price-index.yaml"
    table.write_text(
        "kind: price-index-table\nschema_version: 1\ntitle: t\n"
        "measure: annual_average_inflation_percent\nseries:\n"
        "  - {country: KE, publisher: World Bank, indicator: i, source_title: t,\n"
        "     source_url: 'https://example.invalid', retrieved: r,\n"
        "     values: [{year: 2024, value: 10},\n"
        "              {year: 2025, value: 5, publisher: KNBS, source_url: 'https://k.invalid'}]}\n"
    )
    series = load_price_index(table).for_country("KE")
    assert series is not None
    assert series.publishers(2023, 2025) == "World Bank; 2025: KNBS"
    assert series.publishers(2023, 2024) == "World Bank"
    table.write_text(table.read_text().replace(", source_url: 'https://k.invalid'", ""))
    with pytest.raises(InputError, match="needs publisher and source_url"):
        load_price_index(table)


def test_the_bundled_price_index_reaches_2024_for_every_older_benchmark() -> None:
    # a benchmark brought forward only to 2023 would count as 3 years old in 2026 and pass
    table, _ = bundled()
    index = load_price_index(reference_dir() / "price-index.yaml")
    for entry in table.entries:
        series = index.for_country(entry.country)
        if entry.year < 2024:
            assert series is not None and series.factor(entry.year, 2024), entry.id
    romania = index.for_country("RO")
    assert romania is not None and romania.factor(2023, 2024) == Decimal("1.0559")


#: Bundled living-wage rows below the statutory minimum wage of their place, per hour and at
#: their own year's prices. Each is explained in docs/reference-data.md; where both apply, pay
#: below the minimum fails even when it reaches the row.
BELOW_THE_MINIMUM_WAGE = {
    "in-rural-madhya-pradesh-glwc-2023",  # against India's central-sphere rate, not MP's own
    "my-national-wageindicator-2018-12",
    "ar-national-wageindicator-2019-09",
    "ua-national-wageindicator-2018-01",
    "de-national-wageindicator-2018-12",
}


def test_the_living_wage_rows_below_the_minimum_wage_are_the_known_ones() -> None:
    reference = load_reference(
        reference_dir() / "living-wages.yaml",
        reference_dir() / "currency-rates.yaml",
        reference_dir() / "minimum-wages.yaml",
    )
    below = set()
    for entry in reference.living_wages.entries:
        floor = reference.minimum_wage(entry.country, entry.region).entry
        if floor is not None:
            assert floor.currency == entry.currency, entry.id
            if entry.hourly < floor.hourly:
                below.add(entry.id)
    assert below == BELOW_THE_MINIMUM_WAGE
    docs = (Path(__file__).parents[1] / "docs" / "reference-data.md").read_text()
    assert [row for row in sorted(below) if f"`{row}`" not in docs] == []
