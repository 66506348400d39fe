"""A country or currency written as a name (or an alpha-3 code) is refused with the code to
write: 'Kenya' -> KE, 'UK' -> GB, 'Kenyan shillings' -> KES. Names that fit two countries get
no guess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.models.iso_codes import COUNTRIES, CURRENCIES
from sourcing_check.models.iso_names import named

PLAN = """\
kind: project-plan
schema_version: 1
project: {{name: Names}}
workers: {{locations: [{{country: {country}}}]}}
pay: {{model: hourly, rate: {{amount: 1, currency: {currency}, period: hour}}}}
"""


def _validate(tmp_path: Path, country: str, currency: str = "USD") -> tuple[int, str]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.format(country=country, currency=currency), encoding="utf-8")
    done = CliRunner().invoke(main, ["validate", str(plan)])
    return done.exit_code, done.output


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("Kenya", "write 'KE', the code for Kenya"),
        ("the Philippines", "write 'PH', the code for Philippines"),
        ("PHL", "write 'PH', the code for Philippines"),
        ("UK", "write 'GB', the code for United Kingdom"),
        ("Côte d’Ivoire", "write 'CI', the code for Côte d'Ivoire"),
        ("Republic of Korea", "write 'KR', the code for South Korea"),
        ("Turkey", "write 'TR', the code for Türkiye"),
        ("ke", "did you mean 'KE'?"),
    ],
)
def test_a_country_name_is_refused_with_its_code(tmp_path: Path, written: str, hint: str) -> None:
    code, output = _validate(tmp_path, json.dumps(written, ensure_ascii=False))
    assert code == 2
    assert "plan.yaml:4:" in output and "[/workers/locations/0/country]" in output
    assert f"hint: {hint}" in output


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("Kenyan shillings", "write 'KES', the code for Kenyan Shilling"),
        ("Ksh", "write 'KES', the code for Kenyan Shilling"),  # as amounts are written in Kenya
        ("UShs", "write 'UGX', the code for Uganda Shilling"),
        ("kes", "did you mean 'KES'?"),
        ("EU", "did you mean 'EUR'?"),  # the one code it begins
        ("KE", "did you mean 'KES'?"),
        ("Euro", "write 'EUR', the code for Euro"),
    ],
)
def test_a_currency_name_is_refused_with_its_code(tmp_path: Path, written: str, hint: str) -> None:
    code, output = _validate(tmp_path, "KE", currency=written)
    assert code == 2
    assert f"hint: {hint}" in output


def test_a_word_is_not_taken_for_a_typo_of_a_code(tmp_path: Path) -> None:
    """'pesos' (the name of several currencies) got "did you mean 'SOS'?", the Somali shilling,
    for a Filipino supplier."""
    code, output = _validate(tmp_path, "KE", currency="pesos")
    assert code == 2 and "did you mean" not in output and "write '" not in output
    assert "hint: currency: ISO 4217 currency code" in output


@pytest.mark.parametrize("name", ["Korea", "Congo"])  # KR or KP; CG or CD
def test_a_name_two_countries_share_gets_no_guess(tmp_path: Path, name: str) -> None:
    code, output = _validate(tmp_path, name)
    assert code == 2 and name in output
    assert "the code for" not in output and "did you mean" not in output


def test_reference_country_option_suggests_the_code() -> None:
    done = CliRunner().invoke(main, ["reference", "list", "--country", "Kenya"])
    assert done.exit_code == 2
    assert "write 'KE', the code for Kenya" in done.output


def test_every_accepted_code_has_names_that_lead_back_to_it() -> None:
    data = json.loads(
        (Path(__file__).parents[1] / "src/sourcing_check/models/iso_names.json").read_text(
            encoding="utf-8"
        )
    )
    assert set(data["countries"]) == COUNTRIES
    assert set(data["currencies"]) == CURRENCIES
    for code, (alpha3, *names) in data["countries"].items():
        assert named("country", alpha3) == (code, named("country", alpha3)[1])  # type: ignore[index]
        ambiguous = {n.casefold() for n in data["ambiguous"]}
        shown = [name for name in names if name.casefold() not in ambiguous]
        assert all(named("country", name)[0] == code for name in shown)  # type: ignore[index]
    for code, names in data["currencies"].items():
        assert all(named("currency", name)[0] == code for name in names)  # type: ignore[index]
    for alias, code in data["aliases"].items():
        assert named("country", alias)[0] == code  # type: ignore[index]
