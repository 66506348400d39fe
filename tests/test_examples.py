"""Each bundled example gets the verdict a thoughtful reviewer would give, for the right reasons."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from sourcing_check.forms.schemas import named_schema
from sourcing_check.load.documents import read_document
from sourcing_check.models.facts import Facts
from sourcing_check.models.results import Assessment
from sourcing_check.render.canonical import render_json
from sourcing_check.render.views import needed_answers
from sourcing_check.resources import reference_dir
from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES

DATE = dt.date(2026, 11, 24)

EXPECTED = {
    # well run, but the bundled benchmarks are older than 3 years: a condition, not a failure
    "well-run-project.yaml": "approved_with_conditions",
    "well-run-vendor.yaml": "approved_with_conditions",
    "crowd-platform-project.yaml": "not_approved",
    "crowd-platform-vendor.yaml": "not_approved",
    "moderation-vendor.yaml": "not_approved",
    "self-assessment-vendor.yaml": "information_needed",
}


@cache
def assessment(name: str) -> Assessment:
    (result,) = run([EXAMPLES / name], Settings(date=DATE)).assessments
    return result


def status(name: str, requirement: str) -> str:
    return next(f.status for f in assessment(name).findings if f.requirement == requirement)


def test_every_example_has_an_expected_verdict() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_verdict(name: str) -> None:
    a = assessment(name)
    assert a.verdict.value == EXPECTED[name], a.verdict.reasons


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_json_matches_the_assessment_schema_and_its_facts_read_back(name: str) -> None:
    document = json.loads(render_json([assessment(name)]))
    Draft202012Validator(named_schema("assessment")).validate(document)
    (data,) = document["assessments"]
    # the facts in the JSON are the typed facts: read back, they write the same JSON
    assert Facts.model_validate(data["facts"]).model_dump(mode="json") == data["facts"]


def test_crowd_platform_findings_name_the_real_problems() -> None:
    name = "crowd-platform-project.yaml"
    wage = next(f for f in assessment(name).findings if f.requirement == "PAI-1.1")
    assert wage.status == "fail"
    # USD 0.05 per 3-minute task, 20% fee, 15% unpaid rejections, 1.65 unpaid minutes per task,
    # converted at PHP 62.5175 per USD (bundled rates of 2026-09-29)
    assert "PHP 27.43 per hour" in wage.message
    # against the Asia Floor Wage 2024 for the Philippines, PHP 174.13 an hour (no per-worker
    # Metro Manila figure exists, so the national row applies)
    assert "to at least USD 0.3175 per task" in (wage.remediation or "")
    assert status(name, "PAI-1.7") == "fail"  # rejected work never paid
    assert status(name, "PAI-1.5") == "fail"  # per-task pay without a pilot
    # workers in extreme poverty: the ethics review is a must, and its decision is pending
    assert status(name, "PAI-9.11") == "unanswered"
    assert status(name, "PAI-9.9") == "not_applicable"
    wage_fact = assessment(name).facts.project_wage
    assert wage_fact is not None
    venezuela = wage_fact.locations[0]
    assert venezuela.country == "VE" and venezuela.ratio is None  # no benchmark: not guessed
    assert "ratio" not in venezuela.model_dump()


def test_moderation_vendor_pay_is_below_the_living_wage() -> None:
    wage = next(
        f for f in assessment("moderation-vendor.yaml").findings if f.requirement == "PAI-1.2"
    )
    assert wage.status == "fail"
    assert "78.4% of the living wage" in wage.message
    assert "KES 44,621.82 per month" in (wage.remediation or "")


def test_well_run_project_pays_above_the_living_wage_everywhere() -> None:
    a = assessment("well-run-project.yaml")
    assert status("well-run-project.yaml", "PAI-1.1") == "pass"
    assert a.facts.project_wage is not None
    ratios = [float(loc.ratio or 0) for loc in a.facts.project_wage.locations]
    # Nairobi 1.89x the Kenyan national row; Hyderabad 1.48x the Asia Floor Wage 2024 for India
    # (INR 164.28 an hour; it was 2.71x the 2019 WageIndicator row before the 2026 refresh)
    assert len(ratios) == 2 and min(ratios) > 1.4


def test_information_needed_lists_each_answer_once_with_what_it_decides() -> None:
    needed = dict(needed_answers(assessment("self-assessment-vendor.yaml").findings))
    item = next(k for k in needed if k.startswith("/vendor/rejection/rejected_work_paid"))
    assert {f.requirement for f in needed[item]} == {"PAI-1.2", "PAI-1.4", "PAI-1.8"}
    assert len([k for k in needed if "rejected_work_paid" in k]) == 1


def test_well_run_project_is_approved_with_current_benchmarks(tmp_path: Path) -> None:
    # The same benchmarks as the bundled table, but dated within the 3-year limit.
    table = read_document(reference_dir() / "living-wages.yaml").data
    for entry in table["entries"]:
        entry["year"] = 2025
    current = tmp_path / "current.json"
    current.write_text(json.dumps(table, default=float))
    settings = Settings(living_wages=current, date=DATE)
    (result,) = run([EXAMPLES / "well-run-project.yaml"], settings).assessments
    assert result.verdict.value == "approved", result.verdict.reasons
