"""A failure names the answers that failed it, not every answer its check read: 'Not met, as
answered: reviews/ethics/decision = 'none'' rather than seven answers of which six were fine,
and a failure message its author wrote for several answers ('not disclosed, or below 40%')
says which of them it was."""

from __future__ import annotations

import datetime as dt
from functools import cache

from sourcing_check.models.results import Finding
from sourcing_check.rules.predicates import compile_predicate
from sourcing_check.run import Settings, run
from tests.conftest import EXAMPLES

DATE = dt.date(2026, 11, 24)


@cache
def _finding(example: str, requirement: str) -> Finding:
    (assessment,) = run([EXAMPLES / example], Settings(date=DATE)).assessments
    return next(f for f in assessment.findings if f.requirement == requirement)


def test_an_all_of_fails_on_its_false_entries_alone() -> None:
    check = compile_predicate({"/a": {"const": True}, "/b": {"minimum": 5}}, {})
    assert check.failing({"a": True, "b": 3}) == ["/b"]
    assert check.failing({"a": False, "b": 3}) == ["/a", "/b"]
    assert check.failing({"a": True, "b": 9}) == []  # it holds: nothing failed it


def test_an_any_of_fails_on_every_entry_and_a_not_on_what_made_it_true() -> None:
    either = compile_predicate({"any_of": [{"/a": {"const": 1}}, {"/b": {"const": 2}}]}, {})
    assert either.failing({"a": 0, "b": 0}) == ["/a", "/b"]
    assert either.failing({"a": 1, "b": 0}) == []
    negated = compile_predicate({"not": {"/a": {"const": 1}, "/c": {"const": 3}}}, {})
    assert negated.failing({"a": 1, "c": 3}) == ["/a", "/c"]
    undecided = compile_predicate({"/a": {"const": 1}, "/b": {"const": 2}}, {})
    assert undecided.failing({"a": 1}) == []  # unknown is not false


def test_a_failure_without_a_written_message_names_only_the_answer_that_failed() -> None:
    finding = _finding("prison-labour-project.yaml", "PAI-9.11")
    assert finding.status == "fail"
    assert finding.message == "Not met, as answered: /reviews/ethics/decision = 'none'"
    finding = _finding("crowd-platform-vendor.yaml", "PAI-7.1")
    assert finding.message == "Not met, as answered: /conditions/terms_compliance_monitored = false"


def test_a_written_message_of_either_or_says_which_it_was() -> None:
    crowd = _finding("crowd-platform-vendor.yaml", "PAI-1.11")
    assert crowd.message.endswith(". As answered: /pay/worker_share_disclosed = false.")
    moderation = _finding("moderation-vendor.yaml", "PAI-1.11")
    assert moderation.message.endswith(
        ". As answered: /pay/worker_share_of_client_price_percent = 18."
    )


def test_a_message_that_gives_the_figures_itself_is_left_as_written() -> None:
    finding = _finding("crowd-platform-project.yaml", "PAI-1.1")  # a fact's own words
    assert finding.status == "fail" and "As answered" not in finding.message
