"""Read one input file into a Document (data, source map, SHA-256), choosing the reader by
suffix: YAML, JSON or an .xlsx workbook."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.files import MAX_BYTES, read_text
from sourcing_check.load.json_syntax import check_json
from sourcing_check.load.yaml_reader import parse_yaml
from sourcing_check.models.document import Document


class PartialRead(InputError):
    """A file that could be read only in part (a workbook with cells refused), with what the
    rest of it says: validating the rest lists the other problems in the same run."""

    def __init__(self, problems: list[Problem], document: Document) -> None:
        super().__init__(problems)
        self.document = document


#: Spreadsheet formats we do not read, and what to do instead.
_OTHER_SPREADSHEETS = (".xls", ".xlsm", ".ods", ".numbers")


def read_document(
    path: Path, *, name: str | None = None, max_bytes: int = MAX_BYTES, regular_only: bool = False
) -> Document:
    """Read one YAML, JSON or .xlsx file; raise InputError with located problems."""
    label = name if name is not None else str(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from sourcing_check.load.xlsx_reader import read_workbook

        return read_workbook(path, name=label, max_bytes=max_bytes, regular_only=regular_only)
    if suffix in _OTHER_SPREADSHEETS:
        message = f"{suffix} spreadsheets are not read; .xlsx workbooks are"
        hint = "save it as 'Excel 2007-365 (.xlsx)' in the spreadsheet application"
        raise InputError([Problem(label, message, hint=hint, code="I101")])
    raw, text = read_text(path, label, max_bytes, regular_only=regular_only)
    if suffix == ".json":
        check_json(text, label)
        text = text.replace("\t", " ")  # tabs can only be whitespace in valid JSON
    data, positions = parse_yaml(text, label)
    if "" not in positions:
        message = "the file is empty" if not text.strip() else "the file holds only comments"
        hint = "start from 'sourcing-check init vendor' or 'init project'"
        raise InputError([Problem(label, message, 1, 1, hint=hint, code="I114")])
    return Document(path, label, data, positions, hashlib.sha256(raw).hexdigest())
