"""Terminal summary of assessments: verdict, scores, must-level failures first, what is needed."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from sourcing_check.models.decision import REVIEWER_DECISION_LABELS
from sourcing_check.models.results import STATUS_LABELS, STATUS_SYMBOLS, Assessment
from sourcing_check.render.escaping import printable
from sourcing_check.render.views import (
    approvers,
    by_ratio,
    condition_state,
    describe_change,
    needed_answers,
    ordered,
    score_text,
    subject_line,
    waiver_state,
)

_WIDTH = 88


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def render_text(assessments: Sequence[Assessment]) -> str:
    """Render one or more assessments for a terminal."""
    count = len(assessments)
    parts = [item(a, index, count) for index, a in enumerate(assessments)]
    if count > 1:
        parts.append(
            summary([(a.verdict.label, a.overall.score, subject_line(a)) for a in assessments])
        )
    return "".join(parts)


def item(a: Assessment, _index: int, count: int) -> str:
    """One assessment of ``count``, as a batch writes it."""
    return printable(_one(a) + ("\n" if count > 1 else ""))


def summary(rows: Sequence[tuple[str, object, str]]) -> str:
    """The closing table of several assessments: (verdict label, score, subject) each."""
    lines = ["Summary", "-------"]
    lines += [f"  {label:<26} {_score(score):>6}  {subject}" for label, score, subject in rows]
    return printable("\n".join(lines) + "\n")


def _score(value: object) -> str:
    return "n/a" if value is None else f"{value}"


def _one(a: Assessment) -> str:
    lines = [
        f"{subject_line(a)}",
        "=" * min(_WIDTH, len(subject_line(a))),
        f"Verdict: {a.verdict.label.upper()}    Score: {score_text(a)}",
        f"Framework: {a.framework['title']} {a.framework['version']}; "
        f"assessed for {a.assessment_date}",
    ]
    lines += [f"  - {reason}" for reason in a.verdict.reasons]
    lines += _profiles(a)
    lines += _decision(a)
    lines += ["", "Scores by guideline"]
    for s in a.scores:
        counts = ", ".join(f"{n} {STATUS_LABELS[k].lower()}" for k, n in s.counts.items())
        lines.append(f"  {_score(s.score):>6}  {s.title}  ({counts})")
    wage_lines = _wages(a)
    if wage_lines:
        lines += ["", "Effective hourly pay against the living wage", *wage_lines]
    if a.warnings:  # a summary written to a file keeps what was said on standard error
        lines += ["", "Answers to check (probably not meant as written)"]
        for w in a.warnings:
            lines += _wrap(f"! {w.code} {w.file}:{w.place}: {w.message} [{w.pointer}]", "  ")
            lines += _wrap(f"hint: {w.hint}", "      ")
    open_findings = [f for f in ordered(a.findings) if f.status in ("fail", "unverified")]
    if open_findings:
        lines += ["", "Findings to act on (must first)"]
        for f in open_findings:
            lines.append(
                f"  {STATUS_SYMBOLS[f.status]} {STATUS_LABELS[f.status].upper()} "
                f"[{f.level}] {f.requirement} {f.title}"
            )
            lines += _wrap(f.message, "      ")
            if f.remediation:
                lines += _wrap("Fix: " + f.remediation, "      ")
            lines += _wrap(
                f"Source: {f.source_title}, {f.source.section} ({f.source.basis})", "      "
            )
    needed = needed_answers(a.findings)
    if needed:
        lines += ["", "Information still needed (each answer, and the requirements it decides)"]
        for item, waiting in needed:
            lines += _wrap("? " + item, "  ")
            decides = ", ".join(f"{f.requirement} [{f.level}]" for f in waiting)
            lines += _wrap("decides: " + decides, "      ")
    passed = [f for f in a.findings if f.status == "pass"]
    not_applicable = [f for f in a.findings if f.status == "not_applicable"]
    lines += [
        "",
        f"{len(passed)} requirement(s) met; {len(not_applicable)} not applicable. "
        "Use --format json or md for every finding.",
    ]
    return "\n".join(lines) + "\n"


def _wages(a: Assessment) -> list[str]:
    lines = []
    for fact, label in ((a.facts.project_wage, "project"), (a.facts.vendor_wage, "vendor")):
        if fact is None:
            continue
        for loc in fact.locations:
            if loc.ratio is not None and by_ratio(loc):
                mark = ("!" if loc.caveats else "✓") if float(loc.ratio) >= 1 else "✗"
                lines.append(
                    f"  {mark} {label:<7} {loc.place:<22} {loc.effective_hourly_text:>14}/h"
                    f" vs {loc.living_wage_hourly_text:>14}/h  ({loc.ratio_text})"
                    + ("" if float(loc.ratio) >= 1 else f"  needs {loc.required_rate_text}")
                )
            elif loc.shortfall is not None:
                short = loc.shortfall
                at_most = {"computed": "", "observed_earnings": "observed "}.get(
                    short.basis, "at most "
                )
                what = "living wage" if short.against == "living_wage" else "minimum wage"
                lines.append(
                    f"  ✗ {label:<7} {loc.place:<22} {at_most}{short.pay_hourly_text}/h"
                    f" vs {what} {short.benchmark_hourly_text}/h  ({short.ratio_text})"
                    + (f"  not answered: {'; '.join(loc.missing)}" if loc.missing else "")
                )
            elif loc.effective_hourly_text is not None:
                lines.append(
                    f"  ? {label:<7} {loc.place:<22} {loc.effective_hourly_text:>14}/h"
                    " not compared with a living wage: " + "; ".join(loc.missing)
                )
            else:
                lines.append(
                    f"  ? {label:<7} {loc.place:<22} not computed: " + "; ".join(loc.missing)
                )
            if loc.vendor_benchmark is not None:
                theirs = loc.vendor_benchmark
                lines.append(
                    f"    the vendor's living wage {theirs.hourly_text}/h ({theirs.source}), "
                    + ("used: higher than ours" if theirs.used else "higher than ours")
                )
            if loc.observed is not None:
                seen = loc.observed
                figure = seen.p25_text if seen.judged == "p25" else seen.median_text
                what = "living wage" if loc.benchmark is not None else "minimum wage"
                share = f" ({seen.ratio_text} of the {what})" if seen.ratio_text else ""
                lines.append(
                    f"    observed {'25th percentile' if seen.judged == 'p25' else 'median'} "
                    f"{figure}/h{share}: {seen.source}"
                )
    return lines


def _profiles(a: Assessment) -> list[str]:
    """Each profile applied, and what it changed."""
    lines: list[str] = []
    for profile in a.profiles:
        lines += ["", f"Tailored by profile {profile.id}: {profile.title} ({profile.file})"]
        for change in profile.changes:
            lines += _wrap("- " + describe_change(change), "  ")
    return lines


def _decision(a: Assessment) -> list[str]:
    """The board's decision: staleness, both verdicts, waivers, conditions, sign-off."""
    d = a.decision
    if d is None:
        return []
    lines = ["", f"Board decision ({d.file}, on the assessment of {d.decided_on})"]
    if d.stale:
        lines.append("  ! STALE: made for other inputs or profiles, so its waivers do not apply:")
        lines += [line for reason in d.stale_reasons for line in _wrap(reason, "      ")]
    without = a.without_waivers
    lines.append(
        f"  Without waivers: {without.verdict.label}, score {_score(without.overall.score)}"
    )
    if d.waivers:
        lines.append("  Waivers")
    for w in d.waivers:
        mark = "~" if w.state == "active" else "✗"
        lines.append(f"    {mark} {w.requirement} [{w.level}, {w.status}] {waiver_state(w)}")
        lines += _wrap(f"{w.justification} Risk accepted: {w.risk_accepted}", "        ")
        lines += _wrap(f"Approved by {approvers(w)} on {w.granted}.", "        ")
    if d.conditions:
        lines.append("  Conditions")
    for c in d.conditions:
        about = f" ({', '.join(c.requirements)})" if c.requirements else ""
        lines += _wrap(f"{c.id}{about}: {c.text}", "    ")
        lines.append(f"        owner {c.owner}, due {c.due}: {condition_state(c)}")
    if d.signoff is not None:
        review = "review overdue" if d.review_due else "review by"
        lines.append(f"  Sign-off ({review} {d.signoff.review_by})")
        for r in d.signoff.reviewers:
            decision = REVIEWER_DECISION_LABELS[r.decision] + (f", {r.date}" if r.date else "")
            lines.append(f"    {r.name} ({r.role}): {decision}")
    return lines
