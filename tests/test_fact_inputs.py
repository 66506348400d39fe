"""The answers each fact is declared to rest on (``facts/inputs.py``) are all it rests on:
removing any other answer of a bundled example changes no fact. A form says which must-level
requirements need an answer from this, so an answer left out would look unneeded."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest

from sourcing_check.errors import InputError
from sourcing_check.facts import derive
from sourcing_check.facts.context import Context, Inputs
from sourcing_check.facts.inputs import FACT_INPUTS
from sourcing_check.load.subject import load_subject, subject_from_data
from sourcing_check.run import Settings, load_context

from .conftest import EXAMPLES

SUBJECTS = sorted(EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module")
def context() -> Context:
    settings = Settings(date=dt.date(2026, 11, 24))
    basis = load_context(settings)
    return Context(basis.reference, basis.framework.params, settings.date)


def _facts(data: dict[str, Any], context: Context) -> dict[str, str]:
    subject = subject_from_data(data["vendor"], data["project"])
    found = derive(Inputs(subject.vendor_model, subject.project_model), context).plain()
    return {name: json.dumps(fact, default=str, sort_keys=True) for name, fact in found.items()}


def _pointers(value: Any, at: str = "") -> Iterator[str]:
    if at:
        yield at
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _pointers(inner, f"{at}/{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _pointers(inner, f"{at}/{index}")


def _without(data: Any, pointer: str) -> Any:
    data = copy.deepcopy(data)
    *path, last = pointer.strip("/").split("/")
    here = data
    for key in path:
        here = here[int(key)] if isinstance(here, list) else here[key]
    del here[int(last) if isinstance(here, list) else last]
    return data


def _declared(fact: str, pointer: str) -> bool:
    return any(
        pointer == d or pointer.startswith(d + "/") or d.startswith(pointer + "/")
        for d in FACT_INPUTS[fact]
    )


@pytest.mark.parametrize("example", SUBJECTS, ids=lambda p: p.stem)
def test_no_undeclared_answer_changes_a_fact(example: Any, context: Context) -> None:
    subject = load_subject(example)
    data = {
        role: loaded.document.data if loaded else None
        for role, loaded in (("vendor", subject.vendor), ("project", subject.project))
    }
    before = _facts(data, context)
    undeclared = []
    for role in ("vendor", "project"):
        for pointer in _pointers(data[role]):
            if pointer in ("/kind", "/schema_version"):
                continue
            try:
                after = _facts({**data, role: _without(data[role], pointer)}, context)
            except InputError:
                continue  # not a valid input without it
            for fact in sorted(set(before) | set(after)):
                if before.get(fact) != after.get(fact) and not _declared(fact, f"/{role}{pointer}"):
                    undeclared.append(f"{fact} <- /{role}{pointer}")
    assert not undeclared, undeclared


def test_every_fact_has_its_inputs_declared() -> None:
    from sourcing_check.facts import FACTS

    assert set(FACT_INPUTS) == set(FACTS)


def _needed_by(tmp_path: Any, runner: Any, kind: str) -> dict[str, str]:
    from openpyxl import load_workbook

    from sourcing_check.cli import main

    path = tmp_path / f"{kind}.xlsx"
    assert runner.invoke(main, ["init", kind, "--format", "xlsx", "-o", str(path)]).exit_code == 0
    sheet = load_workbook(path)["Answers"]
    return {
        str(row[0].value): str(row[4].value or "")
        for row in sheet.iter_rows(min_row=2)
        if row[0].value
    }


def test_a_workbook_names_the_musts_that_read_an_answer_through_a_fact(
    tmp_path: Any, runner: Any
) -> None:
    from sourcing_check.resources import default_framework_dir
    from sourcing_check.rules.framework import load_framework

    musts = [
        r for r in load_framework(default_framework_dir()).rules if r.requirement.level == "must"
    ]
    through_wage = {
        r.requirement.id for r in musts if any(p.startswith("/facts/vendor_wage") for p in r.reads)
    }
    assert through_wage  # the vendor's living-wage requirement reads the wage fact
    vendor = _needed_by(tmp_path, runner, "vendor")
    for pointer in ("/pay/rates", "/pay/fee_share_percent", "/rejection/expected_rate_percent"):
        assert through_wage <= set(vendor[pointer].split(", ")), (pointer, vendor[pointer])
    assert vendor["/pay/payout/frequency"] == ""  # read by no must, directly or not
    project = _needed_by(tmp_path, runner, "project")
    assert project["/pay/minutes_per_task"], "the project's wage needs its time per task"
