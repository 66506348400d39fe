"""'diff' on real example files: each category of change, what regresses, every kind of input
(assessment JSON, report PDF, input files), and the exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.decisions.changes import changes
from sourcing_check.models.changes import Changes
from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES

DATE = ["--date", "2026-11-24"]
CROWD = EXAMPLES / "crowd-platform-project.yaml"
IMPROVED = EXAMPLES / "revised" / "crowd-platform-project.yaml"
WELL_RUN = EXAMPLES / "well-run-project.yaml"
REVISED = EXAMPLES / "revised" / "well-run-project.yaml"
BOARD = EXAMPLES / "board" / "well-run-decision.yaml"
#: The board's tailoring (benchmarks not brought forward), which its decision goes with.
BOARD_PROFILES = (str(EXAMPLES / "board" / "review-board-profile.yaml"),)


def diff(
    old: Path | str, new: Path | str, date: str = "2026-11-24", decision: Path | None = None
) -> Changes:
    def one(path: Path | str) -> Any:
        profiles = BOARD_PROFILES if decision is not None else ()
        settings = Settings(date=dt.date.fromisoformat(date), decision=decision, profiles=profiles)
        (a,) = run([Path(path)], settings).assessments
        return a

    return changes(one(old), one(new), str(old), str(new))


def ids(items: list[Any]) -> list[str]:
    return [i.requirement for i in items]


def test_the_improved_crowd_plan_lists_its_fixes_and_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", str(CROWD), str(IMPROVED), *DATE])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Nothing regressed." in out
    # both assessed on one date: the heading names the two sources, not a date
    assert out.splitlines()[0].endswith(f": changes from {CROWD} to {IMPROVED}")
    assert "PAI-1.7 [must] Rejected work is paid unless fraud is shown: fail -> pass" in out
    assert "project KE: 19.1% -> 55.7%" in out
    assert "Overall: 18.3 -> 32.6 (+14.3)" in out
    assert f"/project/rejection/rejected_work_paid: never -> except_fraud ({IMPROVED}:74)" in out


def test_the_reverse_regresses_and_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", str(IMPROVED), str(CROWD), *DATE])
    assert result.exit_code == 1
    assert "REGRESSED (20):" in result.stdout
    assert "  ! PAI-1.7: pass -> fail" in result.stdout
    assert "  ! wage project KE: 55.7% -> 19.1%" in result.stdout


def test_each_status_category() -> None:
    found = diff(CROWD, IMPROVED)
    assert ids(found.newly_failing) == []
    assert {"PAI-1.7", "PAI-5.1", "PAI-5.3", "PAI-5.4", "PAI-5.2"} <= set(ids(found.newly_passing))
    # qualification now paid, training still unanswered; feedback shared, updates unanswered
    assert [(c.requirement, c.old, c.new, c.regressed) for c in found.changed] == [
        ("PAI-1.17", "fail", "unanswered", False),
        ("PAI-5.14", "fail", "unanswered", False),
    ]
    back = diff(IMPROVED, CROWD)
    assert set(ids(back.newly_failing)) == {
        "PAI-1.7",
        "PAI-1.10",
        "PAI-1.17",
        "PAI-4.2",
        "PAI-4.4",
        "PAI-4.5",
        "PAI-4.7",
        "PAI-5.1",
        "PAI-5.3",
        "PAI-5.4",
        "PAI-5.14",
    }
    assert [(c.requirement, c.regressed) for c in back.changed] == [
        ("PAI-5.2", True),
        ("PAI-5.5", True),
    ]


def test_score_changes_per_guideline() -> None:
    scores = {s.id: (s.old, s.new, s.delta) for s in diff(CROWD, IMPROVED).scores}
    assert next(iter(scores)) == "overall"
    old, new, delta = scores["communication"]
    assert old is not None and new is not None and delta == new - old and delta > 0
    assert "wellbeing" not in scores  # unchanged areas are not listed


def test_wage_ratio_changes_per_location() -> None:
    wages = {(w.payer, w.place): (w.old_text, w.new_text) for w in diff(CROWD, IMPROVED).wages}
    assert wages == {
        ("project", "KE"): ("19.1%", "55.7%"),
        # India's and the Philippines' 2024 rows are at 2025 prices (+2.2%, +1.7%)
        ("project", "IN"): ("25.1%", "73.3%"),
        ("project", "PH (Metro Manila)"): ("15.5%", "45.2%"),
    }


def test_answers_that_changed_by_pointer_with_both_places() -> None:
    answers = {a.pointer: a for a in diff(CROWD, IMPROVED).answers}
    paid = answers["/project/rejection/rejected_work_paid"]
    assert (paid.old, paid.new) == ("never", "except_fraud")
    assert paid.old_at == f"{CROWD}:73" and paid.new_at == f"{IMPROVED}:74"
    target = answers["/project/communication/response_target_hours"]
    assert (target.old, target.new) == (None, 24)


def test_waivers_that_lapsed_by_expiry_and_by_staleness() -> None:
    expired = diff(WELL_RUN, WELL_RUN, decision=BOARD)
    assert expired.lapsed_waivers == []
    later = changes(
        run(
            [WELL_RUN],
            Settings(date=dt.date(2026, 11, 24), decision=BOARD, profiles=BOARD_PROFILES),
        ).assessments[0],
        run(
            [WELL_RUN], Settings(date=dt.date(2027, 6, 1), decision=BOARD, profiles=BOARD_PROFILES)
        ).assessments[0],
        "before",
        "after",
    )
    assert [(w.requirement, w.now) for w in later.lapsed_waivers] == [("PAI-1.4", "expired")]
    assert "waiver PAI-1.4 lapsed (expired)" in later.regressions
    stale = diff(WELL_RUN, REVISED, decision=BOARD)
    assert [(w.requirement, w.now) for w in stale.lapsed_waivers] == [
        ("PAI-1.4", "stale"),
        ("PAI-9.8", "stale"),
    ]
    assert ids(stale.newly_passing) == ["PAI-9.7"]  # the transparency report is published


def test_old_and_new_may_be_json_pdf_or_inputs(tmp_path: Path, runner: CliRunner) -> None:
    old_json, new_pdf = tmp_path / "old.json", tmp_path / "new.pdf"
    runner.invoke(main, ["check", str(CROWD), *DATE, "--format", "json", "-o", str(old_json)])
    done = runner.invoke(main, ["report", str(IMPROVED), *DATE, "-o", str(new_pdf)])
    assert done.exit_code == 0, done.output
    from_files = runner.invoke(main, ["diff", str(CROWD), str(IMPROVED), *DATE, "--format", "json"])
    from_saved = runner.invoke(main, ["diff", str(old_json), str(new_pdf), "--format", "json"])
    assert from_saved.exit_code == from_files.exit_code == 0
    first, second = json.loads(from_files.stdout), json.loads(from_saved.stdout)
    for body in (first, second):
        del body["old"]["source"], body["new"]["source"]
    # what the facts record (the rate, the price) is located in an input assessed now; a
    # saved assessment records its file, not the line
    rate = next(a for a in first["answers"] if a["pointer"] == "/project/pay/rate")
    assert rate["new_at"] == f"{IMPROVED}:58" and rate["old_at"] == f"{CROWD}:56"
    for answer in first["answers"]:
        if answer["pointer"] in ("/project/pay/rate", "/project/sourcing/price"):
            answer["new_at"], answer["old_at"] = str(IMPROVED), str(CROWD)
    assert first == second
    assert first["regressed"] is False
    assert set(first) >= {"newly_failing", "newly_passing", "changed", "scores", "wages"}
    assert set(first) >= {"lapsed_waivers", "answers", "regressions"}


def test_markdown_output(runner: CliRunner) -> None:
    out = runner.invoke(main, ["diff", str(IMPROVED), str(CROWD), *DATE, "--format", "md"]).stdout
    assert "## Regressed (20)" in out
    assert "- PAI-1.7: pass → fail" in out
    assert "## Newly failing (11)" in out


def test_unreadable_sides_are_located(tmp_path: Path, runner: CliRunner) -> None:
    not_a_report = tmp_path / "other.pdf"
    not_a_report.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    result = runner.invoke(main, ["diff", str(not_a_report), str(CROWD)])
    assert result.exit_code == 2
    assert f"{not_a_report}: I115 no assessment attached" in result.stderr
    old = tmp_path / "old.json"
    old.write_text('{"schema_version": 1, "assessments": []}')
    result = runner.invoke(main, ["diff", str(old), str(CROWD)])
    assert result.exit_code == 2
    assert f"{old}:1:2: I205 not an assessment of schema_version 2" in result.stderr


@pytest.mark.parametrize("side", ["old", "new"])
def test_diff_compares_one_subject(side: str, tmp_path: Path, runner: CliRunner) -> None:
    both = tmp_path / "both.json"
    args = ["check", str(CROWD), str(WELL_RUN), *DATE, "--format", "json", "-o", str(both)]
    runner.invoke(main, [*args, "--fail-on", "never"])
    pair = [str(both), str(CROWD)] if side == "old" else [str(CROWD), str(both)]
    result = runner.invoke(main, ["diff", *pair, *DATE])
    assert result.exit_code == 2
    assert "holds 2 assessments; diff compares one subject at a time" in result.stderr


def _edited(tmp_path: Path, name: str, *edits: tuple[str, str]) -> Path:
    """A copy of an example (and the questionnaire it names) with answers replaced."""
    for example in ("well-run-project.yaml", "well-run-vendor.yaml"):
        (tmp_path / example).write_text((EXAMPLES / example).read_text())
    path = tmp_path / name
    text = path.read_text()
    for before, after in edits:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    path.write_text(text)
    return path


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.parametrize(
    ("name", "edits", "pointer", "change", "written"),
    [
        pytest.param(
            "well-run-vendor.yaml",
            [
                ("amount: 38000, currency: PHP", "amount: 30000, currency: PHP"),
                (
                    "worker_share_of_client_price_percent: 58",
                    "worker_share_of_client_price_percent: 50",
                ),
            ],
            "/vendor/pay/rates/2/rate",
            ["PHP 38,000.00 per month", "PHP 30,000.00 per month"],
            "amount: 30000, currency: PHP",
            id="vendor-rate-far-down-its-rates",
        ),
        pytest.param(
            "well-run-project.yaml",
            [("amount: 72000, currency: KES", "amount: 30000, currency: KES")],
            "/project/pay/rate",
            ["KES 72,000.00 per month", "KES 30,000.00 per month"],
            "amount: 30000, currency: KES",
            id="plan-rate",
        ),
        pytest.param(
            "well-run-project.yaml",
            [("\n  fee_share_percent: 0\n", "\n  fee_share_percent: 5\n")],
            "/project/pay/fee_share_percent",
            [0, 5],
            "fee_share_percent: 5",
            id="plan-fee",
        ),
    ],
)
def test_the_answer_that_moved_a_wage_is_listed_where_it_is_written(
    tmp_path: Path,
    runner: CliRunner,
    name: str,
    edits: list[tuple[str, str]],
    pointer: str,
    change: list[Any],
    written: str,
) -> None:
    """The wage facts' own answers (a rate, a fee) are compared from what the saved
    assessment records, and listed once, at their line in the input assessed now."""
    before = tmp_path / "before.json"
    runner.invoke(
        main, ["check", str(EXAMPLES / name), *DATE, "--format", "json", "-o", str(before)]
    )
    path = _edited(tmp_path, name, *edits)
    at = f"{path}:{_line(path, written)}"
    data = json.loads(
        runner.invoke(main, ["diff", str(before), str(path), *DATE, "--format", "json"]).stdout
    )
    assert data["wages"] and data["regressed"] is True
    listed = [a for a in data["answers"] if a["pointer"] == pointer]
    assert [[a["old"], a["new"], a["new_at"]] for a in listed] == [[*change, at]]
    text = runner.invoke(main, ["diff", str(before), str(path), *DATE]).stdout
    old, new = (c if isinstance(c, str) else json.dumps(c) for c in change)
    assert text.count(f"  {pointer}: {old} -> {new} ({at})\n") == 1
    md = runner.invoke(main, ["diff", str(before), str(path), *DATE, "--format", "md"]).stdout
    assert f"{pointer}: {old} → {new}" in md
    # the same answers read back and assessed now are no change
    same = runner.invoke(
        main, ["diff", str(before), str(EXAMPLES / name), *DATE, "--format", "json"]
    )
    assert same.exit_code == 0 and json.loads(same.stdout)["answers"] == []
