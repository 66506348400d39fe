"""The comparison as a landscape PDF: a ranking page, then the matrix split over pages,
the requirement columns repeated with each group of subjects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from sourcing_check.models.comparison import Comparison
from sourcing_check.render.matrix import LEGEND, cell, shown_rows
from sourcing_check.render.pdf import render_pdf
from sourcing_check.render.templating import environment, stylesheet

#: Subjects per matrix table: more are split into further tables, requirement column repeated.
COLUMNS_PER_PAGE = 20


def _ratio(value: Decimal | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def render_html(comparison: Comparison, only_differences: bool = False) -> str:
    """The comparison as one self-contained HTML document (landscape pages when printed)."""
    subjects: list[dict[str, Any]] = [
        {**s.model_dump(), "index": index} for index, s in enumerate(comparison.subjects)
    ]
    chunks = [
        subjects[start : start + COLUMNS_PER_PAGE]
        for start in range(0, len(subjects), COLUMNS_PER_PAGE)
    ]
    widest = max(len(chunk) for chunk in chunks)
    return (
        environment()
        .get_template("compare.html.j2")
        .render(
            title=f"Vendor comparison: {comparison.framework['title']}",
            stylesheet=Markup(stylesheet("compare.css")),
            c=comparison,
            ranked=sorted(comparison.subjects, key=lambda s: s.rank),
            chunks=chunks,
            rows=shown_rows(comparison, only_differences),
            only_differences=only_differences,
            label_width=max(40, 100 - 5 * widest),
            legend=LEGEND,
            cell=cell,
            ratio=_ratio,
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
