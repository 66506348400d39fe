"""Conditions: each checked against the assessment (D2xx), its state on the assessment date,
and a finding for each one overdue (due before the assessment date and not done)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sourcing_check.errors import Problem
from sourcing_check.models.decision import Condition, ConditionRecord, LoadedDecision
from sourcing_check.models.guideline import SourceRef
from sourcing_check.models.results import Finding

#: The guideline area of the findings made for overdue conditions.
DECISION_AREA = "decision"
_LEVELS = ("must", "should", "may")


def condition_problems(loaded: LoadedDecision, findings: Mapping[str, Finding]) -> list[Problem]:
    """Every problem of the conditions: a requirement not in the assessment (D206), an id
    used twice (D207)."""
    document = loaded.document
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, condition in enumerate(loaded.model.conditions):
        at = f"/conditions/{index}"
        if condition.id in seen:
            message = f"condition id {condition.id!r} is used twice"
            problems.append(document.problem(f"{at}/id", message, code="D207"))
        seen.add(condition.id)
        for number, requirement in enumerate(condition.requirements):
            if requirement not in findings:
                message = f"names {requirement}, which is not in this assessment"
                where = f"{at}/requirements/{number}"
                problems.append(document.problem(where, message, code="D206"))
    return problems


def condition_text(condition: Condition, findings: Mapping[str, Finding]) -> str:
    """What the condition asks, in words: its text, else the titles of its requirements (their
    ids are beside the text wherever it is shown, so they are not repeated in it)."""
    if condition.text:
        return condition.text.strip()
    return "; ".join(findings[rid].title for rid in condition.requirements)


def condition_records(
    loaded: LoadedDecision, findings: Mapping[str, Finding], date: dt.date
) -> list[ConditionRecord]:
    """Every condition with its state on ``date``: overdue, and which of its requirements
    are still not met."""
    return [
        ConditionRecord(
            id=c.id,
            requirements=list(c.requirements),
            text=condition_text(c, findings),
            owner=c.owner,
            due=c.due.isoformat(),
            status=c.status,
            overdue=c.status != "done" and c.due < date,
            still_open=[r for r in c.requirements if findings[r].status != "pass"],
        )
        for c in loaded.model.conditions
    ]


def overdue_findings(
    records: Sequence[ConditionRecord],
    findings: Mapping[str, Finding],
    decision_file: str,
    scope: str,
) -> list[Finding]:
    """A failed finding per overdue condition, at the highest level of the requirements it
    addresses (should for free text), weighing nothing in the score."""
    made = []
    for index, record in enumerate(records):
        if not record.overdue:
            continue
        levels = [findings[r].level for r in record.requirements] or ["should"]
        level = min(levels, key=_LEVELS.index)
        made.append(
            Finding.model_validate(
                {
                    "requirement": record.id,
                    "guideline": DECISION_AREA,
                    "title": f"Condition {record.id} (due {record.due}): {record.text.rstrip('.')}",
                    "rationale": "The board's decision was made on this condition.",
                    "level": level,
                    "weight": 0,
                    "scope": scope,
                    "status": "fail",
                    "message": f"Overdue: due on {record.due}, {record.status.replace('_', ' ')}"
                    f" (owner: {record.owner}).",
                    "answers": [],
                    "facts": [],
                    "missing": [],
                    "evidence": [],
                    "evidence_missing": [],
                    "remediation": f"{record.owner}: complete it ({record.text}) and mark it "
                    "done in the decision file, or ask the board for a new due date.",
                    "source": SourceRef(
                        document="decision", section=f"conditions/{index}", basis="text"
                    ),
                    "source_title": f"Decision file {decision_file}",
                    "source_url": None,
                }
            )
        )
    return made
