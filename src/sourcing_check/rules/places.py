"""Where an answer still needed is written in a workbook: the cell named beside its pointer.

A supplier who works only in the spreadsheet cannot see the hidden pointer column, so what
to answer and where a document goes name the cell (``acme.xlsx:Answers!C21``) as well as the
pointer, in the findings and in the facts' working (the wage table's inputs still missing); a
group split over columns (``contracted_hours``) is named by its first column. A YAML or JSON
input is named by its pointer alone, as before.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel

from sourcing_check.models.document import in_input
from sourcing_check.models.facts import Facts
from sourcing_check.models.subject import LoadedInput

_Model = TypeVar("_Model", bound=BaseModel)

#: How the fix of a pass without its evidence begins, the documents to provide following (a
#: checklist tells it from the fix of a pass whose figures are out of date).
EVIDENCE_FIX = "Provide the evidence: "

#: An input pointer at the start of an item still needed (up to a space, colon or bracket),
#: after the worker location it concerns, if any ('KE (Nairobi): /vendor/pay/rates/0/...').
_LEADING = re.compile(r"(?:[^:/]*: )?(/(?:vendor|project)(?:/[^\s:(]+)*)")


def _workbook(
    pointer: str, documents: dict[str, LoadedInput | None], *, exact: bool = False
) -> tuple[str, str] | None:
    """(file name, cell) of a pointer in a workbook input (or of its nearest placed parent,
    unless ``exact``); None for other inputs."""
    root, inner = in_input(pointer)
    loaded = documents.get(root)
    if loaded is None or not loaded.document.cells:
        return None
    if exact and inner not in loaded.document.cells:
        return None
    cells = loaded.document.cells
    # a group split over columns ('contracted_hours': hours, per) is at its first column
    first = next((c for p, c in cells.items() if p.startswith(inner + "/")), "") if inner else ""
    cell = cells.get(inner) or first or loaded.document.cell(inner)
    return (loaded.document.name, cell) if "!" in cell else None


def any_workbook(documents: dict[str, LoadedInput | None]) -> bool:
    """True when any of the documents was read from a workbook (has cells to name)."""
    for loaded in documents.values():  # noqa: SIM110 (a loop: cheaper than any() here)
        if loaded is not None and loaded.document.cells:
            return True
    return False


def placed(item: str, documents: dict[str, LoadedInput | None]) -> str:
    """``item`` (a pointer, then its description) with the pointer's cell after the pointer
    when it is written in a workbook: '/vendor/x at acme.xlsx:Answers!C21 (...)'."""
    if not any_workbook(documents):  # most inputs are text: nothing to look for
        return item
    found = _LEADING.match(item)
    where = _workbook(found.group(1), documents) if found else None
    if found is None or where is None:
        return item
    return f"{item[: found.end()]} at {where[0]}:{where[1]}{item[found.end() :]}"


def evidence_place(section: str, documents: dict[str, LoadedInput | None]) -> str:
    """Where a section's first document goes in a workbook (', in acme.xlsx:Answers!G15 or on
    the Evidence sheet'); '' for other inputs."""
    where = _workbook(section + "/evidence", documents, exact=True)
    if where is None:
        return ""
    return f", in {where[0]}:{where[1]} or on the Evidence sheet"


def placed_facts(facts: Facts, documents: dict[str, LoadedInput | None]) -> Facts:
    """The facts with each input they lack ('missing', 'missing_for') named by its cell as
    well when it is written in a workbook (as ``placed``), so that the wage table names the
    cell as the findings do; the same facts for other inputs."""
    if not any_workbook(documents):
        return facts
    return _placed_model(facts, documents)


def _placed_model(model: _Model, documents: dict[str, LoadedInput | None]) -> _Model:
    """A fact model (or a part of one) with its missing inputs placed, at any depth."""
    update: dict[str, Any] = {}
    for name in model.model_fields_set:
        value = getattr(model, name)
        if name == "missing" and value:
            update[name] = [placed(item, documents) for item in value]
        elif name == "missing_for" and value:
            update[name] = {k: [placed(i, documents) for i in v] for k, v in value.items()}
        elif isinstance(value, BaseModel):
            update[name] = _placed_model(value, documents)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [_placed_model(part, documents) for part in value]
    return model.model_copy(update=update) if update else model
