"""The remediation checklist: a Markdown task list, or CSV rows for a tracker; with a board's
decision, each item carries its condition's owner and due date, and the conditions and
waivers are listed."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from sourcing_check.models.decision import ConditionRecord
from sourcing_check.models.document import in_input
from sourcing_check.models.input_warning import InputWarning
from sourcing_check.models.results import STATUS_LABELS, Assessment, Finding
from sourcing_check.render.escaping import escape_md, spreadsheet_cell
from sourcing_check.render.views import (
    answer_places,
    approvers,
    checklist_items,
    condition_state,
    conditions_by_requirement,
    decisive,
    names_an_answer,
    score_text,
    subject_line,
    waiver_state,
)
from sourcing_check.rules.places import EVIDENCE_FIX

#: What a checklist says of a figure the reference tables lack: no answer supplies it.
_TABLES = (
    "No answer supplies this; whoever runs the check adds it to the reference tables "
    "('sourcing-check reference list' shows them): "
)


def _who_acts(f: Finding) -> str:
    """Who acts on an item: the vendor, the AI team, or (for a figure only the reference
    tables can give) whoever runs the check."""
    if f.status == "unanswered" and not any(names_an_answer(item) for item in f.missing):
        return "whoever runs the check"
    return WHO_ACTS[f.scope]


def _todo(f: Finding) -> str:
    if f.status == "unanswered":
        answers = [item for item in f.missing if names_an_answer(item)]
        tables = [item for item in f.missing if not names_an_answer(item)]
        return ". ".join(
            lead + "; ".join(items)
            for lead, items in (("Answer: ", answers), (_TABLES, tables))
            if items
        )
    if f.status == "unverified":
        # the documents when only they are missing; else the finding's own fix (figures out
        # of date, and the documents too where they are missing)
        if _evidence_only(f):
            return "Provide evidence: " + "; ".join(f.evidence_missing)
        return f.remediation or f.title
    return f.remediation or f.title


def _evidence_only(f: Finding) -> bool:
    """True when all an unverified finding lacks is its evidence."""
    fix = f.remediation or ""
    return bool(f.evidence_missing) and (not fix or fix.startswith(EVIDENCE_FIX))


def _found(f: Finding) -> str:
    """What the check found, for a failure or a pass that rests on figures out of date (which
    ones, and how old): '' when there is nothing more to say than what to do."""
    if f.status == "fail" or (f.status == "unverified" and not _evidence_only(f)):
        return f.message
    return ""


def render_md(assessments: Sequence[Assessment]) -> str:
    """A Markdown task list per assessment, grouped must -> should -> may."""
    out: list[str] = []
    for a in assessments:
        out.append(f"# Remediation checklist: {escape_md(subject_line(a))}\n")
        out.append(
            f"Verdict: **{a.verdict.label}**, score {score_text(a)} "
            f"({a.framework['title']} {a.framework['version']}, {a.assessment_date}).\n"
        )
        items = checklist_items(a)
        if not items and not a.warnings:
            out.append("Nothing to do: every applicable requirement is met.\n")
        out += _md_warnings(a)
        conditions = conditions_by_requirement(a)
        for level in ("must", "should", "may"):
            group = [f for f in items if f.level == level]
            if not group:
                continue
            out.append(f"## {level.capitalize()}\n")
            for f in group:
                out += _md_item(f, conditions.get(f.requirement, []), _pay_needed(a, f))
            out.append("")
        out += _md_decision(a)
    return "\n".join(out).rstrip() + "\n"


#: The title of a checklist item made from a plausibility warning.
_CHECK = "An answer probably not meant as written"


def _warned_by(a: Assessment, w: InputWarning) -> str:
    """Who acts on a warning: whoever wrote the file it is in."""
    roles = {f.path: f.role for f in a.files}
    return "AI team" if roles.get(w.file) == "project-plan" else "vendor"


def _md_warnings(a: Assessment) -> list[str]:
    """The plausibility warnings as tasks: each answer to check, where, and what to check (a
    supplier working from the checklist alone would not see them otherwise)."""
    if not a.warnings:
        return []
    out = ["## Answers to check\n"]
    for w in a.warnings:
        out += [
            f"- [ ] **{w.code}** {_CHECK}, at {escape_md(w.file)}:{escape_md(w.place)} "
            f"({escape_md(w.pointer)}; {_warned_by(a, w)} acts)",
            f"  - Read as: {escape_md(w.message)}",
            f"  - To do: {escape_md(w.hint)}",
        ]
    return [*out, ""]


def _pay_needed(a: Assessment, f: Finding) -> str:
    """For a failed living-wage finding, the pay each location below the living wage needs
    ('KE: USD 0.2533 per task; IN: ...'): the checklist has no wage table to look them up in."""
    if f.status != "fail":
        return ""
    facts = {"project_wage": a.facts.project_wage, "vendor_wage": a.facts.vendor_wage}
    needed: list[str] = []
    read: set[str] = set()
    for fact in (facts.get(name) for name in f.facts):
        for line in fact.locations if fact is not None else []:
            short = line.shortfall if decisive(line.shortfall) else None
            if short is not None and short.required_rate_text:
                needed.append(f"{line.place}: {short.required_rate_text}")
            elif line.ratio is not None and line.ratio < 1 and line.required_rate_text:
                needed.append(f"{line.place}: {line.required_rate_text}")
            read.update(in_input(pointer)[1] for pointer in line.answers_read or {})
    # a figure worked out from an answer probably misread (0.15 for 15%) changes with it
    doubted = sorted({w.code for w in a.warnings if w.pointer in read})
    rests = f" (resting on an answer to check, listed first: {', '.join(doubted)})"
    return "; ".join(needed) + (rests if needed and doubted else "")


def _md_item(f: Finding, conditions: list[ConditionRecord], pay_needed: str = "") -> list[str]:
    """One finding as a task, with the board's conditions on it."""
    lines = [
        f"- [ ] **{f.requirement}** {escape_md(f.title)} "
        f"({STATUS_LABELS[f.status].lower()}; {_who_acts(f)} acts)",
        f"  - To do: {escape_md(_todo(f))}",
    ]
    for c in conditions:
        lines.append(
            f"  - Condition {escape_md(c.id)}: owner {escape_md(c.owner)}, due {c.due} "
            f"({escape_md(condition_state(c))})"
        )
    if found := _found(f):
        lines.append(f"  - Found: {escape_md(found)}")
    if pay_needed:
        lines.append(f"  - Pay needed where it falls short: {escape_md(pay_needed)}")
    places = answer_places(f) if f.status in ("fail", "unverified") else ""
    if places:
        lines.append(f"  - Answered at: {escape_md(places)}")
    if f.evidence_missing and f.status != "unverified":
        lines.append(f"  - Evidence to provide: {escape_md('; '.join(f.evidence_missing))}")
    lines.append(f"  - Source: {escape_md(f.source_title)}, {escape_md(f.source.section)}")
    return lines


def _with_pay(todo: str, pay_needed: str) -> str:
    """What to do, and (for a pay finding) the pay each location short of it needs."""
    return f"{todo} Pay needed where it falls short: {pay_needed}." if pay_needed else todo


def _md_decision(a: Assessment) -> list[str]:
    """The board's conditions as tasks (ticked when done and met), the waivers in force, and
    those no longer in force (expired, or of a stale decision) apart from them."""
    if a.decision is None:
        return []
    out: list[str] = []
    if a.decision.stale:
        out.append(
            "**The board's decision was made for other inputs or profiles: its waivers do not "
            "apply.**\n"
        )
    if a.decision.conditions:
        out.append("## Conditions of the board's decision\n")
    for c in a.decision.conditions:
        tick = "x" if c.status == "done" and not c.still_open else " "
        about = f" ({', '.join(c.requirements)})" if c.requirements else ""
        out.append(f"- [{tick}] **{escape_md(c.id)}**{about} {escape_md(c.text)}")
        out.append(f"  - Owner: {escape_md(c.owner)}; due {c.due}; {escape_md(condition_state(c))}")
    if a.decision.conditions:
        out.append("")
    active = [w for w in a.decision.waivers if w.state == "active"]
    if active:
        out.append("## Waived by the board\n")
    for w in active:
        out.append(f"- **{w.requirement}** {escape_md(w.title)} ({w.level}, {w.status})")
        out.append(f"  - {escape_md(waiver_state(w))}; approved by {escape_md(approvers(w))}")
        out.append(f"  - Justification: {escape_md(w.justification)}")
    lapsed = [w for w in a.decision.waivers if w.state != "active"]
    if lapsed:
        out.append(("\n" if active else "") + "## Waivers no longer in force\n")
    for w in lapsed:
        out.append(f"- **{w.requirement}** {escape_md(w.title)} ({w.level}, {w.status})")
        out.append(f"  - {escape_md(waiver_state(w))}; approved by {escape_md(approvers(w))}")
    return out


CSV_COLUMNS = [
    "subject",
    "who_acts",
    "guideline",
    "level",
    "requirement",
    "title",
    "status",
    "to_do",
    "found",
    "answered_at",
    "evidence_to_provide",
    "source",
    "condition",
    "owner",
    "due_date",
]
#: Who acts on a finding, by the requirement's scope.
WHO_ACTS = {"vendor": "vendor", "project": "AI team"}
#: The guideline column of rows that come from the board's decision.
BOARD = "Board decision"
#: The guideline area of findings made from the decision (overdue conditions).
DECISION_AREA = "decision"
#: Spreadsheet programs read a CSV without this mark in the local code page (Excel: 'Ã‘iÃ±o').
BOM = "\ufeff"


def render_csv(assessments: Sequence[Assessment]) -> str:
    """The checklist as UTF-8 CSV with a byte-order mark; owner and due date come from the
    board's conditions (empty for a tracker to fill in when there are none)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in assessments:
        writer.writerows(_csv_rows(a))
    return BOM + buffer.getvalue()


def _csv_rows(a: Assessment) -> list[list[str]]:
    """The rows of one assessment: the answers to check first (as in the Markdown checklist:
    figures below may rest on them), findings to act on, free-text conditions, waivers."""
    subject = spreadsheet_cell(subject_line(a))
    areas = {s.id: s.title for s in a.scores} | {DECISION_AREA: BOARD}
    conditions = conditions_by_requirement(a)
    rows = []
    for warning in a.warnings:
        where = spreadsheet_cell(f"{warning.file}:{warning.place}")
        row = [subject, _warned_by(a, warning), "Answers to check", "check", warning.code, _CHECK]
        todo, found = spreadsheet_cell(warning.hint), spreadsheet_cell(warning.message)
        rows.append([*row, "warning", todo, found, where, "", "", "", "", ""])
    for f in checklist_items(a):
        on = conditions.get(f.requirement, [])
        rows.append(
            [
                subject,
                _who_acts(f),
                spreadsheet_cell(areas.get(f.guideline, f.guideline)),
                f.level,
                f.requirement,
                spreadsheet_cell(f.title),
                f.status,
                spreadsheet_cell(_with_pay(_todo(f), _pay_needed(a, f))),
                spreadsheet_cell(_found(f)),
                spreadsheet_cell(answer_places(f) if f.status in ("fail", "unverified") else ""),
                spreadsheet_cell("; ".join(f.evidence_missing)),
                spreadsheet_cell(f"{f.source_title}, {f.source.section}"),
                " ".join(c.id for c in on),
                spreadsheet_cell("; ".join(c.owner for c in on)),
                min((c.due for c in on), default=""),
            ]
        )
    decision = a.decision
    for c in decision.conditions if decision else []:
        if not c.requirements:
            text = spreadsheet_cell(c.text)
            row = [subject, "", BOARD, "", "", text, c.status, text, "", "", "", ""]
            rows.append([*row, c.id, spreadsheet_cell(c.owner), c.due])
    for w in decision.waivers if decision else []:
        if w.state == "active":
            todo = f"Waived until {w.expires}: review before then"
            title = spreadsheet_cell(w.title)
            row = [subject, "", BOARD, w.level, w.requirement, title, "waived", todo]
            rows.append([*row, "", "", "", "", "", spreadsheet_cell(approvers(w)), w.expires])
    return rows
