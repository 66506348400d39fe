"""The full assessment as Markdown: verdict, scores, wage working, every finding."""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.models.results import STATUS_LABELS, STATUS_SYMBOLS, Assessment
from sourcing_check.render.escaping import escape_md
from sourcing_check.render.views import describe_change, ordered, subject_line


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
        for profile in a.profiles:
            out.append(f"\n**Profile {escape_md(profile.id)}**: {escape_md(profile.title)}\n")
            out += [f"- {escape_md(describe_change(c))}" for c in profile.changes]
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
