"""Where an answer still needed is written in a workbook: the cell named beside its pointer.

A supplier who works only in the spreadsheet cannot see the hidden pointer column, so what
to answer and where a document goes name the cell (``acme.xlsx:Answers!C21``) as well as the
pointer. A YAML or JSON input is named by its pointer alone, as before.
"""

from __future__ import annotations

import re

from sourcing_check.models.subject import LoadedInput

#: An input pointer at the start of an item still needed (up to a space, colon or bracket).
_LEADING = re.compile(r"/(?:vendor|project)(?:/[^\s:(]+)*")


def _workbook(
    pointer: str, documents: dict[str, LoadedInput | None], *, exact: bool = False
) -> tuple[str, str] | None:
    """(file name, cell) of a pointer in a workbook input (or of its nearest placed parent,
    unless ``exact``); None for other inputs."""
    root, _, rest = pointer[1:].partition("/")
    loaded = documents.get(root)
    if loaded is None or not loaded.document.cells:
        return None
    inner = "/" + rest if rest else ""
    if exact and inner not in loaded.document.cells:
        return None
    cell = loaded.document.cell(inner)
    return (loaded.document.name, cell) if "!" in cell else None


def placed(item: str, documents: dict[str, LoadedInput | None]) -> str:
    """``item`` (a pointer, then its description) with the pointer's cell after the pointer
    when it is written in a workbook: '/vendor/x at acme.xlsx:Answers!C21 (...)'."""
    for loaded in documents.values():  # most inputs are text: nothing to look for
        if loaded is not None and loaded.document.cells:
            break
    else:
        return item
    found = _LEADING.match(item)
    where = _workbook(found.group(0), documents) if found else None
    if found is None or where is None:
        return item
    return f"{found.group(0)} at {where[0]}:{where[1]}{item[found.end() :]}"


def evidence_place(section: str, documents: dict[str, LoadedInput | None]) -> str:
    """Where a section's first document goes in a workbook (', in acme.xlsx:Answers!G15 or on
    the Evidence sheet'); '' for other inputs."""
    where = _workbook(section + "/evidence", documents, exact=True)
    if where is None:
        return ""
    return f", in {where[0]}:{where[1]} or on the Evidence sheet"
