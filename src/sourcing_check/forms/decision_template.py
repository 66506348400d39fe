"""The decision file 'init decision' writes: the subject by hash, and every open requirement
as a condition ready to be filled in (or moved to the waivers); with an earlier decision
(``--from``), what of it is still open, carried forward (``decision_carry.py``)."""

from __future__ import annotations

from sourcing_check.forms.decision_carry import (
    Carried,
    carried_conditions,
    carried_waivers,
    resolved_lines,
)
from sourcing_check.forms.decision_text import (
    comment,
    open_findings,
    requirement_findings,
    status_of,
    yaml_text,
)
from sourcing_check.models.results import Assessment, Finding, subject_name

INPUT_ROLES = ("project-plan", "vendor-questionnaire")


def render_decision(assessment: Assessment, tool: str, carried: Carried | None = None) -> str:
    """The decision file for ``assessment``: valid as written. Without ``carried`` it decides
    nothing yet; with it, the earlier decision's conditions still open are in force and its
    waivers still open are written out of force, to be approved again."""
    a = assessment
    lines = [
        f"# The board's decision on: {subject_name(a)}",
        f"# Made from the assessment of {a.assessment_date} ({a.framework['title']} "
        f"{a.framework['version']}; {tool}):",
        f"#   verdict {a.verdict.label}, score {a.overall.score}.",
        *comment(
            "Pass it to 'sourcing-check check' or 'report' with --decision. The subject names "
            "the inputs and the profiles by SHA-256: a decision for other answers, or under "
            "other profiles, is reported stale, and its waivers do not apply. Dates are "
            "YYYY-MM-DD.",
            "",
        ),
        *(resolved_lines(carried) if carried else []),
        "kind: decision",
        "schema_version: 1",
        "subject:",
        f"  name: {yaml_text(subject_name(a))}",
        f'  assessment_date: "{a.assessment_date}"',
        "  files:",
    ]
    for file in a.files:
        if file.role in INPUT_ROLES:
            lines += [
                f"    - role: {file.role}",
                f"      path: {yaml_text(file.path)}",
                f"      sha256: {file.sha256}",
            ]
    lines += _profiles(a)
    findings = requirement_findings(a)
    covered = carried.covered if carried else set()
    still = [f for f in open_findings(a) if f.requirement not in covered]
    lines += ["", *_waivers(still, a.parameters)]
    if carried and carried.waivers:
        lines += carried_waivers(carried, findings)
    lines += ["", *_conditions(still, carried, findings), "", *_signoff(carried)]
    return "\n".join(lines) + "\n"


def _profiles(a: Assessment) -> list[str]:
    """The profiles the assessment was made under, in order ('[]' for none: the record that
    no profile tailored it)."""
    if not a.profiles:
        return ["  profiles: []"]
    lines = ["  profiles:"]
    for profile in a.profiles:
        lines += [
            f"    - path: {yaml_text(profile.file)}",
            f"      sha256: {profile.sha256}",
        ]
    return lines


def _waivers(findings: list[Finding], parameters: dict[str, object]) -> list[str]:
    """The waivers section: empty, with a commented example for the first open requirement."""
    approvers = parameters.get("must_waiver_approvers", 2)
    lines = [
        "waivers:",
        *comment(
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


def _conditions(
    findings: list[Finding], carried: Carried | None, by_id: dict[str, Finding]
) -> list[str]:
    """The conditions section: those carried forward (in force), then each other open
    requirement as a commented condition."""
    lines = [
        "conditions:",
        *comment(
            "Each open requirement, ready to be decided: uncomment it as a condition (fill in "
            "the owner and the due date; status open, in_progress or done), move it to the "
            "waivers, or leave it for the verdict to show. A condition may also be free text "
            "without requirements. An overdue condition (due before the assessment date and "
            "not done) becomes a finding.",
            "  ",
        ),
    ]
    taken: frozenset[str] = frozenset()
    if carried:
        lines += carried_conditions(carried, by_id) if carried.conditions else []
        taken = carried.ids
    if not findings and not (carried and carried.conditions):
        lines.append("  # (none: every applicable requirement is met)")
    numbers = (n for n in range(1, len(findings) + len(taken) + 2) if f"C{n}" not in taken)
    for number, f in zip(numbers, findings, strict=False):
        lines += ["  #", *comment(f"{f.requirement} ({f.level}, {status_of(f)}): {f.title}", "  ")]
        lines += comment(f.message, "  ", "found: ")
        lines += [
            f"  # - id: C{number}",
            f"  #   requirements: [{f.requirement}]",
            f"  #   text: {yaml_text(f.remediation or f.title)}",
            '  #   owner: ""',
            '  #   due: ""',
            "  #   status: open",
        ]
    return lines


def _signoff(carried: Carried | None) -> list[str]:
    """The sign-off section, commented until the board signs (an earlier one is not carried)."""
    earlier = []
    if carried and carried.signers:
        earlier = comment(
            f"The sign-off of {carried.origin} ({carried.signers} reviewer(s)) is not carried "
            "forward: the board signs this decision afresh.",
            "  ",
        )
    return [
        "signoff:",
        *earlier,
        *comment(
            "Once the board has decided: each reviewer's decision (approve, "
            "approve_with_conditions, reject or defer) and date, and when to review again; a "
            "reviewer who has not signed yet: decision: pending, no date.",
            "  ",
        ),
        '  # review_by: ""',
        "  # reviewers:",
        '  #   - {name: "", role: "", decision: approve_with_conditions, date: ""}',
    ]
