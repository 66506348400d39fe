"""Plausibility warnings (issue 9, item 8): valid answers that are probably misreads, located
as FILE:LINE:COL: W... and changing the exit code only with --strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from tests.conftest import TEST_TABLES

HEAD = "kind: project-plan\nschema_version: 1\nproject: {name: Plausible}\n"
VENDOR = (
    "kind: vendor-questionnaire\nschema_version: 1\nvendor: {name: V}\n"
    "workforce:\n  locations:\n    - {country: KE, share_percent: 60}\n"
    "    - {country: IN, share_percent: 40}\n"
)


def _validate(tmp_path: Path, text: str, *options: str) -> tuple[int, str]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text)
    (tmp_path / "vendor.yaml").write_text(VENDOR)
    result = CliRunner().invoke(main, ["validate", str(plan), *options])
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "pay: {fee_share_percent: 0.3}\n",
            "plan.yaml:4:7: W201 0.3 reads as 0.3%; write 30 for 30% [/pay/fee_share_percent]",
        ),
        (
            "pay:\n  model: salaried\n  rate: {amount: 72000, currency: KES, period: month}\n"
            "  contracted_hours_per_period: 48\n",
            "plan.yaml:7:3: W202 48 contracted hours a month is under 60 "
            "[/pay/contracted_hours_per_period]",
        ),
        (
            "pay:\n  model: hourly\n  rate: {amount: 5, currency: USD, period: hour}\n"
            "  contracted_hours: {hours: 90, per: week}\n",
            "W202 90 contracted hours a week is over 84 [/pay/contracted_hours/hours]",
        ),
        (
            "pay:\n  model: hourly\n  rate: {amount: 5, currency: USD, period: hour}\n"
            "  contracted_hours_per_period: 173\n",
            "W205 contracted_hours_per_period is per the rate's period, and a rate per hour has "
            "no hours per period: the figure is not used [/pay/contracted_hours_per_period]",
        ),
        (
            "workers:\n  locations:\n    - {country: KE, share_percent: 0.6}\n"
            "    - {country: IN, share_percent: 0.4}\n",
            "W203 the shares of the locations sum to 1.0, not 100 [/workers/locations]",
        ),
        (
            "workers:\n  locations:\n    - {country: KE, share_percent: 100}\n"
            "    - {country: IN, share_percent: 50}\n",
            "W203 the shares of the locations sum to 150, not 100 [/workers/locations]",
        ),
        (
            "pay: {rate: {amount: 72.000, currency: KES, period: month}}\n",
            "W204 72.000 reads as 72; write 72000 if the point separates thousands "
            "[/pay/rate/amount]",
        ),
        (
            "sourcing: {vendor_questionnaire: vendor.yaml}\n"
            "workers:\n  locations:\n    - {country: KE}\n    - {country: VE}\n",
            "W301 workers in VE, a country the vendor's questionnaire",
        ),
    ],
)
def test_a_misread_answer_warns_where_it_is(tmp_path: Path, body: str, expected: str) -> None:
    code, printed = _validate(tmp_path, HEAD + body)
    assert code == 0, printed  # a warning alone does not fail validation
    assert expected in printed


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (
            "rate: {amount: 72000, currency: KES, period: month}, contracted_hours_per_period: 400",
            ": W202 400 contracted hours a month is over 300 "
            "[/pay/rates/0/contracted_hours_per_period]",
        ),
        (
            "rate: {amount: 5, currency: USD, period: hour}, contracted_hours_per_period: 173",
            ": W205 contracted_hours_per_period is per the rate's period, and a rate per hour",
        ),
    ],
)
def test_a_vendor_rate_s_hours_are_checked_like_a_plan_s(
    tmp_path: Path, terms: str, expected: str
) -> None:
    """A vendor's rates are list items: their hours went unchecked (400 hours a month, or
    hours per period beside a rate per hour, passed in silence) while a plan's were warned."""
    vendor = tmp_path / "vendor.yaml"
    body = f"pay:\n  rates:\n    - {{country: KE, model: salaried, {terms}}}\n"
    vendor.write_text(VENDOR + body)
    result = CliRunner().invoke(main, ["validate", str(vendor)])
    assert result.exit_code == 0, result.stderr
    assert expected in result.stderr


def test_strict_makes_a_warning_a_problem(tmp_path: Path) -> None:
    code, printed = _validate(tmp_path, HEAD + "pay: {fee_share_percent: 0.3}\n", "--strict")
    assert code == 2 and "W201" in printed


def test_strict_never_calls_a_file_with_warnings_valid(tmp_path: Path) -> None:
    """Exit 2 beside 'plan.yaml: valid project-plan' read as a contradiction: the file with
    warnings is not said to be valid, and the last line says why it failed; a clean file
    beside it still is."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD + "pay: {fee_share_percent: 0.3}\n")
    clean = tmp_path / "clean.yaml"
    clean.write_text(HEAD)
    result = CliRunner().invoke(main, ["validate", str(plan), str(clean), "--strict"])
    assert result.exit_code == 2
    assert result.stdout == f"{clean}: valid project-plan\n"
    assert result.stderr.splitlines()[-1] == "--strict treats these warnings as problems"
    as_json = CliRunner().invoke(
        main, ["validate", str(plan), str(clean), "--strict", "--format", "json"]
    )
    assert as_json.exit_code == 2
    assert [entry["valid"] for entry in json.loads(as_json.stdout)["files"]] == [False, True]
    loose = CliRunner().invoke(main, ["validate", str(plan), "--format", "json"])
    assert loose.exit_code == 0 and json.loads(loose.stdout)["files"][0]["valid"] is True


def test_a_date_after_the_assessment_date_warns_where_it_is(tmp_path: Path) -> None:
    """Answers given, a document, a benchmark year after the assessment date: a typed year
    (2027 for 2026) that would otherwise pass unseen, and a benchmark from 2031 counts as
    recent. A planned launch after it is what a plan is for, and does not warn."""
    vendor = tmp_path / "v.yaml"
    vendor.write_text(
        "kind: vendor-questionnaire\nschema_version: 1\n"
        "vendor: {name: V, answered_on: 2027-10-14}\n"
        "pay:\n  living_wage_benchmark: {kind: living_wage, year: 2031}\n"
        "  evidence:\n    - {title: Payslips, date: 2026-11-20}\n"
        "    - {title: Rate card, date: 2028-11-02}\n"
    )
    args = ["check", str(vendor), *TEST_TABLES, "--fail-on", "never", "--date", "2026-11-24"]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 0
    warned = [line for line in result.stderr.splitlines() if " W207 " in line]
    assert warned == [
        f"{vendor}:3:19: W207 2027-10-14 is after the assessment date, 2026-11-24 "
        "[/vendor/answered_on]",
        f"{vendor}:5:46: W207 2031 is after the year of the assessment date, 2026 "
        "[/pay/living_wage_benchmark/year]",
        f"{vendor}:8:26: W207 2028-11-02 is after the assessment date, 2026-11-24 "
        "[/pay/evidence/1/date]",
    ]
    assert (
        "hint: the date the answers were given cannot be later than the assessment date: "
        "check the year"
    ) in result.stderr
    later = CliRunner().invoke(main, [*args[:-1], "2031-01-01", "-o", str(tmp_path / "b.json")])
    assert "W207" not in later.stderr
    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD.replace("Plausible}", "Plausible, planned_start: 2027-03-01}"))
    assert "W207" not in CliRunner().invoke(main, ["validate", str(plan)]).stderr


def test_plausible_answers_do_not_warn(tmp_path: Path) -> None:
    body = (
        "pay:\n  model: salaried\n  rate: {amount: 72000.50, currency: KES, period: month}\n"
        "  contracted_hours: {hours: 40, per: week}\n  fee_share_percent: 0\n"
        "workers:\n  locations:\n    - {country: KE, share_percent: 60}\n"
        "    - {country: IN, share_percent: 40}\n"
    )
    code, printed = _validate(tmp_path, HEAD + body)
    assert code == 0 and "W" not in printed.replace("KES", "")


def test_check_prints_warnings_and_writes_unless_strict(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD + "pay: {fee_share_percent: 0.3}\n")
    out = tmp_path / "out.json"
    args = ["check", str(plan), *TEST_TABLES, "--fail-on", "never", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and "W201" in result.stderr and out.exists()
    out.unlink()
    strict = CliRunner().invoke(main, [*args, "--strict"])
    assert strict.exit_code == 2 and "--strict treats these warnings" in strict.stderr
    assert not out.exists()


def test_migrant_workers_beside_permits_not_tied_warn_at_the_permit_answer(
    tmp_path: Path,
) -> None:
    """PAI-3.17 (safeguards for tied permits) does not apply when permits are not tied, which
    a workforce of migrant workers, whose right to stay depends on the job, contradicts."""
    vendor = tmp_path / "v.yaml"
    body = (
        "recruitment: {work_permits_tied: false}\n"
        "workforce: {vulnerable_groups: [migrant_workers]}\n"
    )
    vendor.write_text("kind: vendor-questionnaire\nschema_version: 1\nvendor: {name: V}\n" + body)
    result = CliRunner().invoke(main, ["validate", str(vendor)])
    assert result.exit_code == 0
    assert (
        f"{vendor}:4:15: W206 work_permits_tied is false, but the workforce lists migrant_workers"
    ) in result.stderr
    assert "[/recruitment/work_permits_tied]" in result.stderr
    assert "write work_permits_tied: true" in result.stderr
    strict = CliRunner().invoke(main, ["validate", str(vendor), "--strict"])
    assert strict.exit_code == 2
    vendor.write_text(vendor.read_text().replace("[migrant_workers]", "[prisoners]"))
    assert "W206" not in CliRunner().invoke(main, ["validate", str(vendor)]).stderr


def test_a_warning_travels_with_the_assessment_into_the_json_and_the_report(
    tmp_path: Path,
) -> None:
    """A board that reads only the report sees the answers probably not meant as written."""
    import json
    import shutil
    import subprocess

    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD + "pay: {fee_share_percent: 0.3}\n")
    runner = CliRunner()
    done = runner.invoke(main, ["check", str(plan), "--format", "json", *TEST_TABLES])
    (warning,) = json.loads(done.stdout)["assessments"][0]["warnings"]
    assert warning["code"] == "W201" and warning["place"] == "4:7"
    assert warning["pointer"] == "/pay/fee_share_percent"
    assert warning["message"] == "0.3 reads as 0.3%; write 30 for 30%"
    pdf = tmp_path / "r.pdf"
    made = runner.invoke(main, ["report", str(plan), "-o", str(pdf), *TEST_TABLES])
    assert made.exit_code in (0, 1), made.output
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    first = text.split("\f")[0]
    assert "1 answer probably not meant as written (W201)" in first
    assert "Answers probably not meant as written" in text
    assert "0.3 reads as 0.3%; write 30 for 30%" in " ".join(text.split())


def test_report_weighs_dates_against_its_assessment_date(tmp_path: Path) -> None:
    """'report --date 2025-01-01' checked the answers' dates against today (no W207), 'check
    --date 2025-01-01' against that date (W207 for each answer dated after it)."""
    from tests.conftest import EXAMPLES

    vendor = str(EXAMPLES / "well-run-vendor.yaml")
    early = ["--date", "2025-01-01"]
    checked = CliRunner().invoke(main, ["check", vendor, *early, "-o", str(tmp_path / "c.json")])
    reported = CliRunner().invoke(main, ["report", vendor, *early, "-o", str(tmp_path / "r.pdf")])
    warned = [line for line in checked.stderr.splitlines() if " W207 " in line]
    assert warned
    assert [line for line in reported.stderr.splitlines() if " W207 " in line] == warned


def test_a_questionnaire_given_beside_its_plan_warns_once(tmp_path: Path) -> None:
    """`check plan.yaml vendor.yaml` reads the questionnaire twice (once for the plan that
    names it, once on its own): its warning is one line on the terminal, and each assessment
    still carries it."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD + "sourcing: {vendor_questionnaire: vendor.yaml}\n")
    vendor = tmp_path / "vendor.yaml"
    vendor.write_text(VENDOR + "rejection: {expected_rate_percent: 0.15}\n")
    out = tmp_path / "out.json"
    args = ["check", str(plan), str(vendor), *TEST_TABLES, "--fail-on", "never", "-o", str(out)]
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, [*args, "--jobs", jobs])
        assert result.exit_code == 0, result.output
        assert result.stderr.count("W201 0.15 reads as 0.15%") == 1, result.stderr
        assessments = json.loads(out.read_text())["assessments"]
        assert [[w["code"] for w in a["warnings"]] for a in assessments] == [["W201"], ["W201"]]
        out.unlink()


def test_validate_warns_once_about_a_questionnaire_given_beside_its_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD + "sourcing: {vendor_questionnaire: vendor.yaml}\n")
    vendor = tmp_path / "vendor.yaml"
    vendor.write_text(VENDOR + "rejection: {expected_rate_percent: 0.15}\n")
    result = CliRunner().invoke(main, ["validate", str(plan), str(vendor)])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("W201 0.15 reads as 0.15%") == 1, result.stderr


def test_the_pay_needed_says_when_it_rests_on_an_answer_to_check(tmp_path: Path) -> None:
    """The supplier trial: with fee_share_percent 0.15 (W201), the checklist asked for KES
    298.23 an hour, the figure for a 0.15% fee, without saying it rests on that answer."""
    vendor = tmp_path / "v.yaml"
    pay = "  rates: [{country: KE, model: hourly, rate: {amount: 150, currency: KES, period: hour},"
    body = "\n".join(
        [
            "kind: vendor-questionnaire\nschema_version: 1\nvendor: {name: V}",
            "workforce: {locations: [{country: KE, share_percent: 100}]}",
            "pay:\n  fee_share_percent: FEE",
            pay + " unpaid_hours_per_period: 0}]",
            "rejection: {rejected_work_paid: always}\n",
        ]
    )
    args = ["check", str(vendor), *TEST_TABLES, "--fail-on", "never", "--format", "checklist-md"]
    vendor.write_text(body.replace("FEE", "0.15"))
    shown = CliRunner().invoke(main, args).stdout
    assert "Pay needed where it falls short: KE: " in shown
    assert "(resting on an answer to check, listed first: W201)" in shown
    vendor.write_text(body.replace("FEE", "15"))
    shown = CliRunner().invoke(main, args).stdout
    assert "Pay needed where it falls short: KE: " in shown and "resting on" not in shown
