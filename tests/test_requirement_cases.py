"""Requirement cases as data: tests/cases/*.yaml give answers and the expected status.

Each case names a requirement, a short name, the expected status, and the sections of a
project plan and/or vendor questionnaire (merged over a minimal document), and optionally
'xfail': the reason a case cannot pass yet, naming the defect. Facts use the test
tables in tests/data (KE 200 KES/h, Nairobi 300 KES/h, US 20 USD/h; USD 1 = KES 130).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from sourcing_check.assess import assess
from sourcing_check.load.documents import read_document
from sourcing_check.load.subject import subject_from_data
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import Framework, load_framework
from tests.helpers import TEST_DATE, reference

CASES_DIR = Path(__file__).resolve().parent / "cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in read_document(path).data["cases"]:
            # A known defect outside the rules (e.g. in a fact) is a strict xfail that names it.
            marks = (
                [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            )
            params.append(
                pytest.param(case, id=f"{case['requirement']}:{case['name']}", marks=marks)
            )
    return params


CASES = _cases()


@cache
def _framework() -> Framework:
    return load_framework(default_framework_dir())


def _document(kind: str, head: dict[str, Any], sections: dict[str, Any]) -> dict[str, Any]:
    return {"kind": kind, "schema_version": 1, **head, **sections}


@pytest.mark.parametrize("case", CASES)
def test_requirement_case(case: dict[str, Any]) -> None:
    vendor = project = None
    if "vendor" in case:
        vendor = _document(
            "vendor-questionnaire", {"vendor": {"name": "Case vendor"}}, case["vendor"] or {}
        )
    if "project" in case:
        project = _document(
            "project-plan", {"project": {"name": "Case project"}}, case["project"] or {}
        )
    subject = subject_from_data(vendor, project, case["name"])
    framework = _framework()
    assessment = assess(subject, framework, reference(), TEST_DATE)
    finding = next(f for f in assessment.findings if f.requirement == case["requirement"])
    assert finding.status == case["expect"], finding.message
    if "message_contains" in case:
        assert case["message_contains"] in finding.message + " " + (finding.remediation or "")
    if "missing_contains" in case:
        assert any(case["missing_contains"] in item for item in finding.missing), finding.missing


#: What a case may say (a key not read would be a check silently not made).
CASE_KEYS = {"requirement", "name", "expect", "message_contains", "missing_contains"}
CASE_KEYS |= {"vendor", "project", "xfail"}


def test_every_case_key_is_read() -> None:
    unread = {key for param in CASES for key in param.values[0] if key not in CASE_KEYS}
    assert not unread


#: Requirements with no failing answer, and why: each needs an 'unanswered' case instead.
NEVER_FAIL = {
    # the only way not to meet it is a questionnaire not named (absent or null): information
    # still needed. Any other value is refused when the plan is loaded (a blank path I303, a
    # missing file or one outside the plan's directory I301/I302, not a questionnaire I301, not
    # a string I203), so no file reaches the check with a value that fails it. Only plain data
    # (subject_from_data, tests and benchmarks) can: '' fails there, and a named file is not
    # loaded there either.
    "PAI-9.12": "a plan placed with a supplier names the supplier's questionnaire",
}


def test_every_requirement_has_pass_fail_and_unanswered_cases() -> None:
    covered: dict[str, set[str]] = {}
    for param in CASES:
        case = param.values[0]
        if "xfail" in case:
            continue
        covered.setdefault(case["requirement"], set()).add(case["expect"])
    gaps = []
    for rule in _framework().rules:
        # every rule is tried met, not met, and with nothing answered (absence is never 'none')
        needed = {"pass", "unanswered"}
        if rule.requirement.id not in NEVER_FAIL:
            needed.add("fail")
        if rule.requirement.applies_when:
            needed.add("not_applicable")
        missing = needed - covered.get(rule.requirement.id, set())
        if missing:
            gaps.append(f"{rule.requirement.id}: no {', '.join(sorted(missing))} case")
    assert not gaps, "\n".join(gaps)
