"""The pieces of a decision file's text: YAML scalars, wrapped comments, and the open
findings an assessment asks a board to decide."""

from __future__ import annotations

import json
import textwrap

from sourcing_check.models.results import Assessment, Finding

WIDTH = 96
OPEN = ("fail", "unanswered", "unverified")
_LEVELS = ("must", "should", "may")
#: The guideline area of the findings a decision makes (overdue conditions): not requirements.
_DECISION_AREA = "decision"


def yaml_text(value: str) -> str:
    """A YAML scalar for any text (a JSON string is valid YAML)."""
    return json.dumps(value.strip(), ensure_ascii=False)


def comment(text: str, indent: str, lead: str = "") -> list[str]:
    """``text`` as YAML comment lines wrapped to the file's width, under ``lead`` if given."""
    wrapped = textwrap.wrap(text, WIDTH - len(indent) - 2 - len(lead)) or [""]
    first, *rest = wrapped
    return [f"{indent}# {lead}{first}", *(f"{indent}# {' ' * len(lead)}{line}" for line in rest)]


def status_of(finding: Finding) -> str:
    """A requirement's status as assessed: a waived one's is the status the waiver set aside."""
    return (finding.waived_from or finding.status) if finding.status == "waived" else finding.status


def requirement_findings(assessment: Assessment) -> dict[str, Finding]:
    """The findings of requirements by id, without those a decision made (overdue conditions)."""
    return {f.requirement: f for f in assessment.findings if f.guideline != _DECISION_AREA}


def open_findings(assessment: Assessment) -> list[Finding]:
    """Failed, unanswered and unverified findings: must first, then by status as found."""
    found = [f for f in requirement_findings(assessment).values() if status_of(f) in OPEN]
    return sorted(found, key=lambda f: (_LEVELS.index(f.level), OPEN.index(status_of(f))))
