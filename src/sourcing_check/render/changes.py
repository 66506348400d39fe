"""What changed between two assessments ('diff'), as text, Markdown or JSON."""

from __future__ import annotations

import json
from typing import Any

from sourcing_check.models.changes import Changes, StatusChange
from sourcing_check.models.results import STATUS_LABELS
from sourcing_check.render.escaping import escape_md


def _status(value: str | None) -> str:
    return STATUS_LABELS[value].lower() if value else "not assessed"


def _value(value: Any) -> str:
    if value is None:
        return "(not answered)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _score(value: object) -> str:
    return "n/a" if value is None else str(value)


def sections(c: Changes, arrow: str = "->") -> list[tuple[str, list[str]]]:
    """Each category of change with its lines, in reading order (empty ones included)."""

    def moved(items: list[StatusChange]) -> list[str]:
        return [
            f"{i.requirement} [{i.level}] {i.title}: {_status(i.old)} {arrow} {_status(i.new)}"
            + (" (worse)" if i.regressed and i.movement == "changed" else "")
            for i in items
        ]

    return [
        ("Newly failing", moved(c.newly_failing)),
        ("Newly passing", moved(c.newly_passing)),
        ("Other status changes", moved(c.changed)),
        (
            "Scores",
            [
                f"{s.title}: {_score(s.old)} {arrow} {_score(s.new)}"
                + (f" ({'+' if s.delta > 0 else ''}{s.delta})" if s.delta is not None else "")
                for s in c.scores
            ],
        ),
        (
            "Effective wage against the living wage",
            [
                f"{w.payer} {w.place}: {w.old_text or 'not computed'} {arrow} "
                f"{w.new_text or 'not computed'}"
                for w in c.wages
            ],
        ),
        (
            "Waivers that lapsed",
            [
                f"{w.requirement} {w.title}: {w.now} (expires {w.expires}); now {_status(w.status)}"
                for w in c.lapsed_waivers
            ],
        ),
        (
            "Answers that changed",
            [
                f"{a.pointer}: {_value(a.old)} {arrow} {_value(a.new)}"
                + (f" ({a.new_at or a.old_at})" if a.new_at or a.old_at else "")
                for a in c.answers
            ],
        ),
    ]


def _heading(c: Changes) -> list[str]:
    return [
        f"{c.new.subject}: changes since {c.old.assessment_date}"
        if c.old.assessment_date != c.new.assessment_date
        else f"{c.new.subject}: changes from {c.old.source} to {c.new.source}",
        f"Before: {c.old.verdict_label}, score {_score(c.old.score)} ({c.old.source}, "
        f"{c.old.assessment_date})",
        f"Now:    {c.new.verdict_label}, score {_score(c.new.score)} ({c.new.source}, "
        f"{c.new.assessment_date})",
    ]


def render_text(c: Changes) -> str:
    """The changes for a terminal: what regressed first, then each category."""
    lines = _heading(c)
    lines.append("")
    if c.regressions:
        lines.append(f"REGRESSED ({len(c.regressions)}):")
        lines += [f"  ! {r}" for r in c.regressions]
    else:
        lines.append("Nothing regressed.")
    for title, items in sections(c):
        if items:
            lines += ["", f"{title} ({len(items)})", *(f"  {item}" for item in items)]
    return "\n".join(lines) + "\n"


def render_md(c: Changes) -> str:
    """The changes as Markdown: a heading, the regressions, a list per category."""
    head = _heading(c)
    out = [f"# {escape_md(head[0])}\n", f"- {escape_md(head[1])}", f"- {escape_md(head[2])}", ""]
    if c.regressions:
        out.append(f"## Regressed ({len(c.regressions)})\n")
        out += [f"- {escape_md(r.replace(' -> ', ' → '))}" for r in c.regressions]
    else:
        out.append("**Nothing regressed.**")
    for title, items in sections(c, "→"):
        if items:
            out += ["", f"## {title} ({len(items)})\n", *(f"- {escape_md(i)}" for i in items)]
    return "\n".join(out) + "\n"


def render_json(c: Changes) -> str:
    """The changes as JSON, with 'regressed' (true when anything got worse)."""
    body = {"regressed": c.regressed, **c.model_dump(mode="json")}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
