"""What 'init decision --from' carries forward from an earlier decision: the waivers and
conditions whose requirements are still open in the new assessment, and the rest named as
resolved. A waiver carried forward is written commented out, with its approvers and dates
blank: it applies only once the board approves it again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sourcing_check.forms.decision_text import OPEN, comment, status_of, yaml_text
from sourcing_check.models.decision import Condition, DecisionFile, Waiver
from sourcing_check.models.results import Finding


@dataclass(frozen=True)
class Carried:
    """An earlier decision sorted against a new assessment."""

    origin: str  # the earlier decision file, as given
    decided_on: str  # the date of the assessment it was made on
    waivers: list[Waiver] = field(default_factory=list)  # still open: to be approved again
    conditions: list[Condition] = field(default_factory=list)  # still open, or free text
    resolved: list[str] = field(default_factory=list)  # one line each, for a comment
    signers: int = 0  # reviewers of the earlier sign-off (not carried)
    ids: frozenset[str] = frozenset()  # every condition id it used: not given to new ones

    @property
    def covered(self) -> set[str]:
        """The requirements a carried waiver or condition already addresses."""
        ids = {w.requirement for w in self.waivers}
        return ids.union(*(c.requirements for c in self.conditions))


def _state(requirement: str, findings: Mapping[str, Finding]) -> str:
    """A requirement's status now, or 'no longer assessed'."""
    found = findings.get(requirement)
    return status_of(found) if found else "no longer assessed"


def carry_forward(old: DecisionFile, origin: str, findings: Mapping[str, Finding]) -> Carried:
    """Sort the waivers and conditions of ``old`` by the requirements' status in ``findings``:
    still open ones are carried, the others listed as resolved. The sign-off is not carried."""
    waivers: list[Waiver] = []
    conditions: list[Condition] = []
    resolved: list[str] = []
    for waiver in old.waivers:
        state = _state(waiver.requirement, findings)
        if state in OPEN:
            waivers.append(waiver)
        else:
            resolved.append(f"waiver of {waiver.requirement}: now {state}")
    for condition in old.conditions:
        states = {r: _state(r, findings) for r in condition.requirements}
        if condition.requirements and not any(s in OPEN for s in states.values()):
            now = ", ".join(f"{r} {s}" for r, s in states.items())
            resolved.append(f"condition {condition.id}: now {now}")
            continue
        assessed = [r for r in condition.requirements if r in findings]
        conditions.append(condition.model_copy(update={"requirements": assessed}))
        gone = [r for r in condition.requirements if r not in findings]
        if gone:
            resolved.append(f"condition {condition.id}: {', '.join(gone)} no longer assessed")
    signers = len(old.signoff.reviewers) if old.signoff else 0
    decided_on = old.subject.assessment_date.isoformat()
    ids = frozenset(c.id for c in old.conditions)
    return Carried(origin, decided_on, waivers, conditions, resolved, signers, ids)


def carried_waivers(carried: Carried, findings: Mapping[str, Finding]) -> list[str]:
    """The waivers carried forward, commented out and with approvers and dates blank, so that
    uncommenting one without a fresh approval is a located error, never a waiver in force."""
    lines = [
        "  #",
        *comment(
            f"Carried forward from {carried.origin} (the decision on the assessment of "
            f"{carried.decided_on}): NOT IN FORCE. Each waiver accepted a risk on the earlier "
            "answers; to waive the requirement again, the board approves it afresh: uncomment "
            "it, fill in the approvers, the date granted and the expiry of the new approval. "
            "Left blank, they are errors (D103).",
            "  ",
        ),
    ]
    for waiver in carried.waivers:
        f = findings[waiver.requirement]
        was = ", ".join(f"{p.name} ({p.role})" for p in waiver.approvers)
        lines += ["  #", *comment(f"{f.requirement} ({f.level}, {status_of(f)}): {f.title}", "  ")]
        lines += comment(f.message, "  ", "found: ")
        lines += comment(
            f"earlier approval, not carried: {was}; granted {waiver.granted}, "
            f"expires {waiver.expires}",
            "  ",
        )
        lines += [
            f"  # - requirement: {waiver.requirement}",
            f"  #   justification: {yaml_text(waiver.justification)}",
            f"  #   risk_accepted: {yaml_text(waiver.risk_accepted)}",
            "  #   approvers:",
            '  #     - {name: "", role: ""}',
            '  #   granted: ""',
            '  #   expires: ""',
        ]
    return lines


def carried_conditions(carried: Carried, findings: Mapping[str, Finding]) -> list[str]:
    """The conditions carried forward, in force: id, requirements, text, owner, due, status."""
    lines = comment(
        f"Carried forward from {carried.origin}, with their owner, due date and status: "
        "conditions whose requirements are still open, and those in free text.",
        "  ",
    )
    for condition in carried.conditions:
        still = ", ".join(f"{r} {status_of(findings[r])}" for r in condition.requirements)
        lines += comment(f"{condition.id}: {still or 'free text'}", "  ")
        requirements = ", ".join(condition.requirements)
        lines += [
            f"  - id: {condition.id}",
            *([f"    requirements: [{requirements}]"] if requirements else []),
            *([f"    text: {yaml_text(condition.text)}"] if condition.text else []),
            f"    owner: {yaml_text(condition.owner)}",
            f'    due: "{condition.due}"',
            f"    status: {condition.status}",
        ]
    return lines


def resolved_lines(carried: Carried) -> list[str]:
    """A comment naming what the earlier decision addressed that is now met (not carried)."""
    if not carried.resolved:
        return []
    lines = comment(
        f"Resolved since {carried.origin} (not carried: the requirements are now met, do not "
        "apply, or are no longer assessed):",
        "",
    )
    return lines + [f"#   {line}" for line in carried.resolved]
