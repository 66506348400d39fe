"""The remediation checklist: a Markdown task list, or CSV rows for a tracker."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from sourcing_check.models.results import STATUS_LABELS, Assessment, Finding
from sourcing_check.render.escaping import escape_md, spreadsheet_cell
from sourcing_check.render.views import checklist_items, subject_line


def _todo(f: Finding) -> str:
    if f.status == "unanswered":
        return "Answer: " + "; ".join(f.missing)
    if f.status == "unverified":
        return "Provide evidence: " + "; ".join(f.evidence_missing)
    return f.remediation or f.title


def render_md(assessments: Sequence[Assessment]) -> str:
    """A Markdown task list per assessment, grouped must -> should -> may."""
    out: list[str] = []
    for a in assessments:
        out.append(f"# Remediation checklist: {escape_md(subject_line(a))}\n")
        out.append(
            f"Verdict: **{a.verdict.label}**, score {a.overall.score}/100 "
            f"({a.framework['title']} {a.framework['version']}, {a.assessment_date}).\n"
        )
        items = checklist_items(a)
        if not items:
            out.append("Nothing to do: every applicable requirement is met.\n")
        for level in ("must", "should", "may"):
            group = [f for f in items if f.level == level]
            if not group:
                continue
            out.append(f"## {level.capitalize()}\n")
            for f in group:
                out.append(
                    f"- [ ] **{f.requirement}** {escape_md(f.title)} "
                    f"({STATUS_LABELS[f.status].lower()})"
                )
                out.append(f"  - To do: {escape_md(_todo(f))}")
                if f.status == "fail":
                    out.append(f"  - Found: {escape_md(f.message)}")
                if f.evidence_missing and f.status != "unverified":
                    out.append(
                        f"  - Evidence to provide: {escape_md('; '.join(f.evidence_missing))}"
                    )
                out.append(
                    f"  - Source: {escape_md(f.source_title)}, {escape_md(f.source.section)}"
                )
            out.append("")
    return "\n".join(out).rstrip() + "\n"


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
    "evidence_to_provide",
    "source",
    "owner",
    "due_date",
]
#: Who acts on a finding, by the requirement's scope.
WHO_ACTS = {"vendor": "vendor", "project": "AI team"}
#: Spreadsheet programs read a CSV without this mark in the local code page (Excel: 'Ã‘iÃ±o').
BOM = "\ufeff"


def render_csv(assessments: Sequence[Assessment]) -> str:
    """The checklist as UTF-8 CSV with a byte-order mark, with empty owner and due-date
    columns for a tracker."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in assessments:
        areas = {s.id: s.title for s in a.scores}
        for f in checklist_items(a):
            writer.writerow(
                [
                    spreadsheet_cell(subject_line(a)),
                    WHO_ACTS[f.scope],
                    spreadsheet_cell(areas.get(f.guideline, f.guideline)),
                    f.level,
                    f.requirement,
                    spreadsheet_cell(f.title),
                    f.status,
                    spreadsheet_cell(_todo(f)),
                    spreadsheet_cell(f.message if f.status == "fail" else ""),
                    spreadsheet_cell("; ".join(f.evidence_missing)),
                    spreadsheet_cell(f"{f.source_title}, {f.source.section}"),
                    "",
                    "",
                ]
            )
    return BOM + buffer.getvalue()
