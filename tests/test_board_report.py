"""The report of a board's work: the decision's waivers, both scores, the conditions table and
every signer; the profiles applied; the changes since a previous report."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pypdf import PdfReader

from sourcing_check.cli import main
from tests.conftest import EXAMPLES

WELL_RUN = EXAMPLES / "well-run-project.yaml"
REVISED = EXAMPLES / "revised" / "well-run-project.yaml"
BOARD = EXAMPLES / "board" / "well-run-decision.yaml"
PROFILE = EXAMPLES / "board" / "review-board-profile.yaml"


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is required; 'make test' installs it")
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The well-run example's report with the board's decision, and a later one."""
    out = tmp_path_factory.mktemp("board")
    runner = CliRunner()
    first, later = out / "board.pdf", out / "later.pdf"
    args = ["report", str(WELL_RUN), "--date", "2026-11-24", "--decision", str(BOARD)]
    args += ["--profile", str(PROFILE)]
    done = runner.invoke(main, [*args, "-o", str(first)])
    assert done.exit_code == 0, done.output
    args = ["report", str(REVISED), "--date", "2027-02-01", "--decision", str(BOARD)]
    args += ["--previous", str(first), "--profile", str(PROFILE)]
    args += ["--profile", "strict-harmful-content"]
    done = runner.invoke(main, [*args, "-o", str(later)])
    assert done.exit_code == 0, done.output
    return {"first": first, "later": later, "output": done.output}


def test_the_report_shows_waivers_both_scores_conditions_and_every_signer(
    reports: dict[str, Any],
) -> None:
    text = _text(reports["first"])
    attached = PdfReader(io.BytesIO(reports["first"].read_bytes())).attachments
    (data,) = json.loads(attached["assessment.json"][0])["assessments"]
    waived, plain = data["overall"]["score"], data["without_waivers"]["overall"]["score"]
    assert waived > plain
    assert "Board decision 2 waivers, 3 conditions, signed by 3" in text  # on the cover
    assert (
        f"Overall score {waived} / 100 with the board's waivers; without them: approved with "
        f"conditions, score {plain}" in text
    )
    assert "Scores with and without the waivers" in text
    assert f"Overall {waived} {plain}" in text
    assert "Waivers (2)" in text and "PAI-1.4 The vendor's" in text
    assert "active until 2027-05-31" in text
    assert "Conditions (3)" in text
    assert "C3 Report the first week's completion times" in text
    for signer in ("Prof. Amara Okafor", "Dr. Samuel Reyes", "Wanjiru Kamau"):
        assert signer in text.split("Sign-off", 1)[1]
    assert text.count("Approve with conditions") >= 3
    # the attached JSON carries the decision, the sign-off and both scores
    assert len(data["decision"]["signoff"]["reviewers"]) == 3
    assert b"## Conditions of the board's decision" in attached["checklist.md"][0]


def test_a_later_report_shows_the_changes_the_profile_and_a_stale_decision(
    reports: dict[str, Any],
) -> None:
    text = _text(reports["later"])
    assert "Changes since the report of 2026-11-24" in text
    assert "PAI-9.7 [may] The vendor publishes a transparency report: unanswered → pass" in text
    assert "PAI-1.4 The vendor's living-wage benchmarks are recent: stale" in text
    assert (
        "Stale: the decision was made for other inputs or profiles, so its waivers do not apply."
    ) in text
    # the sign-off does not say the stale decision approves this verdict (the second read)
    signoff = " ".join(text.split("Sign-off", 1)[1].split())
    assert "These sign-offs are for another assessment" in signoff
    assert "Approved on the conditions" not in signoff
    assert "open, overdue since 2027-01-08" in text
    assert (
        "Profiles review-board (1 change); strict-harmful-content (9 changes), listed in the "
        "appendix" in text
    )
    assert "Profiles applied" in text and "parameter max_benchmark_age_years: 3 → 2" not in text
    assert "parameter max_benchmark_age_years: 3 -> 2" in text


def test_each_requirement_an_answer_decides_starts_its_own_line(tmp_path: Path) -> None:
    """Information still needed: the requirements an answer decides are a list, one under the
    other, and a title is not cut after its first line ('... the living' / 'wage' / 'in every
    worker location ...', as it was when they ran on in one paragraph)."""
    pdf = tmp_path / "lumen.pdf"
    args = ["report", str(EXAMPLES / "self-assessment-vendor.yaml"), "--date", "2026-11-24"]
    done = CliRunner().invoke(main, [*args, "-o", str(pdf)])
    assert done.exit_code == 0, done.output
    lines = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("Rejection (vendor)"))
    column = lines[at].index("PAI-1.2")
    cell = [line[column - 2 :].strip() for line in lines[at : at + 4]]
    assert cell == [
        "PAI-1.2 The vendor's pay reaches the living",
        "wage in every worker location it reports (must)",
        "PAI-1.8 The vendor pays for rejected work",
        "unless fraud is shown (must)",
    ]


def test_page_one_says_which_locations_the_lowest_pay_leaves_out() -> None:
    # the crowd plan's VE workers have no living wage: the lowest pay named on page 1 is PH's,
    # and a board reading only page 1 is told that VE's pay is not in it
    import datetime as dt

    from sourcing_check.render.board import reasons_in_words
    from sourcing_check.run import Settings, run

    settings = Settings(date=dt.date(2026, 11, 24))
    (crowd,) = run([EXAMPLES / "crowd-platform-project.yaml"], settings).assessments
    reasons = reasons_in_words(crowd)
    lowest = next(i for i, r in enumerate(reasons) if r.startswith("Lowest effective pay"))
    # VE's pay is worked out (VES 375.88 an hour): what it lacks is a benchmark, and page 1
    # says so rather than that its pay could not be computed
    assert reasons[lowest + 1] == (
        "Pay is not compared with a living wage in VE (living-wage benchmark for VE: none in "
        "the living-wage table), so the lowest pay above leaves it out (the pay per location "
        "shows what is missing)."
    )
    (well,) = run([EXAMPLES / "well-run-project.yaml"], settings).assessments
    assert not any("not compared" in r for r in reasons_in_words(well))


def test_the_appendix_writes_parameters_as_a_profile_does() -> None:
    # a board member copying a parameter into a profile reads 'true', never Python's 'True'
    import datetime as dt

    from sourcing_check.render.html import render_html
    from sourcing_check.run import Settings, run

    batch = run([EXAMPLES / "well-run-project.yaml"], Settings(date=dt.date(2026, 11, 24)))
    html = render_html(batch.assessments)
    assert "index_benchmarks = true;" in html
    assert "prefer_higher_benchmark = false;" in html
    assert "= True" not in html and "= False" not in html


def test_the_previous_page_lists_the_rate_that_moved_the_wage(tmp_path: Path) -> None:
    """A rate far down the vendor's rates, which no finding quotes whole, is listed on the
    report's page of changes with its line."""
    vendor = tmp_path / "well-run-vendor.yaml"
    vendor.write_text((EXAMPLES / "well-run-vendor.yaml").read_text())
    before, pdf = tmp_path / "before.json", tmp_path / "later.pdf"
    runner = CliRunner()
    args = [str(vendor), "--date", "2026-11-24"]
    runner.invoke(main, ["check", *args, "--format", "json", "-o", str(before)])
    text = vendor.read_text()
    vendor.write_text(text.replace("amount: 38000, currency: PHP", "amount: 30000, currency: PHP"))
    line = next(
        n for n, s in enumerate(text.splitlines(), 1) if "amount: 38000, currency: PHP" in s
    )
    done = runner.invoke(main, ["report", *args, "--previous", str(before), "-o", str(pdf)])
    assert done.exit_code == 0, done.output
    listed = (
        "Answers that changed (1) • /vendor/pay/rates/2/rate: PHP 38,000.00 per month → "
        f"PHP 30,000.00 per month ({vendor}:{line})"
    )
    # a long path may wrap in the PDF: compared without spaces
    assert listed.replace(" ", "") in _text(pdf).replace(" ", "")


def _lapsed_decision(tmp_path: Path, c3: str = "open") -> Path:
    """The board's decision two months on: the waiver of PAI-1.4 expired on 2027-01-15, C2
    marked done while PAI-9.7 is still unanswered, and one reviewer deferring."""
    data = yaml.safe_load(BOARD.read_text())
    data["waivers"][0]["expires"] = "2027-01-15"
    data["conditions"][1]["status"] = "done"
    data["conditions"][2]["status"] = c3
    data["signoff"]["reviewers"][1]["decision"] = "defer"
    path = tmp_path / "decision.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _report(tmp_path: Path, decision: Path) -> str:
    pdf = tmp_path / "report.pdf"
    args = ["report", str(WELL_RUN), "--date", "2027-02-01", "--profile", str(PROFILE)]
    done = CliRunner().invoke(main, [*args, "--decision", str(decision), "-o", str(pdf)])
    assert done.exit_code == 0, done.output
    return _text(pdf)


def test_an_expired_waiver_and_a_deferring_reviewer_are_not_shown_in_force(
    tmp_path: Path,
) -> None:
    text = _report(tmp_path, _lapsed_decision(tmp_path))
    # the expired waiver: the requirement fails either way
    assert "should; fail (the waiver does not apply)" in text
    assert "fail without the waiver" not in text
    assert "may; unanswered without the waiver" in text  # PAI-9.8's is active
    # not everyone approves; C2 is marked done but its requirement is not met
    signoff = text.split("Sign-off", 1)[1]
    assert "Approved on the conditions" not in signoff
    assert (
        "Not approved by every reviewer (Dr. Samuel Reyes: Defer). The conditions set are listed "
        'under "The board\'s decision": C1 (Dr. Lena Fischer (research lead), due 2027-01-08); '
        "C2 (Kestrel Data Services (vendor manager, Joseph Mwangi), due 2027-03-31: marked done, "
        "but PAI-9.7 still not met); C3 (Dr. Lena Fischer (research lead), due 2027-01-22)."
    ) in signoff


def test_the_signoff_lists_done_and_met_conditions_apart(tmp_path: Path) -> None:
    text = _report(tmp_path, _lapsed_decision(tmp_path, c3="done"))
    assert "due 2027-03-31: marked done, but PAI-9.7 still not met). Done and met: C3." in text


def test_a_condition_without_text_names_its_requirement_once(tmp_path: Path) -> None:
    data = yaml.safe_load(BOARD.read_text())
    data["conditions"] = [
        {"id": "C1", "requirements": ["PAI-1.4"], "owner": "Joseph", "due": "2027-03-31"}
    ]
    data["conditions"][0]["status"] = "open"
    path = tmp_path / "decision.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    text = _report(tmp_path, path).split("Conditions (1)", 1)[1]
    assert "C1 PAI-1.4: The vendor's living-wage benchmarks are recent Joseph" in text


def test_a_reviewer_who_has_not_signed_yet_is_listed_pending(tmp_path: Path) -> None:
    """The board trial: a signer who had not signed could not be listed (decision and date
    were required: 'missing required field' twice); now 'decision: pending' without a date."""
    data = yaml.safe_load(BOARD.read_text())
    reviewer = data["signoff"]["reviewers"][2]
    reviewer["decision"] = "pending"
    del reviewer["date"]
    decision = tmp_path / "decision.yaml"
    decision.write_text(yaml.safe_dump(data, sort_keys=False))
    pdf = tmp_path / "report.pdf"
    args = ["report", str(WELL_RUN), "--date", "2026-11-24", "--profile", str(PROFILE)]
    done = CliRunner().invoke(main, [*args, "--decision", str(decision), "-o", str(pdf)])
    assert done.exit_code == 0, done.output
    text = " ".join(_text(pdf).split())
    assert "signed by 2 of 3" in text
    assert "Wanjiru Kamau Worker-welfare representative Not signed yet" in text
    assert "Not approved by every reviewer (Wanjiru Kamau: Not signed yet)" in text
    check = ["check", str(WELL_RUN), "--date", "2026-11-24", "--profile", str(PROFILE)]
    shown = CliRunner().invoke(main, [*check, "--decision", str(decision)]).stdout
    assert "Wanjiru Kamau (Worker-welfare representative): Not signed yet\n" in shown
    # a signed decision still needs its date, and a pending one has none
    reviewer["decision"] = "approve"
    decision.write_text(yaml.safe_dump(data, sort_keys=False))
    refused = CliRunner().invoke(main, ["validate", str(decision)])
    assert refused.exit_code == 2
    assert "approve needs the date it was signed" in refused.stderr
    reviewer.update(decision="pending", date="2026-12-03")
    decision.write_text(yaml.safe_dump(data, sort_keys=False))
    refused = CliRunner().invoke(main, ["validate", str(decision)])
    assert refused.exit_code == 2 and "a pending decision is not signed" in refused.stderr
