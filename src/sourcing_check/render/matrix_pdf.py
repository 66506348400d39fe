"""The comparison as a landscape PDF: the ranking and scores, then the matrix following on
(each further group of subjects on a new page, the requirement columns repeated).

A table cell costs WeasyPrint about half a millisecond however little it holds, so the
statuses of one requirement are one cell: monospace text in columns of whole characters, with
their fills drawn by one gradient (50 vendors: about 5,000 cells fewer)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from sourcing_check.models.comparison import ComparedRow, Comparison
from sourcing_check.render.matrix import LEGEND, shown_rows, symbol_and_word
from sourcing_check.render.pdf import render_pdf
from sourcing_check.render.templating import environment, stylesheet

#: Subjects per matrix table when each status fits 6 characters; more are split into further
#: tables, the requirement columns repeated.
COLUMNS_PER_PAGE = 20
#: The statuses are set in DejaVu Sans Mono at this size (templates/compare.css sets the same),
#: whose every glyph advances 1233/2048 em: a subject's column is a whole number of characters.
MONO_PT = 7.0
ADVANCE_EM = 1233 / 2048
#: Cell fills by status (the word and symbol say it too: never colour alone).
FILLS = {"fail": "#f6e3de", "pass": "#e2efe7", "unanswered": "#f7efcf", "unverified": "#dde8f3"}
_NO_FILL = "#fff"
#: A thin vertical rule (a bundled image), repeated once per subject's column.
RULE = "compare-rule.svg"


@dataclass(frozen=True)
class MatrixLine:
    """One requirement's statuses over a group of subjects: two lines of monospace text (the
    symbols, then the words), one column of ``slot`` characters per subject, and the style
    that draws the fills and rules behind them. One text per row instead of a table cell per
    status keeps WeasyPrint fast."""

    symbols: str
    words: str
    style: str


def _score(value: Decimal | None) -> str:
    return "n/a" if value is None else f"{value}"


def _slot_text(text: str, slot: int) -> str:
    """``text`` centred in a subject's column (the cell's padding adds half a character)."""
    return text.center(slot - 1) + " "


def _fill(statuses: Sequence[str | None], slot: int) -> str:
    """The cell's style: a rule between subjects (one small image, repeated) over the fills,
    one gradient with hard stops (runs of a status merged). A repeating gradient would draw
    the rules too, at a cost of a second per 50 vendors in the PDF's writing."""
    stops: list[str] = []
    start = 0
    for end in range(1, len(statuses) + 1):
        if end == len(statuses) or statuses[end] != statuses[start]:
            colour = FILLS.get(statuses[start] or "", _NO_FILL)
            stops += [f"{colour} {start * slot}ch", f"{colour} {end * slot}ch"]
            start = end
    return (
        f"background-image: url({RULE}), linear-gradient(to right, {', '.join(stops)}); "
        f"background-size: {slot}ch 100%, auto"
    )


def matrix_line(statuses: Sequence[str | None], slot: int) -> MatrixLine:
    """The row of the matrix for ``statuses``, each in a column of ``slot`` characters."""
    parts = [symbol_and_word(status) for status in statuses]
    return MatrixLine(
        symbols="".join(_slot_text(symbol, slot) for symbol, _ in parts),
        words="".join(_slot_text(word, slot) for _, word in parts),
        style=_fill(statuses, slot),
    )


def _chunks(comparison: Comparison, rows: Sequence[ComparedRow]) -> list[dict[str, Any]]:
    """The subjects in groups that fit a page's width, each with its keys and lines."""
    words = [symbol_and_word(st)[1] for r in rows for st in r.statuses]
    slot = max(6, 1 + max(map(len, words), default=0))
    per_page = COLUMNS_PER_PAGE * 6 // slot
    subjects = comparison.subjects
    chunks = []
    for start in range(0, len(subjects), per_page):
        chunk = list(range(start, min(start + per_page, len(subjects))))
        chunks.append(
            {
                "subjects": [subjects[i] for i in chunk],
                "heading": "".join(_slot_text(subjects[i].key, slot) for i in chunk),
                "rule": f"background-size: {slot}ch 100%",
                "scores": {
                    gid: "".join(
                        _score(subjects[i].scores.get(gid)).rjust(slot - 1) + " " for i in chunk
                    )
                    for gid in comparison.guidelines
                },
                "width": f"{len(chunk) * slot * ADVANCE_EM * MONO_PT + 1:.2f}",
                "lines": {
                    r.requirement: matrix_line([r.statuses[i] for i in chunk], slot) for r in rows
                },
            }
        )
    return chunks


def render_html(comparison: Comparison, only_differences: bool = False) -> str:
    """The comparison as one self-contained HTML document (landscape pages when printed)."""
    rows = shown_rows(comparison, only_differences)
    chunks = _chunks(comparison, rows)
    return (
        environment()
        .get_template("compare.html.j2")
        .render(
            title=f"Vendor comparison: {comparison.framework['title']}",
            stylesheet=Markup(stylesheet("compare.css")),
            c=comparison,
            ranked=sorted(comparison.subjects, key=lambda s: s.rank),
            chunks=chunks,
            rows=rows,
            only_differences=only_differences,
            legend=LEGEND,
        )
    )


def render(comparison: Comparison, only_differences: bool = False) -> bytes:
    """The comparison as PDF/A-3b, the comparison's JSON attached; dated the assessment date."""
    return render_pdf(
        render_html(comparison, only_differences),
        title=f"Vendor comparison: {comparison.framework['title']}",
        date=dt.date.fromisoformat(comparison.assessment_date),
        attachments=[
            (
                "comparison.json",
                (comparison.model_dump_json(indent=2) + "\n").encode("utf-8"),
                "The comparison this report was rendered from",
            )
        ],
    )
