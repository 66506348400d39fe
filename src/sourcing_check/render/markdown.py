"""Markdown renderings: the full assessment, and the remediation checklist (also as CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from sourcing_check.models.results import STATUS_LABELS, STATUS_SYMBOLS, Assessment, Finding
from sourcing_check.render.text import ordered, subject_line

_ACTIONABLE = ("fail", "unanswered", "unverified")


def escape_md(text: str) -> str:
    """Escape Markdown-significant characters in user-controlled text."""
    out = text.replace("\\", "\\\\")
    for char in "`*[]<>|#":
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())


def checklist_items(a: Assessment) -> list[Finding]:
    """Findings that need action, must before should before may."""
    return [f for f in ordered(a.findings) if f.status in _ACTIONABLE]


def _todo(f: Finding) -> str:
    if f.status == "unanswered":
        return "Answer: " + "; ".join(f.missing)
    if f.status == "unverified":
        return "Provide evidence: " + "; ".join(f.evidence_missing)
    return f.remediation or f.title


def render_checklist_md(assessments: Sequence[Assessment]) -> str:
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


def render_checklist_csv(assessments: Sequence[Assessment]) -> str:
    """The checklist as CSV rows, with empty owner and due-date columns for a tracker."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in assessments:
        for f in checklist_items(a):
            writer.writerow(
                [
                    _cell(subject_line(a)),
                    f.level,
                    f.requirement,
                    _cell(f.title),
                    f.status,
                    _cell(_todo(f)),
                    _cell(f.message if f.status == "fail" else ""),
                    _cell("; ".join(f.evidence_missing)),
                    _cell(f"{f.source_title}, {f.source.section}"),
                    "",
                    "",
                ]
            )
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Neutralise spreadsheet formulas in user-controlled text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_markdown(assessments: Sequence[Assessment]) -> str:
    """Every finding of every assessment as Markdown."""
    out: list[str] = []
    for a in assessments:
        out.append(f"# {escape_md(subject_line(a))}\n")
        out.append(
            f"**Verdict: {a.verdict.label}** · overall score {a.overall.score}/100 · "
            f"{a.framework['title']} {a.framework['version']} · {a.assessment_date}\n"
        )
        out += [f"- {escape_md(r)}" for r in a.verdict.reasons]
        out.append("\n| Guideline | Score | Earned / possible |\n|---|---:|---:|")
        for s in a.scores:
            out.append(f"| {escape_md(s.title)} | {s.score} | {s.earned} / {s.possible} |")
        out.append("")
        out += _wage_tables(a)
        for f in ordered(a.findings):
            out.append(f"### {STATUS_SYMBOLS[f.status]} {f.requirement} {escape_md(f.title)}\n")
            out.append(f"{STATUS_LABELS[f.status]} · {f.level} · weight {f.weight}\n")
            out.append(escape_md(f.message) + "\n")
            if f.remediation:
                out.append(f"**Fix:** {escape_md(f.remediation)}\n")
            out.append(
                f"Source: {escape_md(f.source_title)}, {escape_md(f.source.section)} "
                f"({f.source.basis})\n"
            )
    return "\n".join(out)


def _wage_tables(a: Assessment) -> list[str]:
    """The wage working per location as Markdown tables."""
    out: list[str] = []
    for name, label in (("project_wage", "Project pay"), ("vendor_wage", "Vendor pay")):
        fact = a.facts.get(name)
        if not fact:
            continue
        out.append(f"## {label} against the living wage\n")
        for loc in fact["locations"]:
            out.append(f"**{escape_md(loc['place'])}**\n")
            out.append("| Step | Working | Result |\n|---|---|---:|")
            for step in loc["steps"]:
                out.append(
                    f"| {escape_md(step['label'])} | {escape_md(step['formula'])} | "
                    f"{escape_md(step['value'])} |"
                )
            for missing in loc["missing"]:
                out.append(f"| Not computed | {escape_md(missing)} | |")
            out.append("")
    return out
