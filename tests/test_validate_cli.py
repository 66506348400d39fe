"""`sourcing-check validate`: one clear located message per problem, exit 2, no traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from tests.conftest import EXAMPLES

VALID_VENDOR = """\
kind: vendor-questionnaire
schema_version: 1
vendor:
  name: Example Labelling Ltd
"""

#: name -> (file text, the problem's location and code as printed)
BAD_INPUTS = {
    "syntax": ("vendor:\n  name: [unclosed\n", "3:1: I104 YAML syntax error"),
    "duplicate": (VALID_VENDOR + "vendor:\n  name: again\n", "5:1: I107 duplicate key 'vendor'"),
    "unknown": (VALID_VENDOR + "  websit: https://x.org\n", "5:3: I201 unknown field 'websit'"),
    "missing": ("kind: vendor-questionnaire\nschema_version: 1\n", "1:1: I202 missing required"),
    "type": (VALID_VENDOR + "pay:\n  fee_share_percent: ten\n", "6:3: I203 "),
    "kind": ("kind: invoice\nschema_version: 1\n", "1:1: I204 unknown kind 'invoice'"),
    "huge": (VALID_VENDOR + "pay:\n  fee_share_percent: 1e999999999\n", "6:3: I203 "),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_reported_with_line(case: str, tmp_path: Path, runner: CliRunner) -> None:
    text, expected = BAD_INPUTS[case]
    path = tmp_path / f"{case}.yaml"
    path.write_text(text)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{path}:{expected}")
    assert "Traceback" not in result.output


def test_unknown_field_suggests_the_close_name(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(BAD_INPUTS["unknown"][0])
    result = runner.invoke(main, ["validate", str(path)])
    assert "did you mean 'website'?" in result.stderr


def test_every_file_is_reported(tmp_path: Path, runner: CliRunner) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(VALID_VENDOR)
    bad = tmp_path / "bad.yaml"
    bad.write_text(VALID_VENDOR + "pay:\n  fee_share_percent: ten\n  payout: {frequency: never}\n")
    result = runner.invoke(main, ["validate", str(bad), str(tmp_path / "gone.yaml"), str(good)])
    assert result.exit_code == 2
    assert f"{good}: valid vendor-questionnaire" in result.stdout
    assert result.stderr.count(str(bad)) == 2
    assert f"{tmp_path / 'gone.yaml'}: I101 no such file" in result.stderr


def test_json_format(tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_INPUTS["type"][0])
    result = runner.invoke(main, ["validate", "--format", "json", str(bad)])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    (entry,) = report["files"]
    assert entry["valid"] is False
    (problem,) = entry["problems"]
    assert problem["code"] == "I203"
    assert problem["pointer"] == "/pay/fee_share_percent"
    assert (problem["line"], problem["column"]) == (6, 3)


def test_examples_are_valid(runner: CliRunner) -> None:
    files = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    assert len(files) >= 4
    result = runner.invoke(main, ["validate", *files])
    assert result.exit_code == 0, result.output
    assert result.stdout.count(": valid ") == len(files)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "bomb.yaml",
            "a: &a [x,x,x,x,x,x,x,x,x]\n"
            + "".join(
                f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n"
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            ),
            ":4:8: I106 ",
        ),
        ("big.yaml", "a: " + "x" * (6 * 1024 * 1024), ":1:5242881: I102 "),
        ("deep.yaml", "[" * 200 + "]" * 200, ":1:65: I105 "),
        ("deeper.yaml", "[" * 5000 + "]" * 5000, ":1:"),
        ("latin1.yaml", b"vendor: caf\xe9\n", ":1:12: I103 "),
        ("missing.yaml", None, ": I101 no such file"),
        ("adir", "dir", ": I101 "),
    ],
)
def test_hostile_files_in_a_real_process(
    tmp_path: Path, name: str, content: str | bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    done = subprocess.run(
        [sys.executable, "-m", "sourcing_check", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith(f"{path}{expected}")
    assert "Traceback" not in done.stderr


def test_plan_naming_another_plan_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "kind: project-plan\nschema_version: 1\nproject: {name: P}\n"
        "sourcing: {vendor_questionnaire: plan.yaml}\n"
    )
    result = runner.invoke(main, ["validate", str(plan)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{plan}:4:12: I301 ")
    assert "[/sourcing/vendor_questionnaire]" in result.stderr


def test_a_list_is_not_a_questionnaire(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- kind: vendor-questionnaire\n")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:1: I204 ")


def test_plan_is_validated_with_its_questionnaire(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "vendor.yaml").write_text(VALID_VENDOR + "  websit: x\n")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "kind: project-plan\nschema_version: 1\nproject: {name: P}\n"
        "sourcing: {vendor_questionnaire: vendor.yaml}\n"
    )
    result = runner.invoke(main, ["validate", str(plan)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'vendor.yaml'}:5:3: I201 unknown field 'websit'" in result.stderr
    (tmp_path / "vendor.yaml").write_text(VALID_VENDOR)
    result = runner.invoke(main, ["validate", str(plan)])
    assert result.exit_code == 0
    assert "valid project-plan (with " in result.stdout


def test_a_thousands_separator_in_a_flow_mapping_is_explained(
    tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(
        "kind: vendor-questionnaire\nschema_version: 1\nvendor: {name: X}\npay:\n  rates:\n"
        "    - {country: KE, model: salaried,\n"
        "       rate: {amount: 72,000, currency: KES, period: month}}\n"
    )
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:7:" in result.stderr and "write 72000, not 72,000" in result.stderr


def test_a_number_written_with_a_comma_is_explained(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(
        "kind: vendor-questionnaire\nschema_version: 1\nvendor: {name: X}\npay:\n"
        "  fee_share_percent: 20,5\n  rates:\n    - country: KE\n      model: salaried\n"
        "      rate:\n        amount: 1,250,000.50\n        currency: KES\n"
        "        period: month\n"
    )
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert "hint: write 20.5, not 20,5" in result.stderr
    assert "hint: write 1250000.50, not 1,250,000.50" in result.stderr


def test_a_code_or_number_out_of_range_says_what_to_write(
    tmp_path: Path, runner: CliRunner
) -> None:
    """A currency or country code in lower case or misspelt names the code meant; a value out
    of range, or a code with no close one, gives what the field means and its unit."""
    path = tmp_path / "v.yaml"
    path.write_text(
        "kind: vendor-questionnaire\nschema_version: 1\n"
        "vendor: {name: X, jurisdictions: [ke, Kenya]}\npay:\n"
        "  fee_share_percent: 150\n  rates:\n    - country: KE\n      model: salaried\n"
        "      rate: {amount: 900, currency: EURO, period: month}\n"
        "  payout: {withdrawal_minimum: {amount: 10, currency: usd, period: month}}\n"
    )
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()

    def hint_after(located: str) -> str:
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{path}:{located}"))
        return lines[index + 1].strip()

    assert hint_after("3:35: I203") == "hint: did you mean 'KE'?"
    assert hint_after("3:39: I203") == "hint: write 'KE', the code for Kenya"
    assert hint_after("5:3: I203 Input should be less than or equal to 100, got 150") == (
        "hint: fee_share_percent: Share of gross pay taken as fees from workers "
        "(platform, payout), in %."
    )
    assert hint_after("9:27: I203") == "hint: write 'EUR', the code for Euro"
    assert hint_after("10:45: I203") == "hint: did you mean 'USD'?"


def test_a_rule_across_fields_says_it_in_words(tmp_path: Path, runner: CliRunner) -> None:
    plan = (EXAMPLES / "well-run-project.yaml").read_text(encoding="utf-8")
    assert "  contracted_hours_per_period: 173\n" in plan
    both = plan.replace(
        "  contracted_hours_per_period: 173\n",
        "  contracted_hours_per_period: 173\n  contracted_hours: {hours: 40, per: week}\n",
    )
    (tmp_path / "p.yaml").write_text(both, encoding="utf-8")
    for name in ("well-run-vendor.yaml",):
        (tmp_path / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"))
    result = runner.invoke(main, ["validate", str(tmp_path / "p.yaml")])
    assert result.exit_code == 2
    assert "give contracted_hours or contracted_hours_per_period, not both [/pay]" in result.stderr
    assert "got {" not in result.stderr


def test_a_vendor_that_engages_its_workers_in_no_way_is_refused(
    tmp_path: Path, runner: CliRunner
) -> None:
    """'models: []' said nothing and made rules not apply on contradictory grounds (PAI-5.10
    'engages no crowd-platform workers' beside PAI-5.12 'engages crowd-platform workers')."""
    text = (EXAMPLES / "well-run-vendor.yaml").read_text(encoding="utf-8")
    path = tmp_path / "v.yaml"
    path.write_text(re.sub(r"models: \[[^\]]*\]", "models: []", text, count=1), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "models: []" in t)
    assert f"{path}:{line}:" in result.output and "[/engagement/models]" in result.output
    assert "needs at least one item: an empty list is no answer here" in result.output
    assert "Ways workers are engaged (one or more)" in result.output  # what the field takes
    template = tmp_path / "t.yaml"
    runner.invoke(main, ["init", "vendor", "-o", str(template)])
    assert "# models: []  # uncomment and list one or more" in template.read_text()


def test_a_vendor_that_states_no_pay_rate_is_refused() -> None:
    """'rates: []' made PAI-1.13 and PAI-1.14 'not apply' because 'every rate the vendor
    reports is hourly or salaried' when it reported none; leaving the field out asks for it."""
    import yaml

    from sourcing_check.errors import InputError
    from sourcing_check.load.subject import subject_from_data

    data = yaml.safe_load((EXAMPLES / "well-run-vendor.yaml").read_text(encoding="utf-8"))
    data["pay"]["rates"] = []
    with pytest.raises(InputError) as caught:
        subject_from_data(data, None)
    (problem,) = caught.value.problems
    assert problem.pointer == "/pay/rates" and problem.code == "I203"
    assert "needs at least one item" in problem.message
    del data["pay"]["rates"]
    assert subject_from_data(data, None).vendor is not None  # not answered yet: still a form


def test_harmful_content_listed_by_kind_but_said_absent_is_refused(
    tmp_path: Path, runner: CliRunner
) -> None:
    """'present: false' beside 'kinds: [graphic violence]' made PAI-3.4, 3.5, 4.6, 6.1 and 6.7
    not apply ('Workers will not see harmful content') and PAI-9.9 ask less than PAI-9.11."""
    path = tmp_path / "p.yaml"
    path.write_text(
        "kind: project-plan\nschema_version: 1\nproject: {name: P}\ntask:\n"
        "  harmful_content:\n    present: false\n    kinds: [graphic violence]\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:5:3: I203 present is false, but kinds lists harmful content" in result.output
    assert "write present: true, or remove kinds [/task/harmful_content]" in result.output
    path.write_text(path.read_text().replace("present: false", "present: true"), encoding="utf-8")
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
    path.write_text(path.read_text().replace("[graphic violence]", "[]"), encoding="utf-8")
    path.write_text(path.read_text().replace("present: true", "present: false"), encoding="utf-8")
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0


def test_a_subcontracting_vendor_with_an_empty_chain_said_complete_is_refused() -> None:
    """'models: [subcontractors]' beside 'subcontractors: []' said complete passed PAI-9.1
    (every subcontractor disclosed) and PAI-9.2 (every one bound) on a list of none."""
    from sourcing_check.errors import InputError
    from sourcing_check.load.subject import subject_from_data

    def questionnaire(
        models: tuple[str, ...] = ("employees", "subcontractors"), **engagement: object
    ) -> dict[str, object]:
        return {
            "kind": "vendor-questionnaire",
            "schema_version": 1,
            "vendor": {"name": "V"},
            "engagement": {"models": list(models), **engagement},
        }

    with pytest.raises(InputError) as caught:
        subject_from_data(questionnaire(subcontractors=[], all_subcontractors_disclosed=True), None)
    (problem,) = caught.value.problems
    assert problem.pointer == "/engagement" and problem.code == "I203"
    assert "models lists subcontractors, but the subcontractor list is empty" in problem.message
    # an incomplete chain, a list left out, or a platform with none are answers that agree
    for engagement in (
        {"subcontractors": [], "all_subcontractors_disclosed": False},
        {"all_subcontractors_disclosed": True},
    ):
        assert subject_from_data(questionnaire(**engagement), None).vendor is not None
    platform = questionnaire(
        ("crowd_platform",), subcontractors=[], all_subcontractors_disclosed=True
    )
    assert subject_from_data(platform, None).vendor is not None


def test_a_criterion_that_excludes_among_no_criteria_is_refused() -> None:
    """'eligibility: []' beside 'excludes_protected_traits: true' passed PAI-3.1 (every
    criterion justified by the task) on a list of none while one criterion excludes."""
    from sourcing_check.errors import InputError
    from sourcing_check.load.subject import subject_from_data

    def plan(**workers: object) -> dict[str, object]:
        return {
            "kind": "project-plan",
            "schema_version": 1,
            "project": {"name": "P"},
            "workers": workers,
        }

    with pytest.raises(InputError) as caught:
        subject_from_data(None, plan(eligibility=[], excludes_protected_traits=True))
    (problem,) = caught.value.problems
    assert problem.pointer == "/workers" and problem.code == "I203"
    assert (
        "excludes_protected_traits is true, but eligibility lists no criterion" in problem.message
    )
    for workers in (
        {"eligibility": [], "excludes_protected_traits": False},
        {"excludes_protected_traits": True},
        {"eligibility": [{"criterion": "men only"}], "excludes_protected_traits": True},
    ):
        assert subject_from_data(None, plan(**workers)).project is not None


def test_a_plan_engaging_directly_and_through_a_supplier_is_refused(
    tmp_path: Path, runner: CliRunner
) -> None:
    """'direct: true' beside a vendor questionnaire made PAI-1.19 'not apply' because the team
    engages its workers directly, while the supplier's answers were assessed."""
    plan = (EXAMPLES / "well-run-project.yaml").read_text(encoding="utf-8")
    assert "  direct: false\n" in plan
    path = tmp_path / "plan.yaml"
    path.write_text(plan.replace("  direct: false\n", "  direct: true\n"), encoding="utf-8")
    vendor = EXAMPLES / "well-run-vendor.yaml"
    (tmp_path / vendor.name).write_bytes(vendor.read_bytes())
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    line = plan.splitlines().index("sourcing:") + 1
    assert f"{path}:{line}:1: I203 direct is true, but vendor_questionnaire names a supplier" in (
        result.output
    )
    assert "write direct: false, or remove vendor_questionnaire [/sourcing]" in result.output


def test_a_pilot_p75_below_its_median_is_refused_at_the_p75(
    tmp_path: Path, runner: CliRunner
) -> None:
    """'median_minutes: 9, p75_minutes: 8.2' was accepted: PAI-2.3 passed and the per-task
    wage was computed on 8.2 minutes, though a 75th percentile cannot be below the median."""
    plan = (EXAMPLES / "well-run-project.yaml").read_text(encoding="utf-8")
    assert "  median_minutes: 6.5\n" in plan
    path = tmp_path / "plan.yaml"
    path.write_text(plan.replace("  median_minutes: 6.5\n", "  median_minutes: 9\n"), "utf-8")
    vendor = EXAMPLES / "well-run-vendor.yaml"
    (tmp_path / vendor.name).write_bytes(vendor.read_bytes())
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    line = plan.splitlines().index("  p75_minutes: 8.2") + 1
    assert f"{path}:{line}:3: I203 p75_minutes is 8.2, below median_minutes 9:" in result.output
    assert "write the time within which 75% of the pilot's tasks were done (at least 9)" in (
        result.output
    )
    assert result.output.rstrip().endswith("[/pilot/p75_minutes]")
    equal = plan.replace("  median_minutes: 6.5\n", "  median_minutes: 8.2\n")
    path.write_text(equal, encoding="utf-8")
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0


def test_observed_earnings_with_a_p25_above_the_median_are_refused_at_the_p25(
    tmp_path: Path, runner: CliRunner
) -> None:
    """'median_hourly: 150, p25_hourly: 260' was accepted, and the pay was judged on the 260:
    a fail of PAI-1.2 (70.5% of the living wage) shown as a pass (122.1%)."""
    head = "kind: vendor-questionnaire\nschema_version: 1\nvendor: {name: V}\npay:\n  rates:\n"
    rate = "    - {country: PH, model: hourly, rate: {amount: 150, currency: PHP, period: hour},\n"
    observed = "       observed_earnings: {median_hourly: 150, p25_hourly: %s, currency: PHP,\n"
    tail = "                           source: payroll}}\n"
    path = tmp_path / "v.yaml"
    path.write_text(head + rate + observed % "260" + tail)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:7:48: I203 p25_hourly is 260, above median_hourly 150:" in result.output
    assert "[/pay/rates/0/observed_earnings/p25_hourly]" in result.output
    path.write_text(head + rate + observed % "150" + tail)
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0


def test_json_lists_the_problems_in_the_order_the_text_prints_them(
    tmp_path: Path, runner: CliRunner
) -> None:
    # the sections written in another order than the questionnaire's fields: JSON listed the
    # vendor's problem (line 4) before the workforce's (line 3), the text the other way round
    path = tmp_path / "order.yaml"
    path.write_text(
        "kind: vendor-questionnaire\nschema_version: 1\n"
        "workforce: {locations: [{country: ke, share_percent: 60}]}\n"
        "vendor: {name: Out Of Order Ltd, jurisdictions: [KEN]}\n",
        encoding="utf-8",
    )
    as_json = runner.invoke(main, ["validate", str(path), "--format", "json"])
    as_text = runner.invoke(main, ["validate", str(path)])
    places = [(p["line"], p["column"]) for p in json.loads(as_json.stdout)["files"][0]["problems"]]
    printed = [tuple(map(int, m)) for m in re.findall(r"yaml:(\d+):(\d+):", as_text.stderr)]
    assert places == printed == [(3, 26), (4, 50)]


@pytest.mark.parametrize(("written", "meant"), [("monthly", "month"), ("Weekly", "week")])
def test_a_choice_written_as_a_word_of_its_own_gets_the_choice(
    tmp_path: Path, written: str, meant: str
) -> None:
    """'period: monthly' got only the field's description; the choice is suggested."""
    body = f"pay: {{model: hourly, rate: {{amount: 1, currency: USD, period: {written}}}}}\n"
    shown = _refused_value(tmp_path, PLAN_HEAD, body)
    assert f"[/pay/rate/period]\n    hint: did you mean '{meant}'?" in shown


def test_a_requirement_is_shown_whatever_the_case_of_its_id() -> None:
    result = CliRunner().invoke(main, ["guidelines", "show", "pai-1.1"])
    assert result.exit_code == 0
    assert result.stdout.startswith("PAI-1.1: ")


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("15%", "write 15: a percentage is written out of 100, without the % sign"),
        ("2 min", "write 2, without the unit: the field's description names it"),
        ("1,5%", "write 1.5: a percentage is written out of 100, without the % sign"),
        (
            "2-3%",
            "write one number, not a range (2-3%), and put the range in the section's comment",
        ),
        (
            "10 to 15",
            "write one number, not a range (10 to 15), and put the range in the section's comment",
        ),
        (
            "30 (paid end of month)",
            "write 30 alone, and put '(paid end of month)' in the section's comment",
        ),
    ],
)
def test_a_number_written_with_a_note_says_what_to_write(
    tmp_path: Path, written: str, hint: str
) -> None:
    shown = _refused_value(tmp_path, PLAN_HEAD, f"pay: {{fee_share_percent: '{written}'}}\n")
    assert "doc.yaml:4:7: I203" in shown and f"hint: {hint}" in shown


def _refused_value(tmp_path: Path, head: str, body: str) -> str:
    """What validate prints for a document whose one answer is refused (I203, exit 2)."""
    path = tmp_path / "doc.yaml"
    path.write_text(f"kind: {head}\nschema_version: 1\n{body}")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2 and "I203" in result.stderr
    return result.stderr


PLAN_HEAD = "project-plan\nproject: {name: P}"


def test_a_date_in_a_number_field_is_not_called_a_range(tmp_path: Path) -> None:
    shown = _refused_value(tmp_path, PLAN_HEAD, "pay: {fee_share_percent: '2026-11-09'}\n")
    assert "range" not in shown


def test_a_yes_or_no_written_with_a_note_is_not_told_to_write_a_number(tmp_path: Path) -> None:
    vendor = "vendor-questionnaire\nvendor: {name: V}"
    shown = _refused_value(tmp_path, vendor, "recruitment: {free_to_leave: 1 (yes)}\n")
    assert "write 1" not in shown


def test_a_long_text_in_a_number_field_is_not_echoed_in_a_hint(tmp_path: Path) -> None:
    body = f"pay: {{fee_share_percent: '{'1' * 5000} percent'}}\n"
    assert len(_refused_value(tmp_path, PLAN_HEAD, body)) < 2000
