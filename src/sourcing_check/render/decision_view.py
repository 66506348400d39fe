"""What the report shows of the board's work: profiles and their changes, the decision's
waivers, conditions and signers, both scores, and the changes since a previous report."""

from __future__ import annotations

from typing import Any

from sourcing_check.models.decision import REVIEWER_DECISION_LABELS
from sourcing_check.models.results import Assessment
from sourcing_check.render.changes import sections
from sourcing_check.render.views import (
    approvers,
    condition_state,
    conditions_by_requirement,
    describe_change,
    waiver_state,
)


def _score(value: object) -> str:
    return "n/a" if value is None else str(value)


def both_scores(a: Assessment) -> list[tuple[str, str, str]]:
    """Each score with the waivers and without them: overall first, then each area."""
    without = {s.id: s for s in [a.without_waivers.overall, *a.without_waivers.scores]}
    rows = []
    for s in [a.overall, *a.scores]:
        other = without.get(s.id)
        rows.append((s.title, _score(s.score), _score(other.score if other else None)))
    return rows


def decision_context(a: Assessment) -> dict[str, Any]:
    """The template variables for the board's decision, profiles and changes."""
    d = a.decision
    return {
        "decision": d,
        "conditions_on": conditions_by_requirement(a),
        "both_scores": both_scores(a),
        "without": a.without_waivers,
        "waivers": [(w, waiver_state(w), approvers(w)) for w in d.waivers] if d else [],
        "conditions": [(c, condition_state(c)) for c in d.conditions] if d else [],
        "reviewer_labels": REVIEWER_DECISION_LABELS,
        **signoff_context(a),
        "profiles": [(p, [describe_change(c) for c in p.changes]) for p in a.profiles],
        "changes": a.previous,
        "change_sections": sections(a.previous, "→") if a.previous else [],
    }


def signoff_context(a: Assessment) -> dict[str, Any]:
    """What the sign-off rests on: the reviewers who defer, reject or have not signed yet
    (name, decision), the conditions still owed (a condition marked done whose requirements
    are not met is still owed), and the ids of those done and met."""
    d = a.decision
    reviewers = d.signoff.reviewers if d and d.signoff else []
    conditions = d.conditions if d else []
    return {
        "dissent": [
            (r.name, REVIEWER_DECISION_LABELS[r.decision])
            for r in reviewers
            if r.decision in ("defer", "reject", "pending")
        ],
        "owed": [c for c in conditions if c.status != "done" or c.still_open],
        "met": [c.id for c in conditions if c.status == "done" and not c.still_open],
    }
