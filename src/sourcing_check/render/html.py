"""The HTML report: Jinja2 templates (autoescaped, StrictUndefined) over the assessments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from sourcing_check.models.results import (
    STATUS_LABELS,
    STATUS_SYMBOLS,
    VERDICT_LABELS,
    Assessment,
)
from sourcing_check.render.board import (
    actions_by_who,
    files_by_folder,
    files_compact,
    lowest_line,
    lowest_text,
    needed_by_section,
    reasons_in_words,
)
from sourcing_check.render.chart import score_chart
from sourcing_check.render.decision_view import decision_context
from sourcing_check.render.escaping import printable, shorten
from sourcing_check.render.templating import environment, stylesheet
from sourcing_check.render.views import (
    answer_places,
    by_ratio,
    checklist_items,
    decisive,
    evidence_to_provide,
    file_names,
    needed_answers,
    ordered,
    sources_of,
    subject_line,
)

#: The longest subject shown in the running header of every page (then an ellipsis).
HEADER_CHARS = 60
#: The longest subject shown anywhere in the report (then an ellipsis).
SUBJECT_CHARS = 420
REPORT_TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"


def _context(a: Assessment) -> dict[str, Any]:
    threshold = a.conditions_below_score
    findings = ordered(a.findings)
    return {
        "a": a,
        "subject": shorten(subject_line(a), SUBJECT_CHARS),
        "header": shorten(subject_line(a), HEADER_CHARS),
        "names": {role: shorten(name or "", SUBJECT_CHARS) for role, name in a.subject.items()},
        "chart": Markup(score_chart(a.scores, threshold)),
        "must_failures": [f for f in findings if f.level == "must" and f.status == "fail"],
        "other_actions": [
            f
            for f in findings
            if (f.status == "fail" and f.level != "must") or f.status == "unverified"
        ],
        "by_guideline": [(s, [f for f in findings if f.guideline == s.id]) for s in a.scores],
        "needed": needed_answers(findings),
        # the requirements those answers decide: 22 answers can be what 19 requirements wait on
        "waiting": len({f.requirement for _, wait in needed_answers(findings) for f in wait}),
        "checklist": checklist_items(a),
        "wages": [
            (name, fact)
            for name, fact in (
                ("project_wage", a.facts.project_wage),
                ("vendor_wage", a.facts.vendor_wage),
            )
            if fact is not None
        ],
        "threshold": threshold,
        "reasons": reasons_in_words(a),
        "actions": actions_by_who(a),
        "who_acts": [(who, len(group)) for who, group in actions_by_who(a)],
        "needed_groups": needed_by_section(findings),
        "passed": [f for f in findings if f.status == "pass"],
        # one list, not grouped by level: in the framework's order (PAI-1.18, PAI-2.2, ...)
        "not_applicable": [f for f in a.findings if f.status == "not_applicable"],
        "areas": {s.id: s.title for s in a.scores},
        "lowest": lowest_line(a),
        "lowest_text": lowest_text(lowest_line(a)),
        "file_groups": files_by_folder(a),
        "file_pairs": files_compact(a),
        "file_names": file_names(a),
        **decision_context(a),
    }


#: Report layouts: the board's (what to decide and act on) or every finding in full.
DETAILS = ("board", "full")


def render_html(assessments: Sequence[Assessment], detail: str = "board") -> str:
    """Render the report for one or more assessments as one HTML document."""
    template = environment().get_template(REPORT_TEMPLATE)
    return template.render(
        detail=detail,
        stylesheet=Markup(stylesheet(STYLESHEET)),
        reports=[_context(a) for a in assessments],
        status_labels=STATUS_LABELS,
        status_symbols=STATUS_SYMBOLS,
        by_ratio=by_ratio,
        decisive=decisive,
        evidence_to_provide=evidence_to_provide,
        answer_places=answer_places,
        sources_of=sources_of,
        verdict_labels=VERDICT_LABELS,
        title=shorten(
            printable("Sourcing assessment: " + "; ".join(subject_line(a) for a in assessments)),
            SUBJECT_CHARS,
        ),
    )
