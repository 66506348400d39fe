"""Profiles: each operation on the bundled examples, each error located and coded, the bundled
profiles, and the record of what a profile changed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from sourcing_check.cli import main
from sourcing_check.errors import InputError
from sourcing_check.forms.schemas import named_schema
from sourcing_check.models.profile import ProfileChange
from sourcing_check.models.results import Assessment
from sourcing_check.render.views import describe_change
from sourcing_check.resources import default_framework_dir, profiles_dir
from sourcing_check.rules.framework import load_framework
from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES

DATE = dt.date(2026, 11, 24)
WELL_RUN = EXAMPLES / "well-run-project.yaml"
MODERATION = EXAMPLES / "moderation-vendor.yaml"
HEAD = {
    "kind": "guideline-profile",
    "schema_version": 1,
    "id": "test-org",
    "title": "Test organisation",
    "description": "A profile written by a test.",
    "framework": "pai-data-enrichment",
}


def write_profile(tmp_path: Path, name: str = "org.yaml", **body: Any) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump({**HEAD, **body}, sort_keys=False))
    return path


def assess(path: Path, *profiles: Path | str) -> Assessment:
    settings = Settings(date=DATE, profiles=tuple(str(p) for p in profiles))
    batch = run([path], settings)
    assert not batch.problems, [p.format() for p in batch.problems]
    (assessment,) = batch.assessments
    return assessment


def problems(path: Path, *profiles: Path | str) -> list[str]:
    """The problems of a run that assesses nothing: of the profiles, or of the inputs."""
    settings = Settings(date=DATE, profiles=tuple(str(p) for p in profiles))
    try:
        batch = run([path], settings)
    except InputError as exc:
        return [p.format() for p in exc.problems]
    assert not batch.assessments
    return [p.format() for p in batch.problems]


def status(a: Assessment, requirement: str) -> str | None:
    return next((f.status for f in a.findings if f.requirement == requirement), None)


def finding_level(a: Assessment, requirement: str) -> str:
    return next(f.level for f in a.findings if f.requirement == requirement)


def test_a_parameter_value_changes_the_finding(tmp_path: Path) -> None:
    # The benchmarks are brought forward to 2024 prices: two years old on DATE.
    assert status(assess(WELL_RUN), "PAI-1.3") == "pass"
    a = assess(WELL_RUN, write_profile(tmp_path, parameters={"max_benchmark_age_years": 1}))
    assert status(a, "PAI-1.3") == status(a, "PAI-1.4") == "fail"
    assert a.parameters["max_benchmark_age_years"] == 1
    (change,) = a.profiles[0].changes
    assert (change.operation, change.target, change.old, change.new) == (
        "parameter",
        "max_benchmark_age_years",
        3,
        1,
    )


def test_a_changed_parameter_is_shown_as_the_profile_writes_it(
    tmp_path: Path, runner: CliRunner
) -> None:
    profile = write_profile(
        tmp_path, parameters={"index_benchmarks": False, "prefer_higher_benchmark": True}
    )
    args = ["check", str(WELL_RUN), "--date", "2026-11-24", "--profile", str(profile)]
    for fmt in ("text", "md"):
        output = runner.invoke(main, [*args, "--format", fmt]).stdout.replace("\\>", ">")
        assert "parameter index_benchmarks: true -> false" in output
        assert "parameter prefer_higher_benchmark: false -> true" in output
        assert "True" not in output and "False" not in output
    change = ProfileChange(operation="parameter", target="x", old=None, new=[], reason=None)
    assert describe_change(change) == "parameter x: null -> (none)"
    # and in a requirement's own words
    fix = "Cap the time (indexing: {params.index_benchmarks})."
    added = write_profile(
        tmp_path,
        "added.yaml",
        parameters={"index_benchmarks": False},
        add=[_added(remediation=fix)],
    )
    (finding,) = [f for f in assess(MODERATION, added).findings if f.requirement == "SHC-6.1"]
    assert finding.remediation == "Cap the time (indexing: false)."


def test_a_text_parameter_takes_one_of_its_choices(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, parameters={"wage_time_basis": "median"})
    assert assess(WELL_RUN, profile).parameters["wage_time_basis"] == "median"


def test_select_keeps_only_the_requirements_named(tmp_path: Path) -> None:
    a = assess(WELL_RUN, write_profile(tmp_path, select=["PAI-1.1", "PAI-1.3", "PAI-9.7"]))
    assert [f.requirement for f in a.findings] == ["PAI-1.1", "PAI-1.3", "PAI-9.7"]
    left_out = [c for c in a.profiles[0].changes if c.operation == "deselect"]
    framework = load_framework(default_framework_dir())
    assert len(left_out) == len(framework.rules) - 3
    assert left_out[0].reason == "not selected by the profile"


def test_deselect_leaves_a_requirement_out_with_its_reason(tmp_path: Path) -> None:
    reason = "Our own review stands in for it."
    a = assess(WELL_RUN, write_profile(tmp_path, deselect=[{"id": "PAI-9.4", "reason": reason}]))
    assert status(a, "PAI-9.4") is None and status(assess(WELL_RUN), "PAI-9.4") == "pass"
    (change,) = a.profiles[0].changes
    assert (change.operation, change.target, change.reason) == ("deselect", "PAI-9.4", reason)


#: A stricter organisation: benchmarks at most a year old (the bundled ones are two).
STRICT_AGE = {"max_benchmark_age_years": 1}


def test_modify_changes_the_level_and_so_the_verdict(tmp_path: Path) -> None:
    modify = {"PAI-1.3": {"level": "must", "reason": "Stale benchmarks hide underpayment."}}
    a = assess(WELL_RUN, write_profile(tmp_path, parameters=STRICT_AGE, modify=modify))
    assert finding_level(a, "PAI-1.3") == "must"
    assert a.verdict.value == "not_approved"  # the stale benchmark is now a must failure
    should = assess(WELL_RUN, write_profile(tmp_path, "should.yaml", parameters=STRICT_AGE))
    assert should.verdict.value == "approved_with_conditions"


def test_modify_changes_the_weight_and_so_the_score(tmp_path: Path) -> None:
    before = assess(WELL_RUN, write_profile(tmp_path, "age.yaml", parameters=STRICT_AGE))
    modify = {"PAI-1.3": {"weight": 10, "reason": "Pay is what we care about most."}}
    after = assess(WELL_RUN, write_profile(tmp_path, parameters=STRICT_AGE, modify=modify))
    pay = next(s for s in after.scores if s.id == "pay")
    pay_before = next(s for s in before.scores if s.id == "pay")
    assert pay.possible == pay_before.possible + 7  # weight 3 -> 10
    assert after.overall.score is not None and before.overall.score is not None
    assert after.overall.score < before.overall.score


def test_the_verdict_threshold_can_be_tailored(tmp_path: Path) -> None:
    current = {"max_benchmark_age_years": 10}
    approved = assess(WELL_RUN, write_profile(tmp_path, "a.yaml", parameters=current))
    assert approved.verdict.value == "approved", approved.verdict.reasons
    strict = write_profile(
        tmp_path, "b.yaml", parameters=current, verdict={"conditions_below_score": 100}
    )
    a = assess(WELL_RUN, strict)
    assert a.verdict.value == "approved_with_conditions"
    assert any("below 100" in reason for reason in a.verdict.reasons)


def test_add_a_requirement_in_the_guideline_format(tmp_path: Path) -> None:
    a = assess(MODERATION, "strict-harmful-content")
    assert status(a, "SHC-6.1") == "fail"  # no daily cap among Savanna's exposure controls
    assert finding_level(a, "SHC-6.1") == "must"
    added = [c for c in a.profiles[0].changes if c.operation == "add"]
    assert [c.target for c in added] == ["SHC-6.1"]


def test_profiles_apply_in_order_and_each_change_is_recorded(tmp_path: Path) -> None:
    first = write_profile(tmp_path, "first.yaml", parameters={"max_benchmark_age_years": 10})
    second = write_profile(tmp_path, "second.yaml", parameters={"max_benchmark_age_years": 2})
    a = assess(WELL_RUN, first, second)
    assert a.parameters["max_benchmark_age_years"] == 2
    assert [(p.file, p.changes[0].old, p.changes[0].new) for p in a.profiles] == [
        (str(first), 3, 10),
        (str(second), 10, 2),
    ]
    profile_files = [f for f in a.files if f.role == "profile"]
    assert [f.path for f in profile_files] == [str(first), str(second)]
    assert all(len(f.sha256) == 64 for f in profile_files)


def test_a_plan_names_its_profile(tmp_path: Path) -> None:
    for name in ("well-run-project.yaml", "well-run-vendor.yaml"):
        (tmp_path / name).write_text((EXAMPLES / name).read_text())
    plan = tmp_path / "well-run-project.yaml"
    write_profile(tmp_path, "ours.yaml", parameters={"max_benchmark_age_years": 10})
    plan.write_text(plan.read_text().replace("\nsourcing:", "\nprofile: [ours.yaml]\n\nsourcing:"))
    a = assess(plan)
    assert [p.id for p in a.profiles] == ["test-org"]
    assert status(a, "PAI-1.3") == "pass"
    # and a bundled profile by name, after the plan's
    assert [p.id for p in assess(plan, "strict-harmful-content").profiles] == [
        "test-org",
        "strict-harmful-content",
    ]


def test_a_plan_naming_a_missing_profile_is_located(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "kind: project-plan\nschema_version: 1\nproject: {name: P}\nprofile: [gone.yaml]\n"
    )
    (found,) = run([plan], Settings(date=DATE)).problems
    assert found.format().startswith(f"{plan}:4:11: I304 names a profile that cannot be read")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"parameters": {"max_benchmark_age": 2}},
            ":8:3: P202 unknown parameter 'max_benchmark_age' [/parameters/max_benchmark_age]",
        ),
        (
            {"parameters": {"wage_time_basis": "p90"}},
            ":8:3: P203 'p90' is not one of p75, median [/parameters/wage_time_basis]",
        ),
        (
            {"parameters": {"index_benchmarks": "no"}},
            ":8:3: P203 expected true or false like the default true "
            "[/parameters/index_benchmarks]",
        ),
        (
            {"parameters": {"min_pilot_participants": "ten"}},
            ":8:3: P203 expected a number like the default 5 [/parameters/min_pilot_participants]",
        ),
        (
            # a negative age limit made every benchmark stale ("no older than -5 days")
            {"parameters": {"max_rate_age_days": -5}},
            ":8:3: P203 expected at least 0, not -5 [/parameters/max_rate_age_days]",
        ),
        (
            {"parameters": {"full_time_hours_per_week": 0}},
            ":8:3: P203 expected at least 1, not 0 [/parameters/full_time_hours_per_week]",
        ),
        (
            {"parameters": {"min_worker_share_percent": 140}},
            ":8:3: P203 expected at most 100, not 140 [/parameters/min_worker_share_percent]",
        ),
        ({"select": ["PAI-1.1", "PAI-1.99"]}, ":9:3: P201 unknown requirement 'PAI-1.99'"),
        (
            {"deselect": [{"id": "PAI-9.40", "reason": "r"}]},
            ":8:3: P201 unknown requirement 'PAI-9.40' [/deselect/0/id]",
        ),
        (
            {"modify": {"PAI-1.33": {"level": "must", "reason": "r"}}},
            ":8:3: P201 unknown requirement 'PAI-1.33' [/modify/PAI-1.33]",
        ),
        (
            {"deselect": [{"id": "PAI-9.4", "reason": "r"}, {"id": "PAI-9.4", "reason": "r"}]},
            ":10:3: P204 PAI-9.4 is left out already",
        ),
        (
            {
                "deselect": [{"id": "PAI-9.4", "reason": "r"}],
                "modify": {"PAI-9.4": {"weight": 2, "reason": "r"}},
            },
            ":11:3: P204 PAI-9.4 is left out by this profile, so it cannot be modified",
        ),
        (
            {"modify": {"PAI-9.4": {"reason": "r"}}},
            ":8:3: P103 give a level, a weight or both",
        ),
        ({"sources": {"PAI": {"title": "t", "publisher": "p"}}}, ":8:3: P205 source 'PAI'"),
        ({"framework": "other"}, ":6:1: P206 tailors framework 'other', not 'pai-data-enrichment'"),
        ({"selekt": ["PAI-1.1"]}, ":7:1: P101 unknown field 'selekt'"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_each_problem_is_an_error_located_in_the_profile(
    tmp_path: Path, body: dict[str, Any], expected: str
) -> None:
    profile = write_profile(tmp_path, **body)
    found = problems(WELL_RUN, profile)
    assert any(line.startswith(f"{profile}{expected}") for line in found), found


def _added(**changes: Any) -> dict[str, Any]:
    requirement = yaml.safe_load((profiles_dir() / "strict-harmful-content.yaml").read_text())[
        "add"
    ][0]
    return {**requirement, **changes}


def test_an_added_requirement_is_linted_as_a_frameworks_are(tmp_path: Path) -> None:
    profile = write_profile(
        tmp_path,
        add=[
            _added(id="PAI-6.4"),
            _added(id="ORG-1.1", check={"/vendor/harmful_content/daily_cap": {"const": True}}),
            _added(id="ORG-1.2", source={"document": "OURS", "section": "s", "basis": "text"}),
        ],
    )
    found = "\n".join(problems(MODERATION, profile))
    assert f"{profile}:8:3: P205 requirement 'PAI-6.4' exists already" in found
    assert "G207 /vendor/harmful_content/daily_cap: no field 'daily_cap'" in found
    assert "G203 source 'OURS' is not declared [/add/2/source/document]" in found
    # the hint says where a profile declares its own sources, not the framework's file
    assert "hint: declare it under 'sources' in the profile, or cite one declared: " in found
    assert "framework.yaml" not in found


def test_a_missing_bundled_profile_names_those_there_are() -> None:
    (found,) = problems(WELL_RUN, "strict")
    assert found.startswith("strict: I101 no such profile file or bundled profile 'strict'")
    assert "crowd-platform-requester, strict-harmful-content" in found


@pytest.mark.parametrize("name", ["strict-harmful-content", "crowd-platform-requester"])
def test_bundled_profiles_lint_clean_and_match_their_schema(name: str, runner: CliRunner) -> None:
    result = runner.invoke(main, ["guidelines", "lint", "--profile", name])
    assert result.exit_code == 0, result.output
    assert f"profiles/{name}.yaml: " in result.stdout and "changes, no problems" in result.stdout
    schema = json.loads(runner.invoke(main, ["schema", "profile"]).stdout)
    data = json.loads(json.dumps(yaml.safe_load((profiles_dir() / f"{name}.yaml").read_text())))
    Draft202012Validator(schema).validate(data)
    assert named_schema("profile")["$id"] == "urn:sourcing-check:schema:guideline-profile:1"


def test_lint_reports_a_broken_profile(tmp_path: Path, runner: CliRunner) -> None:
    profile = write_profile(tmp_path, parameters={"max_hours": 40})
    result = runner.invoke(main, ["guidelines", "lint", "--profile", str(profile)])
    assert result.exit_code == 2
    assert f"{profile}:8:3: P202 unknown parameter 'max_hours'" in result.stderr


def test_check_states_the_profiles_applied(runner: CliRunner) -> None:
    args = ["check", str(MODERATION), "--date", "2026-11-24", "--fail-on", "never"]
    text = runner.invoke(main, [*args, "--profile", "strict-harmful-content"]).stdout
    assert "Tailored by profile strict-harmful-content" in text
    assert "- PAI-6.4 level: should -> must (Where the content is harmful" in text
    assert "- parameter max_benchmark_age_years: 3 -> 2" in text
    document = json.loads(
        runner.invoke(
            main, [*args, "--format", "json", "--profile", "crowd-platform-requester"]
        ).stdout
    )
    (profile,) = document["assessments"][0]["profiles"]
    assert profile["id"] == "crowd-platform-requester"
    deselected = [c["target"] for c in profile["changes"] if c["operation"] == "deselect"]
    assert deselected == ["PAI-7.3", "PAI-9.4"]


def test_an_added_requirement_reading_an_undeclared_parameter_is_told_what_a_profile_can_do(
    tmp_path: Path,
) -> None:
    # a profile cannot declare parameters: the hint must not send its author to framework.yaml
    check = {"/vendor/harmful_content/exposure_controls": {"minItems": {"$param": "min_controls"}}}
    profile = write_profile(tmp_path, add=[_added(id="ORG-6.1", check=check)])
    found = "\n".join(problems(MODERATION, profile))
    assert "G208 parameter 'min_controls' is not declared" in found
    assert "hint: a profile sets the framework's parameters but declares none" in found
    assert "framework.yaml" not in found
