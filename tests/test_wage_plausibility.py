"""Pay 25 times the living wage or more is warned about at the answer that gives it (W208): a
monthly salary entered per hour passed every pay requirement in silence. Expert pay (10-20
times) is not warned about; a rate not answered gives no warning."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from click.testing import CliRunner

from sourcing_check.cli import main
from tests.conftest import EXAMPLES

DATE = ["--date", "2026-11-24"]
VENDOR = (EXAMPLES / "well-run-vendor.yaml").read_text(encoding="utf-8")
MONTHLY = "rate: {amount: 72000, currency: KES, period: month}"


def _check(runner: CliRunner, path: Path, *args: str) -> tuple[int, str, str]:
    done = runner.invoke(main, ["check", str(path), *DATE, *args])
    return done.exit_code, done.stdout, done.stderr


def _vendor(tmp_path: Path, rate: str) -> Path:
    assert MONTHLY in VENDOR
    path = tmp_path / "vendor.yaml"
    path.write_text(VENDOR.replace(MONTHLY, rate), encoding="utf-8")
    return path


def test_a_monthly_salary_given_per_hour_is_warned_about(tmp_path: Path, runner: CliRunner) -> None:
    # KES 72,000 an hour / KES 297.78 (the bundled Kenyan living wage per hour) = 241.8 times
    vendor = _vendor(tmp_path, "rate: {amount: 72000, currency: KES, period: hour}")
    line = VENDOR.splitlines().index(next(s for s in VENDOR.splitlines() if MONTHLY in s)) + 1
    code, out, err = _check(runner, vendor, "--format", "json")
    assert code == 0  # a warning changes no verdict
    assert (
        f"vendor.yaml:{line}:14: W208 KES 72,000.00 per hour gives KES 72,000.00 an hour worked "
        "in KE (Nairobi), 241 times the living wage of KES 297.78 [/pay/rates/0/rate/amount]"
    ) in err
    assert "a monthly salary given per hour is about 170 times the living wage" in err
    (assessment,) = json.loads(out)["assessments"]
    # and W205: the salary's 173 hours a month beside a rate now per hour are not used
    assert [w["code"] for w in assessment["warnings"]] == ["W205", "W208"]
    assert _check(runner, vendor, "--strict")[0] == 2  # --strict: a problem, nothing written


def test_expert_pay_and_unanswered_pay_are_not_warned_about(
    tmp_path: Path, runner: CliRunner
) -> None:
    # KES 750,000 a month / 173 h = KES 4,335 an hour: 14.6 times the living wage
    expert = _vendor(tmp_path, "rate: {amount: 750000, currency: KES, period: month}")
    assert "W208" not in _check(runner, expert)[2]
    unanswered = _vendor(tmp_path, "rate: null")
    code, _, err = _check(runner, unanswered)
    assert code in (0, 1) and "W208" not in err and "Traceback" not in err


def test_a_rate_shared_by_locations_is_warned_about_once(tmp_path: Path, runner: CliRunner) -> None:
    # USD 10 a task of 3 minutes, after the plan's fee, rejections and unpaid time: KES 11,377.94
    # an hour worked in KE, 38 times its living wage (and as far above it in IN and PH)
    plan = (EXAMPLES / "crowd-platform-project.yaml").read_text(encoding="utf-8")
    given = "rate: {amount: 0.05, currency: USD, period: task}"
    assert given in plan
    (tmp_path / "crowd-platform-vendor.yaml").write_text(
        (EXAMPLES / "crowd-platform-vendor.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "plan.yaml"
    path.write_text(plan.replace(given, given.replace("0.05", "10")), encoding="utf-8")
    _, _, err = _check(runner, path)
    warned = [line for line in err.splitlines() if " W208 " in line]
    assert len(warned) == 1
    assert "USD 10.00 per task gives KES 11,377.94 an hour worked in KE, 38 times" in warned[0]
    assert "the minutes a task takes" in err


def test_the_checklist_lists_answers_to_check(tmp_path: Path, runner: CliRunner) -> None:
    """A supplier working from the checklist alone saw no warning: a rate read as 241 times
    the living wage was nowhere on it."""
    vendor = _vendor(tmp_path, "rate: {amount: 72000, currency: KES, period: hour}")
    _, md, _ = _check(runner, vendor, "--format", "checklist-md")
    assert "## Answers to check" in md
    assert "**W208** An answer probably not meant as written, at " in md
    assert "(/pay/rates/0/rate/amount; vendor acts)" in md
    assert "  - Read as: KES 72,000.00 per hour gives KES 72,000.00 an hour worked" in md
    _, csv_text, _ = _check(runner, vendor, "--format", "checklist-csv")
    (row,) = [line for line in csv_text.splitlines() if ",W208," in line]
    assert row.startswith("Kestrel Data Services Ltd,vendor,Answers to check,check,W208,")
    # the answers to check come first, as in the Markdown (the pay figures may rest on them)
    areas = [r[2] for r in csv.reader(io.StringIO(csv_text.lstrip("\ufeff")))][1:]
    checks = [area == "Answers to check" for area in areas]
    assert checks[0] and checks == sorted(checks, reverse=True)
    assert (
        _check(runner, _vendor(tmp_path, MONTHLY), "--format", "checklist-md")[1].count(
            "Answers to check"
        )
        == 0
    )


def test_page_one_asks_to_confirm_pay_resting_on_a_misread_answer(tmp_path: Path) -> None:
    """'Approved' with every pay requirement met, over a rate read as 241 times the living
    wage: page 1 says the pay figures rest on the warned answer."""
    from sourcing_check.render.html import render_html
    from sourcing_check.run import Settings, run

    vendor = _vendor(tmp_path, "rate: {amount: 72000, currency: KES, period: hour}")
    batch = run([vendor], Settings(date=dt.date(2026, 11, 24)))
    page = render_html(batch.assessments)
    assert "The pay figures rest on one of them" in page
    batch = run([_vendor(tmp_path, MONTHLY)], Settings(date=dt.date(2026, 11, 24)))
    assert "The pay figures rest on" not in render_html(batch.assessments)


def test_the_text_and_markdown_outputs_keep_the_warnings(tmp_path: Path, runner: CliRunner) -> None:
    """'check -o c.md' said 'Approved' over KES 72,000 an hour with no warning in the file:
    the warning went to standard error only."""
    vendor = _vendor(tmp_path, "rate: {amount: 72000, currency: KES, period: hour}")
    _, text, _ = _check(runner, vendor)
    assert "Answers to check (probably not meant as written)" in text
    assert "! W208 " in text and "241 times the living" in text
    _, md, _ = _check(runner, vendor, "--format", "md")
    assert "## Answers to check (probably not meant as written)" in md
    assert "- **W208** " in md
    assert "Answers to check" not in _check(runner, _vendor(tmp_path, MONTHLY))[1]
