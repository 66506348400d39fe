"""The full assessment as Markdown: verdict, scores, wage working, every finding."""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.models.decision import REVIEWER_DECISION_LABELS
from sourcing_check.models.results import STATUS_LABELS, STATUS_SYMBOLS, Assessment
from sourcing_check.render.escaping import escape_md
from sourcing_check.render.views import (
    approvers,
    condition_state,
    describe_change,
    ordered,
    score_text,
    subject_line,
    waiver_state,
)


def render_markdown(assessments: Sequence[Assessment]) -> str:
    """Every finding of every assessment as Markdown."""
    out: list[str] = []
    for a in assessments:
        out.append(f"# {escape_md(subject_line(a))}\n")
        out.append(
            f"**Verdict: {a.verdict.label}** · overall score {score_text(a)} · "
            f"{a.framework['title']} {a.framework['version']} · {a.assessment_date}\n"
        )
        out += [f"- {escape_md(r)}" for r in a.verdict.reasons]
        for profile in a.profiles:
            out.append(f"\n**Profile {escape_md(profile.id)}**: {escape_md(profile.title)}\n")
            out += [f"- {escape_md(describe_change(c))}" for c in profile.changes]
        out += _decision(a)
        out.append("\n| Guideline | Score | Earned / possible |\n|---|---:|---:|")
        for s in a.scores:
            score = "not applicable" if s.score is None else f"{s.score}"
            out.append(f"| {escape_md(s.title)} | {score} | {s.earned} / {s.possible} |")
        out.append("")
        if a.warnings:
            out.append("## Answers to check (probably not meant as written)\n")
            out += [
                f"- **{w.code}** {escape_md(w.file)}:{escape_md(w.place)}: {escape_md(w.message)} "
                f"`{w.pointer}`; {escape_md(w.hint)}"
                for w in a.warnings
            ]
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
    for fact, label in ((a.facts.project_wage, "Project pay"), (a.facts.vendor_wage, "Vendor pay")):
        if fact is None:
            continue
        out.append(f"## {label} against the living wage\n")
        for loc in fact.locations:
            out.append(f"**{escape_md(loc.place)}**\n")
            out.append("| Step | Working | Result |\n|---|---|---:|")
            for step in loc.steps:
                out.append(
                    f"| {escape_md(step.label)} | {escape_md(step.formula)} | "
                    f"{escape_md(step.value)} |"
                )
            for missing in loc.missing:
                out.append(f"| Not computed | {escape_md(missing)} | |")
            out.append("")
    return out


def _decision(a: Assessment) -> list[str]:
    """The board's decision: both verdicts, waivers, conditions and sign-off."""
    d = a.decision
    if d is None:
        return []
    without = a.without_waivers
    out = [
        f"\n## Board decision ({escape_md(d.file)})\n",
        f"Without waivers: **{without.verdict.label}**, score {without.overall.score}.\n",
    ]
    if d.stale:
        out.append("**Stale: made for other inputs or profiles, so its waivers do not apply.**\n")
        out += [f"- {escape_md(reason)}" for reason in d.stale_reasons]
    for w in d.waivers:
        out.append(
            f"- Waiver **{w.requirement}** ({w.level}, {w.status}): {escape_md(waiver_state(w))};"
            f" approved by {escape_md(approvers(w))}. {escape_md(w.justification)}"
        )
    for c in d.conditions:
        out.append(
            f"- Condition **{escape_md(c.id)}**: {escape_md(c.text)} Owner {escape_md(c.owner)},"
            f" due {c.due} ({escape_md(condition_state(c))})."
        )
    if d.signoff is not None:
        out.append(f"\nSign-off, review by {d.signoff.review_by}:\n")
        out += [
            f"- {escape_md(r.name)} ({escape_md(r.role)}): "
            f"{REVIEWER_DECISION_LABELS[r.decision]}{f', {r.date}' if r.date else ''}"
            for r in d.signoff.reviewers
        ]
    return out
