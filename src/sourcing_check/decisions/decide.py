"""Apply a board's decision file to an assessment: a pure function. Waivers set findings
aside, overdue conditions become findings, and scores and verdict are computed with and
without the waivers; a decision made for other inputs, or under other profiles, is stale and
waives nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sourcing_check.decisions.conditions import (
    condition_problems,
    condition_records,
    overdue_findings,
)
from sourcing_check.decisions.waivers import applied_waivers, waive, waiver_problems
from sourcing_check.errors import InputError
from sourcing_check.models.decision import DecidedSubject, DecisionRecord, LoadedDecision
from sourcing_check.models.profile import AppliedProfile
from sourcing_check.models.results import Assessment, FileRef, Finding, Standing
from sourcing_check.rules.framework import Framework
from sourcing_check.scoring import scores, verdict

#: The roles of the inputs a decision names by hash.
INPUT_ROLES = ("project-plan", "vendor-questionnaire")
#: Approvers a must waiver needs when the framework does not say.
DEFAULT_MUST_APPROVERS = 2


def apply_decision(
    assessment: Assessment, framework: Framework, loaded: LoadedDecision
) -> Assessment:
    """The assessment with the decision applied; raise InputError listing every problem of
    the decision file (located in it)."""
    date = dt.date.fromisoformat(assessment.assessment_date)
    stale_reasons = stale(assessment.files, loaded.model.subject)
    stale_reasons += stale_profiles(assessment.profiles, loaded.model.subject)
    by_id = {f.requirement: f for f in assessment.findings}
    needed = int(framework.params.get("must_waiver_approvers", DEFAULT_MUST_APPROVERS))
    problems = waiver_problems(loaded, by_id, needed, current=not stale_reasons)
    problems += condition_problems(loaded, by_id)
    if problems:
        raise InputError(problems)
    waivers = applied_waivers(loaded, by_id, date, stale=bool(stale_reasons))
    conditions = condition_records(loaded, by_id, date)
    scope = "project" if assessment.subject.get("project") is not None else "vendor"
    base = [*assessment.findings, *overdue_findings(conditions, by_id, loaded.document.name, scope)]
    waived = waive(base, waivers)
    signoff = loaded.model.signoff
    record = DecisionRecord(
        file=loaded.document.name,
        sha256=loaded.document.sha256,
        decided_on=loaded.model.subject.assessment_date.isoformat(),
        stale=bool(stale_reasons),
        stale_reasons=stale_reasons,
        waivers=waivers,
        conditions=conditions,
        signoff=signoff,
        review_due=signoff is not None and signoff.review_by < date,
    )
    with_waivers = standing(waived, framework)
    decision_file = FileRef(role="decision", path=record.file, sha256=record.sha256)
    return assessment.model_copy(
        update={
            "findings": waived,
            "scores": with_waivers.scores,
            "overall": with_waivers.overall,
            "verdict": with_waivers.verdict,
            "without_waivers": standing(base, framework),
            "decision": record,
            "files": [*assessment.files, decision_file],
        }
    )


def standing(findings: Sequence[Finding], framework: Framework) -> Standing:
    """Scores per guideline, overall, and the verdict of ``findings``."""
    per_guideline, overall = scores(findings, framework.meta)
    return Standing(
        scores=per_guideline,
        overall=overall,
        verdict=verdict(findings, overall, framework.meta),
    )


def stale(files: Sequence[FileRef], subject: DecidedSubject) -> list[str]:
    """Why a decision does not fit these inputs: each input that differs ([] when none)."""
    now = {f.role: f for f in files if f.role in INPUT_ROLES}
    then = {f.role: f for f in subject.files}
    reasons = []
    for role in sorted(set(now) | set(then)):
        if role not in then:
            reasons.append(f"{role} {now[role].path} was not among the inputs decided on")
        elif role not in now:
            reasons.append(f"{role} {then[role].path} was decided on but is not an input now")
        elif now[role].sha256 != then[role].sha256:
            reasons.append(
                f"{role} {now[role].path} has changed since the decision (SHA-256 "
                f"{now[role].sha256[:12]}..., decided on {then[role].sha256[:12]}...)"
            )
    return reasons


def stale_profiles(profiles: Sequence[AppliedProfile], subject: DecidedSubject) -> list[str]:
    """Why a decision was made under other tailoring: each profile that differs ([] when the
    profiles are the ones decided under, in order). A decision file that does not record its
    profiles (written before decisions did) is taken as made under none."""
    then = subject.profiles or []
    if [p.sha256 for p in profiles] == [p.sha256 for p in then]:
        return []
    unrecorded = subject.profiles is None
    kept = {p.sha256 for p in then}
    used = {p.sha256 for p in profiles}
    changed = {p.path for p in then if p.sha256 not in used}
    reasons = []
    for p in profiles:
        if p.sha256 in kept:
            continue
        if unrecorded:
            reasons.append(
                f"profile {p.file} ({p.id}) tailors this assessment, but the decision file does "
                "not record the profiles it was made under (it was written before decisions "
                "recorded them), so it is taken as made under none"
            )
        elif p.file in changed:
            was = next(d.sha256 for d in then if d.path == p.file and d.sha256 not in used)
            reasons.append(
                f"profile {p.file} ({p.id}) has changed since the decision (SHA-256 "
                f"{p.sha256[:12]}..., decided under {was[:12]}...)"
            )
        else:
            reasons.append(
                f"profile {p.file} ({p.id}) tailors this assessment, but the decision was not "
                "made under it"
            )
    now = {p.file for p in profiles if p.sha256 not in kept}
    reasons += [
        f"profile {d.path} was decided under, but does not tailor this assessment"
        for d in then
        if d.sha256 not in used and d.path not in now
    ]
    if reasons:
        return reasons
    if len({p.sha256 for p in profiles}) < len(profiles):  # one file, given under two paths
        return ["a profile tailors this assessment twice, once under each of two paths"]
    return ["the profiles tailor this assessment in another order than decided under"]
