"""Tables given add to the bundled ones (issue 9, item 4): rows by id or place, rates by
currency, series by country; --only-given-tables replaces; aliases and labelled fallbacks;
'reference list' and 'reference export'."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.errors import InputError
from sourcing_check.load.documents import read_document
from sourcing_check.load.reference import load_reference
from sourcing_check.reference.lookup import Reference
from sourcing_check.resources import reference_dir
from sourcing_check.run import Settings, load_reference_tables, run
from tests.conftest import DATA, EXAMPLES

DATE = dt.date(2026, 11, 24)
VE_ROW = {
    "id": "ve-caracas-own-study-2026",
    "country": "VE",
    "amount": 1000,
    "currency": "USD",
    "period": "month",
    "hours_per_period": 173.33,
    "hours_basis": "40 h/week, as the study states",
    "household_basis": "one adult, our own study",
    "gross_or_net": "gross",
    "year": 2026,
    "publisher": "Our own study",
    "source_title": "A living wage for Caracas",
    "source_url": "https://example.invalid/ve",
}


def _table(tmp_path: Path, *rows: dict[str, Any], name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(
        json.dumps(
            {"kind": "living-wage-table", "schema_version": 1, "title": "Mine", "entries": rows}
        )
    )
    return path


def _bundled() -> Reference:
    return load_reference_tables(Settings(date=DATE))


def test_adding_one_row_keeps_the_bundled_rows(tmp_path: Path) -> None:
    mine = _table(tmp_path, VE_ROW)
    merged = load_reference_tables(Settings(living_wages=(mine,), date=DATE))
    bundled = _bundled()
    assert len(merged.living_wages.entries) == len(bundled.living_wages.entries) + 1
    assert merged.benchmark("KE", None) == bundled.benchmark("KE", None)
    ve = merged.benchmark("VE", None)
    assert ve is not None and ve.id == VE_ROW["id"]
    # VE is no longer listed as having no figure
    assert "VE" not in {gap.country for gap in merged.living_wages.none_found}
    # the assessment records both files
    (assessment,) = run(
        [EXAMPLES / "crowd-platform-project.yaml"], Settings(living_wages=(mine,), date=DATE)
    ).assessments
    references = [f.path for f in assessment.files if f.role == "reference"]
    assert str(mine) in references and "<bundled>/guidelines/reference/living-wages.yaml" in (
        references
    )
    fact = assessment.facts.project_wage
    assert fact is not None
    assert {line.place for line in fact.locations if line.ratio is not None} == {
        "VE",
        "KE",
        "IN",
        "PH (Metro Manila)",
    }


def test_a_row_with_a_bundled_id_or_place_replaces_it(tmp_path: Path) -> None:
    newer_ke = {**VE_ROW, "id": "ke-mine", "country": "KE", "currency": "KES", "amount": 60000}
    same_id = {**VE_ROW, "id": "ke-rural-kericho-glwc-2023", "country": "KE", "currency": "KES"}
    mine = _table(tmp_path, newer_ke, {**same_id, "region": "Rural Kericho", "amount": 40000})
    merged = load_reference_tables(Settings(living_wages=(mine,), date=DATE))
    national = merged.benchmark("KE", None)
    assert national is not None and national.id == "ke-mine"
    kericho = merged.benchmark("KE", "rural kericho")
    assert kericho is not None and kericho.amount == 40000
    assert len(merged.living_wages.entries) == len(_bundled().living_wages.entries)


def test_only_given_tables_replace_the_bundled_ones(tmp_path: Path) -> None:
    mine = _table(tmp_path, VE_ROW)
    alone = load_reference_tables(Settings(living_wages=(mine,), only_given_tables=True, date=DATE))
    assert [entry.id for entry in alone.living_wages.entries] == [VE_ROW["id"]]
    assert alone.minimum_wages is not None  # a kind not given stays bundled


def test_rates_per_another_currency_cannot_be_added(tmp_path: Path) -> None:
    rates = tmp_path / "eur.yaml"
    fixture = (DATA / "currency-rates.yaml").read_text()
    rates.write_text(fixture.replace("base: USD", "base: EUR").replace("  EUR: 0.9\n", ""))
    with pytest.raises(InputError) as caught:
        load_reference_tables(Settings(rates=(rates,), date=DATE))
    (problem,) = caught.value.problems
    assert problem.code == "I305" and problem.file == str(rates)
    assert "its rates are per EUR, those it adds to per USD" in problem.message


def test_an_added_rate_overrides_the_bundled_one(tmp_path: Path) -> None:
    rates = tmp_path / "kes.yaml"
    rates.write_text(
        "kind: currency-rates\nschema_version: 1\nbase: USD\nas_of: '2026-11-20'\n"
        "source: mine\nsource_url: https://example.invalid\nrates: {KES: 125}\n"
    )
    merged = load_reference_tables(Settings(rates=(rates,), date=DATE))
    conversion = merged.convert("USD", "KES")
    assert conversion is not None and conversion.factor == 125
    assert merged.convert("USD", "PHP") is not None  # the bundled rates stay


def test_aliases_and_labelled_fallbacks() -> None:
    bundled = _bundled()
    manila = bundled.living_wage("PH", "NCR")
    assert manila.entry is not None and manila.entry.id == "ph-national-afw-2024"
    assert manila.note == "no figure for Metro Manila (none found): the national row is used"
    new_york = bundled.living_wage("US", "new york")
    assert new_york.entry is not None and new_york.entry.id == "us-new-york-metro-mit-2023"
    floor = bundled.minimum_wage("PH", "National Capital Region")
    assert floor.entry is not None and floor.entry.id == "ph-ncr-non-agriculture-2025-07"


def test_a_missing_region_lists_the_regions_known() -> None:
    chicago = _bundled().living_wage("US", "Chicago")
    assert chicago.entry is None
    assert chicago.note == (
        "no row for region 'Chicago'; regions with a row for US: "
        "New York-Newark-Jersey City metro area"
    )


def test_the_hint_no_longer_says_the_table_is_replaced() -> None:
    from sourcing_check.cli.hints import table_hints

    (assessment,) = run([EXAMPLES / "crowd-platform-project.yaml"], Settings(date=DATE)).assessments
    (hint,) = table_hints([assessment])
    assert "--living-wages FILE adds its rows to the bundled table" in hint
    assert "replaces the bundled table" not in hint


def test_reference_list_shows_rows_and_gaps() -> None:
    result = CliRunner().invoke(main, ["reference", "list", "living-wages", "--country", "ph"])
    assert result.exit_code == 0, result.output
    assert "ph-national-afw-2024" in result.output
    assert re.search(
        r"\(none found\) +PH \(Metro Manila\) aka NCR, National Capital", result.output
    )
    every = CliRunner().invoke(main, ["reference", "list", "--country", "KE"])
    assert every.exit_code == 0
    for table in ("living-wages", "minimum-wages", "rates", "price-index"):
        assert f"\n{table}\n" in every.output
    bad = CliRunner().invoke(main, ["reference", "list", "--country", "Kenya"])
    assert bad.exit_code == 2 and "not an ISO 3166-1 alpha-2 code" in bad.output


def test_a_living_wage_export_loads_back_with_the_same_rows(tmp_path: Path) -> None:
    out = tmp_path / "living-wages.csv"
    result = CliRunner().invoke(main, ["reference", "export", "living-wages", "-o", str(out)])
    assert result.exit_code == 0, result.output
    again = load_reference(out, reference_dir() / "currency-rates.yaml")
    assert again.living_wages.entries == _bundled().living_wages.entries
    rates = CliRunner().invoke(main, ["reference", "export", "rates", "--country", "KE"])
    assert rates.output.splitlines()[1].startswith("KES,129.675,USD,2026-09-29,")


def test_bundled_tables_declare_their_aliases() -> None:
    table = read_document(reference_dir() / "living-wages.yaml").data
    aliased = [gap for gap in table["none_found"] if gap.get("aliases")]
    assert any("NCR" in gap["aliases"] for gap in aliased)


def test_check_with_one_added_row_keeps_every_bundled_benchmark(tmp_path: Path) -> None:
    mine = _table(tmp_path, VE_ROW, name="ve.json")
    plan = str(EXAMPLES / "crowd-platform-project.yaml")
    args = ["check", plan, "--living-wages", str(mine), "--date", "2026-11-24", "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.stderr  # not approved, as before
    fact = json.loads(result.stdout)["assessments"][0]["facts"]["project_wage"]
    benchmarks = {line["place"]: line["benchmark"]["id"] for line in fact["locations"]}
    assert benchmarks == {
        "VE": "ve-caracas-own-study-2026",
        "KE": "ke-national-wageindicator-2019-09",
        "IN": "in-national-afw-2024",
        "PH (Metro Manila)": "ph-national-afw-2024",
    }
    assert "hint: no living-wage benchmark" not in result.stderr
