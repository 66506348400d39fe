"""A plan placed with a supplier is never approved without the supplier's questionnaire:
the questionnaire is information still needed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES

DATE = dt.date(2026, 11, 24)


def test_the_well_run_plan_without_its_questionnaire_is_not_approved(tmp_path: Path) -> None:
    """Its questionnaire is information still needed: the verdict waits for it."""
    # Board audit: with its 'vendor_questionnaire' line removed, the well-run plan (which
    # still says direct: false) was 'approved' with a score of 100: every vendor requirement
    # had silently left the assessment.
    text = (EXAMPLES / "well-run-project.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "vendor_questionnaire:" not in line]
    assert len(lines) == len(text.splitlines()) - 1
    plan = tmp_path / "plan.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (assessment,) = run([plan], Settings(date=DATE)).assessments
    assert assessment.verdict.value == "information_needed"
    (finding,) = [f for f in assessment.findings if f.requirement == "PAI-9.12"]
    assert finding.status == "unanswered"
    assert "/project/sourcing/vendor_questionnaire" in " ".join(finding.missing)


def test_the_well_run_plan_with_its_questionnaire_meets_it() -> None:
    (assessment,) = run([EXAMPLES / "well-run-project.yaml"], Settings(date=DATE)).assessments
    (finding,) = [f for f in assessment.findings if f.requirement == "PAI-9.12"]
    assert finding.status == "pass"
    assert assessment.verdict.value == "approved"
