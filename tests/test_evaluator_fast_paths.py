"""The evaluator's quick ways (answers shown from its memo, what is still needed worded once
for many subjects) give what the straightforward ways give."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.facts import Context, Inputs, derive
from sourcing_check.load.subject import load_subject
from sourcing_check.models.subject import Subject
from sourcing_check.rules.answers import _answer, _answers, _shown, shown
from sourcing_check.rules.evaluate import _APPLIES, _DECIDE, _asked, _asked_text
from sourcing_check.rules.needed import described, needed, needed_for, text_inputs
from sourcing_check.rules.subject_view import View
from sourcing_check.run import Settings, framework_for, load_context, run
from tests.conftest import EXAMPLES

SETTINGS = Settings(date=dt.date(2026, 11, 24))


def _subject_data(subject: Subject) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """The subject's data as the evaluator reads it, its documents, and every pointer a
    finding may show: those of the rules, every written answer and some never written."""
    basis = load_context(SETTINGS)
    framework, _ = framework_for(subject, basis, SETTINGS)
    context = Context(basis.reference, framework.params, SETTINGS.date)
    data = subject.data()
    data["facts"] = derive(Inputs(subject.vendor_model, subject.project_model), context).plain()
    documents = {"vendor": subject.vendor, "project": subject.project}
    pointers = [p for rule in framework.rules for p in rule.answer_pointers]
    for root in ("vendor", "project"):
        loaded = documents[root]
        written = loaded.document.positions if loaded else {"/pay": (0, 0)}
        pointers += [f"/{root}{inner}" for inner in written]
        pointers += [f"/{root}{inner}/not_an_answer" for inner in written]
    pointers += ["/facts/vendor_wage/lines", "/facts/nothing/here", "/other/x"]
    return data, documents, pointers


def _workbooks(tmp_path: Path) -> list[Path]:
    """The bundled examples as workbooks (a plan's questionnaire stays YAML beside it)."""
    made = []
    for source in sorted(EXAMPLES.glob("*.yaml")):
        if source.name.endswith("-vendor.yaml"):
            (tmp_path / source.name).write_bytes(source.read_bytes())
        book = tmp_path / f"{source.stem}.xlsx"
        result = CliRunner().invoke(main, ["convert", str(source), "-o", str(book)])
        assert result.exit_code == 0, result.output
        made.append(book)
    return made


def _inputs(tmp_path: Path) -> list[Path]:
    """Every example and revised example, as YAML and as workbooks."""
    inputs = sorted(EXAMPLES.glob("*.yaml")) + sorted((EXAMPLES / "revised").glob("*.yaml"))
    return inputs + _workbooks(tmp_path)


def test_answers_made_from_the_memo_are_those_located_the_straightforward_way(
    tmp_path: Path,
) -> None:
    checked = 0
    for path in _inputs(tmp_path):
        data, documents, pointers = _subject_data(load_subject(path))
        view = View(data)
        quick = _answers(tuple(dict.fromkeys(pointers)), view, documents)
        plain = [_answer(p, data, documents) for p in dict.fromkeys(pointers)]
        assert quick == plain, path
        # a pointer's answer is made once per subject, however many findings show it
        assert _answers(tuple(pointers[:3]), view, documents)[0] is quick[0]
        checked += sum(1 for a in quick if a["place"]) + sum(1 for a in quick if a["line"])
    assert checked > 1000  # located by line and by cell alike


@pytest.mark.parametrize(
    "value",
    [
        [],
        ["employees"],
        ["a", "b", "c"],
        ["x" * 64] * 6,  # just under the cut whatever the characters
        ["x" * 70] * 6,  # over the bound: written out and not cut
        ["x" * 100] * 5,  # cut
        ['say "no"\n\t\x01'] * 20,
        ["\x1f" * 66],
        ["\x1f" * 67],
        ["é" * 398],
        ["é" * 399],
        ["a", 1],
        ["a", Decimal("1.50")],
        ["a", None],
        [dt.date(2026, 1, 2)],
        [{"country": "KE"}],
    ],
)
def test_a_short_list_of_texts_is_shown_as_the_general_way_shows_it(value: list[Any]) -> None:
    assert shown(value) == _shown(value)
    assert type(shown(value)) is type(_shown(value))


def test_what_is_needed_is_worded_as_each_pointer_alone_words_it(tmp_path: Path) -> None:
    # questionnaires alone and with plans, text and workbooks, in turn: words remembered for
    # one subject are never given to another whose inputs differ
    subjects = [load_subject(path) for path in _inputs(tmp_path)]
    worded = 0
    for subject in subjects + subjects[::-1]:
        data, documents, pointers = _subject_data(subject)
        pointers += ["/facts/vendor_wage/lowest_ratio", "/facts/project_wage/oldest/age"]
        for start in range(0, len(pointers), 3):
            unknown = pointers[start : start + 4] + pointers[start : start + 1]  # one twice
            expected = tuple(m for p in dict.fromkeys(unknown) for m in needed(p, data, documents))
            assert needed_for(unknown, data, documents) == expected
            worded += len(expected)
    assert worded > 10000


def test_a_rule_s_finding_names_its_source_as_the_framework_lists_it() -> None:
    # the evaluator copies each rule's template: its fixed fields and its source, worked out
    # once a framework; every finding of every example names what the framework says
    basis = load_context(SETTINGS)
    framework = basis.framework
    assert len(framework.templates) == len(framework.rules)
    for path in sorted(EXAMPLES.glob("*.yaml")):
        (assessment,) = run([path], SETTINGS).assessments
        for finding in assessment.findings:
            rule = framework.rule(finding.requirement)
            assert rule is not None
            source = rule.requirement.source
            listed = framework.meta.sources[source.document]
            assert finding.source == source
            assert finding.source_title == listed.title
            assert finding.source_url == (source.url or listed.url)
            assert (
                finding.title == rule.requirement.title
                and finding.weight == rule.requirement.weight
            )


def test_an_unanswered_finding_s_words_are_those_needed_for_gives(tmp_path: Path) -> None:
    # the evaluator words what a subject of text inputs leaves out once for every subject:
    # the same words as needed_for, the same message, list and remediation as _asked
    worded = 0
    for subject in [load_subject(path) for path in _inputs(tmp_path)]:
        data, documents, pointers = _subject_data(subject)
        given = text_inputs(documents)
        if given is None:
            continue  # a workbook: its answers are named by cell, the long way
        answers = [p for p in pointers if not p.startswith("/facts/")]
        for kind in (_APPLIES, _DECIDE):
            for start in range(0, len(answers), 3):
                unknown = answers[start : start + 4] + answers[start : start + 1]  # one twice
                expected = needed_for(unknown, data, documents)
                assert described(tuple(unknown), given) == expected
                made = _asked_text(kind, tuple(unknown), given)
                assert made == _asked(kind, tuple(dict.fromkeys(expected)))
                worded += len(made[1])
    assert worded > 5000
