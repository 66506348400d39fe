"""Harmful-content answers that contradict themselves are refused, located, before any rule
reads them (a moderation project's trial)."""

from __future__ import annotations

from typing import Any

import pytest

from sourcing_check.errors import InputError
from sourcing_check.load.subject import subject_from_data


def _questionnaire(**harmful_content: Any) -> dict[str, Any]:
    return {
        "kind": "vendor-questionnaire",
        "schema_version": 1,
        "vendor": {"name": "V"},
        "harmful_content": {"handles_harmful_content": True, **harmful_content},
    }


def _plan(**harmful_content: Any) -> dict[str, Any]:
    return {
        "kind": "project-plan",
        "schema_version": 1,
        "project": {"name": "P"},
        "task": {"harmful_content": harmful_content},
    }


def test_an_exposure_control_listed_twice_is_refused() -> None:
    """'exposure_controls: [breaks, breaks]' passed PAI-6.4 (breaks 'and at least one further
    control') on one control counted twice."""
    with pytest.raises(InputError) as caught:
        subject_from_data(_questionnaire(exposure_controls=["breaks", "breaks"]), None)
    (problem,) = caught.value.problems
    assert problem.pointer == "/harmful_content/exposure_controls"
    assert problem.message == "lists 'breaks' more than once: name each control once"
    two = _questionnaire(exposure_controls=["breaks", "rotation"])
    assert subject_from_data(two, None).vendor is not None


def test_harmful_content_present_with_no_kinds_is_refused() -> None:
    """'present: true' beside 'kinds: []' (none) says workers see harmful content of no kind:
    the risk assessment PAI-6.1 passed has nothing it could have assessed."""
    with pytest.raises(InputError) as caught:
        subject_from_data(None, _plan(present=True, kinds=[]))
    (problem,) = caught.value.problems
    assert problem.pointer == "/task/harmful_content"
    assert "present is true, but kinds lists none" in problem.message
    # kinds left out is not answered yet (PAI-6.1 asks for it), and no content needs no kinds
    for answers in ({"present": True}, {"present": False, "kinds": []}):
        assert subject_from_data(None, _plan(**answers)).project is not None
