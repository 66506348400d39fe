"""Every finding of every example says what fits its status: a fix for a failure, the evidence
for an unverified pass, the answers for an unanswered one, and never an unfilled figure."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from functools import cache
from html import unescape
from pathlib import Path

import pytest

from sourcing_check.load.documents import read_document
from sourcing_check.models.document import Document
from sourcing_check.models.results import Assessment, Finding
from sourcing_check.render.canonical import render_json
from sourcing_check.render.html import render_html
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import Framework, load_framework
from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES

DATE = dt.date(2026, 11, 24)
NOT_KNOWN = "(not known)"
#: A placeholder the guideline author wrote, left unfilled.
UNFILLED = re.compile(r"\{(facts|params)\.[^{}]*\}")


def _strip_evidence(value: object) -> object:
    """The same answers with every evidence list removed (claims without documents)."""
    if isinstance(value, dict):
        return {k: _strip_evidence(v) for k, v in value.items() if k != "evidence"}
    if isinstance(value, list):
        return [_strip_evidence(v) for v in value]
    return value


@cache
def _framework() -> Framework:
    return load_framework(default_framework_dir())


def _assessments(tmp: Path) -> tuple[Assessment, ...]:
    """Every example as written, and the well-run ones without their evidence."""
    copies = tmp / "no-evidence"
    copies.mkdir(exist_ok=True)
    for name in ("well-run-project.yaml", "well-run-vendor.yaml"):
        data = _strip_evidence(read_document(EXAMPLES / name).data)
        (copies / name.replace(".yaml", ".json")).write_text(json.dumps(data, default=str))
    # the plan names its questionnaire by file name; keep the pair together
    shutil.copy(copies / "well-run-vendor.json", copies / "well-run-vendor.yaml")
    paths = sorted(EXAMPLES.glob("*.yaml")) + sorted(copies.glob("*.json"))
    result: list[Assessment] = []
    for path in paths:
        result += run([path], Settings(date=DATE)).assessments
    return tuple(result)


@pytest.fixture(scope="module")
def assessments(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assessment, ...]:
    return _assessments(tmp_path_factory.mktemp("findings"))


def _findings(assessments: tuple[Assessment, ...]) -> list[tuple[str, Finding]]:
    return [(str(a.subject), f) for a in assessments for f in a.findings]


def test_the_sweep_covers_every_status(assessments: tuple[Assessment, ...]) -> None:
    statuses = {f.status for _, f in _findings(assessments)}
    assert statuses == {"pass", "fail", "unanswered", "unverified", "not_applicable"}


def test_no_unfilled_figure_anywhere(assessments: tuple[Assessment, ...]) -> None:
    for a in assessments:
        text = render_json([a])
        assert NOT_KNOWN not in text, a.subject
        for f in a.findings:
            for written in (f.message, f.remediation or ""):
                assert not UNFILLED.search(written), (f.requirement, written)


def test_no_finding_doubles_its_full_stop(assessments: tuple[Assessment, ...]) -> None:
    # a described answer sits in parentheses inside a sentence: '/x (Pay per location).'
    for subject, f in _findings(assessments):
        for written in (f.message, f.remediation or "", *f.missing, *f.evidence_missing):
            assert not re.search(r"\.\)?[.;,]", written), (subject, f.requirement, written)


def test_remediation_matches_the_status(assessments: tuple[Assessment, ...]) -> None:
    rules = {r.requirement.id: r.requirement for r in _framework().rules}
    for subject, f in _findings(assessments):
        where = (subject, f.requirement, f.status, f.remediation)
        if f.status in ("pass", "not_applicable"):
            assert f.remediation is None, where
        elif f.status == "unverified":
            # the evidence to provide, not the fix for a failure it does not have
            assert f.remediation is not None and f.evidence_missing, where
            assert f.remediation.startswith("Provide the evidence"), where
            assert all(item in f.remediation for item in f.evidence_missing), where
            assert " ".join(rules[f.requirement].remediation.split()) not in f.remediation
        elif f.status == "unanswered":
            # what to answer, each item named
            assert f.remediation is not None and f.missing, where
            assert all(item in f.remediation for item in f.missing), where
        else:
            assert f.remediation, where


def test_an_unverified_wage_pass_asks_for_the_rate_card_not_a_raise(
    assessments: tuple[Assessment, ...],
) -> None:
    wage = [
        f
        for _, f in _findings(assessments)
        if f.requirement in ("PAI-1.1", "PAI-1.2") and f.status == "unverified"
    ]
    assert wage
    for f in wage:
        assert "Raise pay" not in (f.remediation or "")
        assert "rate card" in (f.remediation or "").lower() or "payslips" in (f.remediation or "")


def test_findings_built_without_validation_read_back_the_same(
    assessments: tuple[Assessment, ...],
) -> None:
    # the evaluator builds findings from its own values without validating them again
    for a in assessments:
        text = a.model_dump_json()
        again = Assessment.model_validate_json(text)
        assert again == a
        assert again.model_dump_json() == text


def test_an_assessment_constructed_is_the_one_validation_gives(
    assessments: tuple[Assessment, ...],
) -> None:
    # assess() constructs the assessment from parts that are already models, unvalidated
    for a in assessments:
        validated = Assessment.model_validate(
            {name: getattr(a, name) for name in a.model_fields_set}
        )
        assert validated == a and validated.model_fields_set == a.model_fields_set
        assert validated.model_dump_json(indent=2) == a.model_dump_json(indent=2)
        assert list(validated.__dict__) == list(a.__dict__)
        for name in Assessment.model_fields:
            assert type(getattr(validated, name)) is type(getattr(a, name)), name
        standing = a.without_waivers
        assert type(standing).model_validate(dict(standing)) == standing
        assert standing.scores is not a.scores  # each its own list, as validation gives
    both = run([EXAMPLES / "well-run-project.yaml"] * 2, Settings(date=DATE)).assessments
    assert both[0].parameters == both[1].parameters
    assert both[0].parameters is not both[1].parameters  # one framework, a dict each


def test_a_finding_is_made_with_exactly_its_fields(assessments: tuple[Assessment, ...]) -> None:
    finding = assessments[0].findings[0]
    values = {name: getattr(finding, name) for name in Finding.model_fields}
    made = Finding.made(dict(values))
    assert made == finding and made.model_dump_json() == finding.model_dump_json()
    assert made.model_fields_set == set(Finding.model_fields)
    assert made == Finding.model_validate(values)
    shuffled = dict(reversed(values.items()))  # the JSON would follow this order: refused
    without = {k: v for k, v in values.items() if k != "status"}
    for wrong in (shuffled, without, {**values, "extra": 1}):
        with pytest.raises(ValueError, match="a finding has the fields"):
            Finding.made(wrong)


def test_the_evaluator_gives_every_field_in_order(assessments: tuple[Assessment, ...]) -> None:
    # it builds findings without the check of ``Finding.made``: its dict literal is checked here
    for a in assessments:
        for finding in a.findings:
            assert tuple(finding.__dict__) == tuple(Finding.model_fields)


def test_answers_are_located_only_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    located: list[str] = []
    locate = Document.locate

    def counting(self: Document, pointer: str) -> tuple[int, int]:
        if self.name.endswith("well-run-vendor.yaml"):
            located.append(pointer)
        return locate(self, pointer)

    monkeypatch.setattr(Document, "locate", counting)
    (a,) = run([EXAMPLES / "well-run-vendor.yaml"], Settings(date=DATE)).assessments
    assert located == []  # assessed and scored: nothing was located
    first = next(f for f in a.findings if f.status == "pass" and f.requirement == "PAI-1.15")
    answers = list(first.answers)
    assert answers and all(answer["line"] for answer in answers)
    assert len(located) == len(answers)
    a.model_dump_json()  # the JSON shows every answer, so every one is located now, once
    shown = {answer["pointer"] for f in a.findings for answer in f.answers}
    assert sorted(located) == sorted(p.removeprefix("/vendor") for p in shown)


def _shown_text(html: str) -> str:
    """What a reader of the report sees: the HTML's text, its white space collapsed and the
    word joiners that keep an identifier whole (drawn as nothing) left out."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).replace("\u2060", "").split())


def _blocks(html: str, detail: str) -> dict[str, str]:
    """The text of each finding to act on, by requirement: its row in the board's table of
    findings to act on, or its box in the full report."""
    start = '<tr class="status-' if detail == "board" else '<div class="finding '
    if detail == "board":
        html = html.split('<section class="actions">', 1)[1].split("</section>", 1)[0]
    found = {}
    for part in html.split(start)[1:]:
        text = _shown_text(start + part)
        rid = re.search(r"PAI-\d+\.\d+", text)
        if rid is not None:
            found.setdefault(rid.group(0), text)
    return found


@pytest.mark.parametrize("detail", ["board", "full"])
def test_the_report_names_each_missing_document_once_per_finding(
    assessments: tuple[Assessment, ...], detail: str
) -> None:
    # an unverified pass's 'what to do' is the evidence to provide: said once, not again as
    # what was found nor as a line below it
    checked = set()
    for a in assessments:
        blocks = _blocks(render_html([a], detail), detail)
        for f in a.findings:
            if not f.evidence_missing or f.status not in ("fail", "unverified"):
                continue
            listed, where = "; ".join(f.evidence_missing), (a.subject, f.requirement)
            block = blocks[f.requirement]
            if f.status == "unverified":
                assert f"Provide the evidence: {listed}." in block, where
                assert block.count(listed) == 1, where
            else:  # a failure's fix names no document: the line below it says which
                label = "Evidence to provide" if detail == "board" else "Evidence missing"
                assert f"{label}: {listed}" in block, where
            checked.add(f.status)
    assert checked == {"fail", "unverified"}


def test_a_fact_a_finding_reads_is_shown_with_its_value(
    assessments: tuple[Assessment, ...],
) -> None:
    # Board audit: PAI-3.6 applies because the workers are vulnerable (a fact), yet its
    # answers showed '/facts/worker_risk/vulnerable' as not answered (null), in the JSON and
    # in the full report, beside a failure that exists only because the fact is true.
    (plan,) = [a for a in assessments if a.subject["project"] == "Shelf product boxes, batch 7"]
    assert plan.facts.worker_risk is not None and plan.facts.worker_risk.vulnerable is True
    for finding in plan.findings:
        for answer in finding.answers:
            if answer["pointer"].startswith("/facts/"):
                assert answer["value"] is not None, (finding.requirement, answer)
                assert answer["file"] == "" and answer["line"] is None
    (review,) = [f for f in plan.findings if f.requirement == "PAI-3.6"]
    shown = {a["pointer"]: a["value"] for a in review.answers}
    assert shown["/facts/worker_risk/vulnerable"] is True


def test_a_long_answer_is_cut_in_json_spelling_not_python() -> None:
    # a list of pay rates quoted in a finding was cut as Python's repr: [{'paid': True, ...
    from sourcing_check.rules.answers import shown

    rates = [{"country": "KE", "paid": True, "region": None, "note": "x" * 40}] * 20
    text = shown(rates)
    assert isinstance(text, str) and text.endswith("...")
    assert text.startswith('[{"country": "KE", "paid": true, "region": null, "note": "xxx')
    assert shown(rates[:1]) == rates[:1]  # a short structure stays as it is


def test_a_finding_on_a_fact_of_a_few_answers_quotes_them_located() -> None:
    # PAI-2.1 reads the pilot's timing, a fact made from three answers: a board tracing the
    # finding sees each, with its line, instead of no answer at all
    import datetime as dt

    from sourcing_check.run import Settings, run

    (a,) = run(
        [EXAMPLES / "well-run-project.yaml"], Settings(date=dt.date(2026, 11, 24))
    ).assessments
    (finding,) = [f for f in a.findings if f.requirement == "PAI-2.1"]
    quoted = {answer["pointer"]: (answer["value"], answer["line"]) for answer in finding.answers}
    assert set(quoted) == {
        "/project/pilot/status",
        "/project/pilot/date",
        "/project/project/planned_start",
    }
    assert quoted["/project/pilot/status"][0] == "completed"
    assert all(line is not None for _, line in quoted.values())
