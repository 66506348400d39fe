"""Waivers: each checked against the assessment (D2xx), its state on the assessment date, and
the findings it sets aside (status ``waived``, leaving the score's denominator)."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping, Sequence

from sourcing_check.errors import Problem
from sourcing_check.models.decision import AppliedWaiver, LoadedDecision, Waiver, WaiverState
from sourcing_check.models.results import Finding


def waiver_problems(
    loaded: LoadedDecision,
    findings: Mapping[str, Finding],
    approvers_needed: int,
    *,
    current: bool,
) -> list[Problem]:
    """Every problem of the decision's waivers: an unknown requirement (D201), one that
    passes or does not apply (D202, only when the decision is current: answers that changed
    may have met it since), waived twice (D203), a must with too few approvers (D204), an
    expiry before the grant (D205), or a grant before the assessment (D208, when current: an
    earlier approval copied into a decision on new answers)."""
    document = loaded.document
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, waiver in enumerate(loaded.model.waivers):
        at = f"/waivers/{index}"
        finding = findings.get(waiver.requirement)
        if finding is None:
            problems.append(_unknown(loaded, f"{at}/requirement", waiver.requirement, findings))
        elif waiver.requirement in seen:
            message = f"{waiver.requirement} is waived twice"
            problems.append(document.problem(f"{at}/requirement", message, code="D203"))
        elif current and finding.status in ("pass", "not_applicable"):
            state = "passes" if finding.status == "pass" else "does not apply"
            message = f"waives {waiver.requirement}, which {state}: there is nothing to waive"
            hint = "remove the waiver"
            problems.append(document.problem(f"{at}/requirement", message, hint, code="D202"))
        seen.add(waiver.requirement)
        if waiver.expires < waiver.granted:
            message = f"expires on {waiver.expires}, before it was granted ({waiver.granted})"
            problems.append(document.problem(f"{at}/expires", message, code="D205"))
        assessed = loaded.model.subject.assessment_date
        if current and waiver.granted < assessed:
            message = f"granted on {waiver.granted}, before the assessment it waives ({assessed})"
            hint = "a waiver accepts a risk on the answers assessed: approve it again, and date it"
            problems.append(document.problem(f"{at}/granted", message, hint, code="D208"))
        distinct = {person.name.strip().casefold() for person in waiver.approvers}
        if finding is not None and finding.level == "must" and len(distinct) < approvers_needed:
            message = (
                f"a waiver of a must-level requirement needs {approvers_needed} approvers, "
                f"this one has {len(distinct)}"
            )
            hint = "the framework's parameter must_waiver_approvers sets how many"
            problems.append(document.problem(f"{at}/approvers", message, hint, code="D204"))
    return problems


def _unknown(
    loaded: LoadedDecision, at: str, requirement: str, findings: Mapping[str, Finding]
) -> Problem:
    close = difflib.get_close_matches(requirement, list(findings), n=3)
    hint = "only requirements in scope, and not left out by a profile, can be waived"
    if close:
        hint = f"did you mean {', '.join(close)}?"
    message = f"waives {requirement}, which is not in this assessment"
    return loaded.document.problem(at, message, hint, code="D201")


def waiver_state(waiver: Waiver, date: dt.date, *, stale: bool) -> WaiverState:
    """``stale`` when the decision was made for other answers, ``expired`` after its last day,
    else ``active``."""
    if stale:
        return "stale"
    return "expired" if waiver.expires < date else "active"


def applied_waivers(
    loaded: LoadedDecision, findings: Mapping[str, Finding], date: dt.date, *, stale: bool
) -> list[AppliedWaiver]:
    """Every waiver with its state on ``date`` and the finding it concerns."""
    applied = []
    for waiver in loaded.model.waivers:
        finding = findings[waiver.requirement]
        applied.append(
            AppliedWaiver(
                requirement=waiver.requirement,
                title=finding.title,
                level=finding.level,
                status=finding.status,
                justification=waiver.justification,
                risk_accepted=waiver.risk_accepted,
                approvers=waiver.approvers,
                granted=waiver.granted.isoformat(),
                expires=waiver.expires.isoformat(),
                state=waiver_state(waiver, date, stale=stale),
            )
        )
    return applied


def waive(findings: Sequence[Finding], waivers: Sequence[AppliedWaiver]) -> list[Finding]:
    """The findings with each actively waived one set to ``waived`` (its status kept in
    ``waived_from``)."""
    active = {w.requirement for w in waivers if w.state == "active"}
    return [
        f.model_copy(update={"status": "waived", "waived_from": f.status})
        if f.requirement in active
        else f
        for f in findings
    ]
