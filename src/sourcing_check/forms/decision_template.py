"""The decision file 'init decision' writes: the subject by hash, and every open requirement
as a condition ready to be filled in (or moved to the waivers)."""

from __future__ import annotations

import json
import textwrap

from sourcing_check.models.results import Assessment, Finding, subject_name

_WIDTH = 96
_OPEN = ("fail", "unanswered", "unverified")
_LEVELS = ("must", "should", "may")
INPUT_ROLES = ("project-plan", "vendor-questionnaire")


def _text(value: str) -> str:
    """A YAML scalar for any text (a JSON string is valid YAML)."""
    return json.dumps(value.strip(), ensure_ascii=False)


def _comment(text: str, indent: str, lead: str = "") -> list[str]:
    wrapped = textwrap.wrap(text, _WIDTH - len(indent) - 2 - len(lead)) or [""]
    first, *rest = wrapped
    return [f"{indent}# {lead}{first}", *(f"{indent}# {' ' * len(lead)}{line}" for line in rest)]


def open_findings(assessment: Assessment) -> list[Finding]:
    """Failed, unanswered and unverified findings: must first, then by status as found."""
    found = [f for f in assessment.findings if f.status in _OPEN]
    return sorted(found, key=lambda f: (_LEVELS.index(f.level), _OPEN.index(f.status)))


def render_decision(assessment: Assessment, tool: str) -> str:
    """The decision file for ``assessment``: valid as written (nothing decided yet)."""
    a = assessment
    lines = [
        f"# The board's decision on: {subject_name(a)}",
        f"# Made from the assessment of {a.assessment_date} ({a.framework['title']} "
        f"{a.framework['version']}; {tool}):",
        f"#   verdict {a.verdict.label}, score {a.overall.score}.",
        *_comment(
            "Pass it to 'sourcing-check check' or 'report' with --decision. The subject names "
            "the inputs by SHA-256: a decision for other answers is reported stale, and its "
            "waivers do not apply. Dates are YYYY-MM-DD.",
            "",
        ),
        "kind: decision",
        "schema_version: 1",
        "subject:",
        f"  name: {_text(subject_name(a))}",
        f'  assessment_date: "{a.assessment_date}"',
        "  files:",
    ]
    for file in a.files:
        if file.role in INPUT_ROLES:
            lines += [
                f"    - role: {file.role}",
                f"      path: {_text(file.path)}",
                f"      sha256: {file.sha256}",
            ]
    findings = open_findings(a)
    lines += ["", *_waivers(findings, a.parameters), "", *_conditions(findings), ""]
    lines += _signoff()
    return "\n".join(lines) + "\n"


def _waivers(findings: list[Finding], parameters: dict[str, object]) -> list[str]:
    """The waivers section: empty, with a commented example for the first open requirement."""
    approvers = parameters.get("must_waiver_approvers", 2)
    lines = [
        "waivers:",
        *_comment(
            "A waiver accepts a requirement as not met, for a reason, until a date: the "
            "requirement is 'waived' and leaves the score; the report shows the score and the "
            f"verdict with and without the waivers. A must needs {approvers} approvers. "
            "To waive an open requirement, move it here from the conditions below, e.g.:",
            "  ",
        ),
    ]
    example = findings[0].requirement if findings else "PAI-1.3"
    lines += [
        f"  # - requirement: {example}",
        '  #   justification: ""',
        '  #   risk_accepted: ""',
        "  #   approvers:",
        '  #     - {name: "", role: ""}',
        '  #   granted: ""',
        '  #   expires: ""',
    ]
    return lines


def _conditions(findings: list[Finding]) -> list[str]:
    """The conditions section: each open requirement as a commented condition."""
    lines = [
        "conditions:",
        *_comment(
            "Each open requirement, ready to be decided: uncomment it as a condition (fill in "
            "the owner and the due date; status open, in_progress or done), move it to the "
            "waivers, or leave it for the verdict to show. A condition may also be free text "
            "without requirements. An overdue condition (due before the assessment date and "
            "not done) becomes a finding.",
            "  ",
        ),
    ]
    if not findings:
        lines.append("  # (none: every applicable requirement is met)")
    for number, f in enumerate(findings, start=1):
        lines += ["  #", *_comment(f"{f.requirement} ({f.level}, {f.status}): {f.title}", "  ")]
        lines += _comment(f.message, "  ", "found: ")
        lines += [
            f"  # - id: C{number}",
            f"  #   requirements: [{f.requirement}]",
            f"  #   text: {_text(f.remediation or f.title)}",
            '  #   owner: ""',
            '  #   due: ""',
            "  #   status: open",
        ]
    return lines


def _signoff() -> list[str]:
    """The sign-off section, commented until the board signs."""
    return [
        "signoff:",
        *_comment(
            "Once the board has decided: each reviewer's decision (approve, "
            "approve_with_conditions, reject or defer) and date, and when to review again.",
            "  ",
        ),
        '  # review_by: ""',
        "  # reviewers:",
        '  #   - {name: "", role: "", decision: approve_with_conditions, date: ""}',
    ]
