"""Build every report output in memory: PDF, HTML, checklist (Markdown or CSV), JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sourcing_check.models.results import Assessment
from sourcing_check.render.checklist import render_checklist_csv, render_checklist_md
from sourcing_check.render.html import render_html
from sourcing_check.render.views import subject_line


def assessments_json(assessments: Sequence[Assessment]) -> str:
    """The canonical JSON: one assessment, or {"assessments": [...]} for several."""
    if len(assessments) == 1:
        return assessments[0].model_dump_json(indent=2) + "\n"
    body = {"assessments": [a.model_dump(mode="json") for a in assessments]}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class ReportFiles:
    """The outputs of one report run, ready to be written."""

    pdf: bytes
    html: str
    checklist_md: str
    checklist_csv: str


def build_report(assessments: Sequence[Assessment], date: dt.date) -> ReportFiles:
    """Render the PDF (with the JSON and checklist attached) and its companions."""
    from sourcing_check.render.pdf import render_pdf

    html = render_html(assessments)
    checklist_md = render_checklist_md(assessments)
    pdf = render_pdf(
        html,
        title="Sourcing assessment: " + "; ".join(subject_line(a) for a in assessments),
        date=date,
        attachments=[
            (
                "assessment.json",
                assessments_json(assessments).encode("utf-8"),
                "The canonical assessment this report was rendered from",
            ),
            ("checklist.md", checklist_md.encode("utf-8"), "The remediation checklist"),
        ],
    )
    return ReportFiles(pdf, html, checklist_md, render_checklist_csv(assessments))
