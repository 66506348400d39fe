"""What every assessment renderer shows alike: subject names, reading order, open items."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence

from sourcing_check.models.decision import AppliedWaiver, ConditionRecord
from sourcing_check.models.facts import Shortfall, WageLine
from sourcing_check.models.guideline import written
from sourcing_check.models.profile import ProfileChange
from sourcing_check.models.results import Answer, Assessment, Finding, subject_name

_LEVEL_ORDER = {"must": 0, "should": 1, "may": 2}
_STATUS_ORDER = {
    "fail": 0,
    "unanswered": 1,
    "unverified": 2,
    "waived": 3,
    "pass": 4,
    "not_applicable": 5,
}
_POINTER = re.compile(r"(/(?:vendor|project)/[A-Za-z0-9_/~.-]*[A-Za-z0-9_])")
_ACTIONABLE = ("fail", "unanswered", "unverified")


def subject_line(assessment: Assessment) -> str:
    """Name what was assessed, e.g. 'Project X (vendor: Y)'."""
    return subject_name(assessment)


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    """Findings in reading order: by level, then status (failures first), then id."""
    return sorted(findings, key=lambda f: (_LEVEL_ORDER[f.level], _STATUS_ORDER[f.status]))


def names_an_answer(item: str) -> bool:
    """Whether an item a finding lacks is an answer (it names its pointer), not a figure the
    reference tables lack (a living wage or a currency rate for a place)."""
    return _POINTER.search(item) is not None


def needed_answers(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """What is still to be answered, each item once, with the requirements it would decide.

    Ordered by the most demanding level waiting on it (must first), then as found.
    """
    waiting: dict[str, list[Finding]] = {}
    label: dict[str, str] = {}
    for finding in ordered(findings):
        if finding.status != "unanswered":
            continue
        for item in finding.missing:
            found = _POINTER.search(item)
            key = found.group(1) if found else item
            if key not in label or (item.startswith(key) and not label[key].startswith(key)):
                label[key] = item  # prefer the plain "pointer (description)" wording
            if finding not in waiting.setdefault(key, []):
                waiting[key].append(finding)
    entries = [(label[key], waiting[key]) for key in waiting]
    return sorted(entries, key=lambda entry: min(_LEVEL_ORDER[f.level] for f in entry[1]))


def checklist_items(a: Assessment) -> list[Finding]:
    """Findings that need action, must before should before may."""
    return [f for f in ordered(a.findings) if f.status in _ACTIONABLE]


def evidence_to_provide(f: Finding) -> list[str]:
    """The evidence a finding lacks that its remediation does not already name (an unverified
    pass's remediation is the evidence to provide), so that a report says each item once."""
    return [item for item in f.evidence_missing if item not in (f.remediation or "")]


def answer_places(f: Finding, names: Mapping[str, str] | None = None) -> str:
    """Where a finding's answers are written, each file once with its lines in order:
    'vendor.yaml:81, 83; plan.yaml:12' (a workbook's cells as 'Answers!C14'), each file by
    its name in ``names`` (its path when not there). Answers the tool derived (under /facts)
    have no place and are left out. Where the message quotes the answers that failed it
    ('as answered: pilot/status = ...'), only theirs."""
    spots: dict[str, list[int | str]] = {}
    for answer in _quoted(f):
        spot = answer["place"] or answer["line"]
        if answer["file"] and spot is not None and spot not in spots.get(answer["file"], []):
            spots.setdefault(answer["file"], []).append(spot)
    return "; ".join(
        f"{(names or {}).get(file, file)}:"
        f"{', '.join(str(spot) for spot in sorted(found, key=_spot_order))}"
        for file, found in spots.items()
    )


def _quoted(f: Finding) -> Sequence[Answer]:
    """The answers a failure's message quotes after 'as answered:', else all of them."""
    said = f.message.partition("s answered: ")[2]
    if not said:
        return f.answers
    quoted = [
        a
        for a in f.answers
        if f"{a['pointer']} = " in said or f"/{a['pointer'].split('/', 2)[-1]} = " in said
    ]
    return quoted or f.answers


def file_names(a: Assessment) -> dict[str, str]:
    """Each input file by its name alone where no other input of the assessment has that name
    (the appendix gives the paths), else by its path."""
    inputs = [f.path for f in a.files if f.role in ("project-plan", "vendor-questionnaire")]
    names = [posixpath.basename(path) for path in inputs]
    return {
        path: name if names.count(name) == 1 else path
        for path, name in zip(inputs, names, strict=True)
    }


def sources_of(findings: Sequence[Finding]) -> list[tuple[str, str, str | None]]:
    """The source documents the findings cite, each once as (key, title, URL), in the order
    first cited."""
    cited = {f.source.document: (f.source.document, f.source_title, f.source_url) for f in findings}
    return list(cited.values())


def _spot_order(spot: int | str) -> tuple[int, str]:
    """Lines in number order; workbook cells after them, by name."""
    return (spot, "") if isinstance(spot, int) else (1 << 30, spot)


def describe_change(change: ProfileChange) -> str:
    """A profile's change in words, e.g. 'PAI-6.4 level: should -> must (why)'."""
    reason = f" ({change.reason.strip()})" if change.reason else ""
    if change.operation == "deselect":
        return f"{change.target} left out{reason}"
    if change.operation == "add":
        return f"{change.target} added ({change.new})"
    if change.operation == "parameter":
        return f"parameter {change.target}: {written(change.old)} -> {written(change.new)}"
    if change.operation == "verdict":
        return f"verdict {change.target}: {change.old} -> {change.new}"
    return f"{change.target} {change.operation}: {change.old} -> {change.new}{reason}"


def waiver_state(waiver: AppliedWaiver) -> str:
    """A waiver's state in words, e.g. 'active until 2027-05-31'."""
    if waiver.state == "active":
        return f"active until {waiver.expires}"
    if waiver.state == "expired":
        return f"expired on {waiver.expires}: not applied"
    return "not applied: the decision was made for other inputs or profiles"


def approvers(waiver: AppliedWaiver) -> str:
    """Who approved a waiver, e.g. 'A. Name (Chair); B. Name (Ethics officer)'."""
    return "; ".join(f"{p.name} ({p.role})" for p in waiver.approvers)


def condition_state(condition: ConditionRecord) -> str:
    """A condition's state in words, e.g. 'open, overdue since 2027-01-08'."""
    status = condition.status.replace("_", " ")
    if condition.overdue:
        return f"{status}, overdue since {condition.due}"
    if condition.status == "done" and condition.still_open:
        return f"done, but {', '.join(condition.still_open)} still not met"
    return status


def conditions_by_requirement(a: Assessment) -> dict[str, list[ConditionRecord]]:
    """The decision's conditions, by each requirement they address."""
    found: dict[str, list[ConditionRecord]] = {}
    for condition in a.decision.conditions if a.decision else []:
        for requirement in condition.requirements:
            found.setdefault(requirement, []).append(condition)
    return found


def score_text(a: Assessment) -> str:
    """The overall score out of 100, and the score without waivers when they differ:
    '97.7/100 (96.4 without waivers)'."""
    score = "n/a" if a.overall.score is None else f"{a.overall.score}/100"
    other = a.without_waivers.overall.score
    if a.decision is not None and other != a.overall.score:
        score += f" ({'n/a' if other is None else other} without waivers)"
    return score


def by_ratio(loc: WageLine) -> bool:
    """True when a wage line's own ratio decides it: no shortfall, or the computed one against
    the living wage (a shortfall against the minimum wage, or on observed earnings, decides
    instead, and the line shows that figure)."""
    return not decisive(loc.shortfall)


def decisive(short: Shortfall | None) -> bool:
    """True for a shortfall that says more than a line's ratio: against the minimum wage, on
    observed earnings, or a bound before unanswered deductions."""
    return short is not None and not (short.against == "living_wage" and short.basis == "computed")
