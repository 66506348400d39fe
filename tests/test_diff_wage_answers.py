"""'diff' lists every answer a wage line's working read that changed (hours, unpaid time, the
rejection policy, the pilot's time...), once, where it is written now; an assessment written
before wage lines recorded what they read still diffs on what it records."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from tests.conftest import EXAMPLES, ROOT

DATE = ["--date", "2026-11-24"]
#: An assessment of examples/well-run-project.yaml written by the tool before wage lines
#: recorded the answers they read (commit 8c720c0).
OLD_FORMAT = ROOT / "tests" / "data" / "old-format" / "well-run-project.json.gz"
#: The crowd platform's plan with a completed pilot (it has none): pay per task on its p75.
PILOT = (
    "  status: not_planned\n",
    '  status: completed\n  date: "2026-11-01"\n  median_minutes: 3.5\n  p75_minutes: 4\n',
)
#: A profile that keeps the living-wage requirement only: no finding quotes the pilot.
ONLY_WAGE = """\
kind: guideline-profile
schema_version: 1
id: only-wage
title: The wage alone
description: Keeps the living-wage requirement only.
framework: pai-data-enrichment
select: [PAI-1.1]
"""


def _copies(tmp_path: Path, folder: str, *edits: tuple[str, str, str]) -> Path:
    """The example plans and questionnaires copied to ``tmp_path/folder``, with ``edits``
    (file, before, after) made; the folder."""
    where = tmp_path / folder
    where.mkdir()
    for stem in ("well-run", "crowd-platform"):
        for kind in ("project", "vendor"):
            name = f"{stem}-{kind}.yaml"
            (where / name).write_text((EXAMPLES / name).read_text())
    for name, before, after in edits:
        text = (where / name).read_text()
        assert text.count(before) == 1, before
        (where / name).write_text(text.replace(before, after))
    return where


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _diff(runner: CliRunner, old: Path, new: Path, *options: str) -> dict[str, Any]:
    done = runner.invoke(main, ["diff", str(old), str(new), *DATE, "--format", "json", *options])
    assert done.exit_code in (0, 1), done.output
    data: dict[str, Any] = json.loads(done.stdout)
    return data


@pytest.mark.parametrize(
    ("plan", "edit", "pointer", "change"),
    [
        pytest.param(
            "well-run-project.yaml",
            (
                "well-run-vendor.yaml",
                "period: month}\n      contracted_hours_per_period: 173\n"
                "      unpaid_hours_per_period: 0\n      comment: Plus 13th",
                "period: month}\n      contracted_hours_per_period: 220\n"
                "      unpaid_hours_per_period: 0\n      comment: Plus 13th",
            ),
            "/vendor/pay/rates/2/contracted_hours_per_period",
            [173, 220],
            id="vendor-hours-far-down-its-rates",
        ),
        pytest.param(
            "well-run-project.yaml",
            (
                "well-run-project.yaml",
                "\n  contracted_hours_per_period: 173\n",
                "\n  contracted_hours_per_period: 190\n",
            ),
            "/project/pay/contracted_hours_per_period",
            [173, 190],
            id="plan-hours",
        ),
        pytest.param(
            "well-run-project.yaml",
            (
                "well-run-project.yaml",
                "\n  unpaid_hours_per_period: 0\n",
                "\n  unpaid_hours_per_period: 10\n",
            ),
            "/project/pay/unpaid_hours_per_period",
            [0, 10],
            id="plan-unpaid-hours",
        ),
        pytest.param(
            "crowd-platform-project.yaml",
            (
                "crowd-platform-project.yaml",
                "unpaid_minutes_per_task: 1.5",
                "unpaid_minutes_per_task: 2.5",
            ),
            "/project/pay/unpaid_minutes_per_task",
            [1.5, 2.5],
            id="plan-unpaid-minutes",
        ),
        pytest.param(
            "crowd-platform-project.yaml",
            (
                "crowd-platform-project.yaml",
                "expected_rate_percent: 15",
                "expected_rate_percent: 30",
            ),
            "/project/rejection/expected_rate_percent",
            [15, 30],
            id="plan-rejection-rate",
        ),
        pytest.param(
            "crowd-platform-project.yaml",
            (
                "crowd-platform-vendor.yaml",
                "expected_rate_percent: 15",
                "expected_rate_percent: 30",
            ),
            "/vendor/rejection/expected_rate_percent",
            [15, 30],
            id="vendor-rejection-rate",
        ),
        pytest.param(
            "crowd-platform-project.yaml",
            ("crowd-platform-project.yaml", "tasks_per_worker: 200", "tasks_per_worker: 100"),
            "/project/pay/tasks_per_worker",
            [200, 100],
            id="plan-tasks-per-worker",
        ),
    ],
)
def test_an_answer_the_working_read_is_listed_once_where_it_is_written(
    tmp_path: Path,
    runner: CliRunner,
    plan: str,
    edit: tuple[str, str, str],
    pointer: str,
    change: list[str],
) -> None:
    """A wage fell, and the answer that moved it is listed, once, at its line now; from a
    saved assessment too, and no change is listed against the same answers."""
    before, after = _copies(tmp_path, "before"), _copies(tmp_path, "after", edit)
    saved = tmp_path / "before.json"
    runner.invoke(main, ["check", str(before / plan), *DATE, "--format", "json", "-o", str(saved)])
    written = f"{pointer.rpartition('/')[2]}: {change[1]}"
    at = f"{after / edit[0]}:{_line(after / edit[0], written)}"
    for old in (before / plan, saved):
        data = _diff(runner, old, after / plan)
        assert data["wages"] and data["regressed"] is True
        listed = [a for a in data["answers"] if a["pointer"] == pointer]
        assert [[a["old"], a["new"], a["new_at"]] for a in listed] == [[*change, at]]
    text = runner.invoke(main, ["diff", str(saved), str(after / plan), *DATE]).stdout
    assert text.count(f"  {pointer}: {change[0]} -> {change[1]} ({at})\n") == 1
    assert _diff(runner, saved, before / plan)["answers"] == []


@pytest.mark.parametrize("profile", [False, True], ids=["findings-quote-it", "no-finding-quotes"])
def test_a_pilot_time_change_is_listed_once(
    tmp_path: Path, runner: CliRunner, profile: bool
) -> None:
    """The pilot's p75 a per-task wage is spread over: listed once, whether findings quote it
    (they do when the pilot requirements are assessed) or only the wage read it."""
    name = "crowd-platform-project.yaml"
    before = _copies(tmp_path, "before", (name, *PILOT))
    later = (PILOT[0], PILOT[1].replace("p75_minutes: 4", "p75_minutes: 5"))
    after = _copies(tmp_path, "after", (name, *later))
    options: list[str] = []
    if profile:
        (tmp_path / "only-wage.yaml").write_text(ONLY_WAGE)
        options = ["--profile", str(tmp_path / "only-wage.yaml")]
    data = _diff(runner, before / name, after / name, *options)
    listed = [a for a in data["answers"] if a["pointer"] == "/project/pilot/p75_minutes"]
    at = f"{after / name}:{_line(after / name, 'p75_minutes: 5')}"
    assert len(listed) == 1 and listed[0]["new_at"] == at
    assert [listed[0]["old"], listed[0]["new"]] == [4, 5]  # numbers, as quoted


def test_the_price_is_compared_as_answered(tmp_path: Path, runner: CliRunner) -> None:
    """The second read: a plan whose price per task did not change listed '/project/sourcing/
    price: USD 6.22 per worker-hour -> USD 5.37 per worker-hour' when only the pilot's time
    moved (the per-hour figure, not the answer); a changed price is listed as written."""
    name = "crowd-platform-project.yaml"
    before = _copies(tmp_path, "before", (name, *PILOT))
    later = (PILOT[0], PILOT[1].replace("p75_minutes: 4", "p75_minutes: 5"))
    after = _copies(tmp_path, "after", (name, *later))
    pointers = [a["pointer"] for a in _diff(runner, before / name, after / name)["answers"]]
    assert "/project/pilot/p75_minutes" in pointers
    assert "/project/sourcing/price" not in pointers
    price = ("price: {amount: 0.05,", "price: {amount: 0.07,")
    dearer = _copies(tmp_path, "dearer", (name, *PILOT), (name, *price))
    (listed,) = [
        a
        for a in _diff(runner, before / name, dearer / name)["answers"]
        if a["pointer"] == "/project/sourcing/price"
    ]
    assert (listed["old"], listed["new"]) == ("USD 0.05 per task", "USD 0.07 per task")
    assert listed["new_at"] == f"{dearer / name}:{_line(dearer / name, 'amount: 0.07')}"


def test_unchanged_examples_list_no_answer(tmp_path: Path, runner: CliRunner) -> None:
    """Every example read back from its assessment and assessed now: nothing changed."""
    plans = [*EXAMPLES.glob("*-project.yaml"), *(EXAMPLES / "revised").glob("*-project.yaml")]
    for plan in plans:
        saved = tmp_path / f"{plan.parent.name}-{plan.stem}.json"
        args = ["check", str(plan), *DATE, "--format", "json", "-o", str(saved)]
        runner.invoke(main, [*args, "--fail-on", "never"])
        assert _diff(runner, saved, plan)["answers"] == [], plan


def test_an_assessment_written_before_diffs_on_what_it_records(
    tmp_path: Path, runner: CliRunner
) -> None:
    """An assessment written before wage lines recorded their answers: the same answers are no
    change; a fee it records is compared; answers it does not record are not listed."""
    old = tmp_path / "old.json"
    old.write_bytes(gzip.decompress(OLD_FORMAT.read_bytes()))
    assert "answers_read" not in old.read_text()
    assert _diff(runner, old, EXAMPLES / "well-run-project.yaml")["answers"] == []
    after = _copies(
        tmp_path,
        "after",
        ("well-run-project.yaml", "\n  fee_share_percent: 0\n", "\n  fee_share_percent: 5\n"),
        (
            "well-run-project.yaml",
            "\n  unpaid_hours_per_period: 0\n",
            "\n  unpaid_hours_per_period: 9\n",
        ),
    )
    plan = after / "well-run-project.yaml"
    data = _diff(runner, old, plan)
    assert data["wages"] and data["regressed"] is True
    listed = {a["pointer"]: [a["old"], a["new"]] for a in data["answers"]}
    assert listed == {"/project/pay/fee_share_percent": [0, 5]}


def test_an_answer_only_one_side_read_is_listed_when_the_other_lacks_it(
    tmp_path: Path, runner: CliRunner
) -> None:
    """The second read: a location rate added to a plan moved IN's wage 120.3% -> 152.8% with
    no answer listed (the old working never read a rate it did not have)."""
    name = "well-run-project.yaml"
    text = (EXAMPLES / name).read_text()
    start = text.index("  location_rates:")
    end = text.index("\n", text.index("country: IN", start)) + 1
    before = _copies(tmp_path, "before", (name, text[start:end], ""))
    after = _copies(tmp_path, "after")
    data = _diff(runner, before / name, after / name)
    (listed,) = [a for a in data["answers"] if a["pointer"] == "/project/pay/location_rates/0/rate"]
    assert listed["old"] is None and listed["new"] == "INR 42,000.00 per month"
    assert listed["new_at"] == f"{after / name}:{_line(after / name, 'amount: 42000')}"


def test_equal_numbers_written_differently_are_no_change(tmp_path: Path, runner: CliRunner) -> None:
    """The second read: '173' -> '173.0' and '0' -> '0.0' were listed as answers that changed."""
    name = "well-run-project.yaml"
    edits = [
        (name, "  contracted_hours_per_period: 173\n", "  contracted_hours_per_period: 173.0\n"),
        (name, "  fee_share_percent: 0\n", "  fee_share_percent: 0.0\n"),
    ]
    before, after = _copies(tmp_path, "before"), _copies(tmp_path, "after", *edits)
    assert _diff(runner, before / name, after / name)["answers"] == []
