"""The comparison matrix as text (fits 100 columns), Markdown and CSV."""

from __future__ import annotations

import csv
import io
import textwrap
from decimal import Decimal

from sourcing_check.models.comparison import ComparedRow, Comparison
from sourcing_check.models.results import STATUS_LABELS, STATUS_SYMBOLS
from sourcing_check.render.escaping import escape_md, printable, spreadsheet_cell

WIDTH = 100
_SHORT = {
    "pass": "pass",
    "fail": "FAIL",
    "unanswered": "open",
    "unverified": "unver",
    "not_applicable": "n/a",
    "waived": "waived",
}
_OUT_OF_SCOPE = "·"
#: The symbols and words of the cells ('·' is one of them, so the entries are parted by ';').
LEGEND = (
    "✓ pass: pass; ✗ FAIL: fail; ? open: unanswered; ! unver: met, not confirmed; "
    "– n/a: not applicable; ·: not in scope"
)


def cell(status: str | None, *, compact: bool = False) -> str:
    """A status as symbol and word (or the symbol alone when compact); never colour alone."""
    if status is None:
        return _OUT_OF_SCOPE
    return STATUS_SYMBOLS[status] if compact else f"{STATUS_SYMBOLS[status]} {_SHORT[status]}"


def symbol_and_word(status: str | None) -> tuple[str, str]:
    """A status's symbol and short word, apart (the word is empty when not in scope)."""
    if status is None:
        return _OUT_OF_SCOPE, ""
    return STATUS_SYMBOLS[status], _SHORT[status]


def _score(value: Decimal | None) -> str:
    return "n/a" if value is None else f"{value}"


def shown_rows(comparison: Comparison, only_differences: bool) -> list[ComparedRow]:
    """The rows to show: every row, or only those where the subjects differ."""
    return [r for r in comparison.rows if r.differs or not only_differences]


def render_text(comparison: Comparison, only_differences: bool = False) -> str:
    """The matrix for a terminal: subjects keyed A, B, ...; at most 100 columns wide."""
    c = comparison
    lines = textwrap.wrap(
        f"Comparison of {len(c.subjects)} subjects: {c.framework['title']} "
        f"{c.framework['version']}, assessed for {c.assessment_date}",
        WIDTH,
    )
    lines += ["", "Ranking (verdict, then score, then lowest wage ratio)"]
    for s in sorted(c.subjects, key=lambda s: s.rank):
        lines.append(_clip(f"  {s.rank:>2}. [{s.key}] {s.name}"))
        lines += textwrap.wrap(
            "; ".join(s.reasons), WIDTH, initial_indent=" " * 8, subsequent_indent=" " * 8
        )
    keys = [s.key for s in c.subjects]
    compact = len(keys) > 8
    width = 1 if compact else 7
    lines += ["", "Scores by guideline area"]
    for gid, title in c.guidelines.items():
        values = " ".join(f"{_score(s.scores.get(gid)):>{max(width, 5)}}" for s in c.subjects)
        lines.append(_row(title, values))
    header = " ".join(f"{k:>{max(width, 5)}}" for k in keys)
    lines.append(_row("", header))
    rows = shown_rows(c, only_differences)
    title = "Requirements" + (" where the subjects differ" if only_differences else "")
    lines += ["", f"{title} ({len(rows)} of {len(c.rows)}), must first in each area"]
    lines += textwrap.wrap(LEGEND, WIDTH)
    cells_header = " ".join(f"{k:<{width}}" for k in keys)
    for gid, gtitle in c.guidelines.items():
        group = [r for r in rows if r.guideline == gid]
        if not group:
            continue
        lines += ["", _clip(f"{gtitle}"), _line(" " * 18, "", cells_header)]
        for r in group:
            cells = " ".join(f"{cell(st, compact=compact):<{width}}" for st in r.statuses)
            lines.append(_line(f"  {r.requirement:<9}{r.level:<7}", r.title, cells))
    return printable("\n".join(lines) + "\n")


def _clip(text: str) -> str:
    return text if len(text) <= WIDTH else text[: WIDTH - 3] + "..."


def _row(label: str, values: str) -> str:
    room = max(WIDTH - len(values) - 3, 12)
    return _clip(f"  {_fit(label, room):<{room}} {values}")


def _line(prefix: str, title: str, cells: str) -> str:
    room = max(WIDTH - len(prefix) - len(cells) - 1, 10)
    return f"{prefix}{_fit(title, room):<{room}} {cells}".rstrip()


def _fit(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"


def render_md(comparison: Comparison, only_differences: bool = False) -> str:
    """The matrix as Markdown tables: ranking, scores, then one row per requirement."""
    c = comparison
    out = [
        f"# Comparison: {escape_md(c.framework['title'])} {c.framework['version']}",
        "",
        f"Assessed for {c.assessment_date}. {escape_md(LEGEND)}",
        "",
        "| Rank | Key | Subject | Verdict | Score | Lowest wage ratio | Why |",
        "|---:|---|---|---|---:|---:|---|",
    ]
    for s in sorted(c.subjects, key=lambda s: s.rank):
        out.append(
            f"| {s.rank} | {s.key} | {escape_md(s.name)} | {s.verdict_label} | {_score(s.score)} "
            f"| {escape_md(s.lowest_pay)} | {escape_md('; '.join(s.reasons))} |"
        )
    keys = [s.key for s in c.subjects]
    out += ["", "| Guideline area | " + " | ".join(keys) + " |"]
    out.append("|---|" + "---:|" * len(keys))
    for gid, title in c.guidelines.items():
        scores = " | ".join(_score(s.scores.get(gid)) for s in c.subjects)
        out.append(f"| {escape_md(title)} | {scores} |")
    out += ["", "| Requirement | Level | Title | " + " | ".join(keys) + " |"]
    out.append("|---|---|---|" + "---|" * len(keys))
    for r in shown_rows(c, only_differences):
        cells = " | ".join(cell(st) for st in r.statuses)
        out.append(f"| {r.requirement} | {r.level} | {escape_md(r.title)} | {cells} |")
    return "\n".join(out) + "\n"


def render_csv(comparison: Comparison, only_differences: bool = False) -> str:
    """One column per subject (by name): scores per area and overall, verdict, rank and
    lowest pay, then one row per requirement, statuses as words."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = [spreadsheet_cell(s.name) for s in comparison.subjects]
    writer.writerow(["guideline", "requirement", "level", "title", *names])
    for gid, title in comparison.guidelines.items():
        writer.writerow(
            ["score", "", "", spreadsheet_cell(title)]
            + [_score(s.scores.get(gid)) for s in comparison.subjects]
        )
    subjects = comparison.subjects
    writer.writerow(["score", "", "", "Overall"] + [_score(s.score) for s in subjects])
    writer.writerow(["verdict", "", "", ""] + [s.verdict_label for s in subjects])
    writer.writerow(["rank", "", "", ""] + [str(s.rank) for s in subjects])
    pay = [spreadsheet_cell(s.lowest_pay) for s in subjects]
    writer.writerow(["lowest pay", "", "", "share of the living wage", *pay])
    for r in shown_rows(comparison, only_differences):
        statuses = [STATUS_LABELS[st] if st else "not in scope" for st in r.statuses]
        writer.writerow([r.guideline, r.requirement, r.level, spreadsheet_cell(r.title), *statuses])
    return buffer.getvalue()
