"""Read assessments back: the canonical JSON ('check --format json'), or the JSON a report PDF
carries attached; problems located and coded like an input's."""

from __future__ import annotations

import json
from pathlib import Path

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.documents import read_document
from sourcing_check.load.files import read_bytes
from sourcing_check.load.pdf_attachments import attachments
from sourcing_check.load.validation import INPUT_CODES, validate_as
from sourcing_check.load.yaml_reader import parse_yaml
from sourcing_check.models.document import Document
from sourcing_check.models.results import ASSESSMENT_SCHEMA_VERSION, Assessment, Assessments

#: Largest report PDF or assessment JSON read.
MAX_PDF_BYTES = 50 * 1024 * 1024


def is_assessment_file(path: Path) -> bool:
    """True for a report PDF, or a JSON file holding assessments rather than answers."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return True
    if suffix != ".json" or not path.is_file():
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    return b'"assessments"' in head or b'"schema_version": 2' in head


def read_assessments(path: Path) -> list[Assessment]:
    """The assessments of a canonical JSON file or a report PDF; raise InputError."""
    pdf = path.suffix.lower() == ".pdf"
    document = _attached(path) if pdf else read_document(path, max_bytes=MAX_PDF_BYTES)
    data = document.data
    version = data.get("schema_version") if isinstance(data, dict) else None
    if version != ASSESSMENT_SCHEMA_VERSION:
        message = f"not an assessment of schema_version {ASSESSMENT_SCHEMA_VERSION}"
        hint = "make it again with this version: 'sourcing-check check FILE --format json'"
        raise InputError([document.problem("/schema_version", message, hint, code="I205")])
    return validate_as(document, Assessments, INPUT_CODES).assessments


def _attached(path: Path) -> Document:
    """The assessment JSON attached to a report PDF, as a located document."""
    raw = read_bytes(path, str(path), MAX_PDF_BYTES)
    for attachment in attachments(raw):
        if attachment.mime != "application/json":
            continue
        try:
            text = attachment.content.decode("utf-8")
            json.loads(text)
        except (UnicodeDecodeError, ValueError):
            continue
        label = f"{path} (attached assessment.json)"
        data, positions = parse_yaml(text.replace("\t", " "), label)
        return Document(path, label, data, positions, "")
    message = "no assessment attached: not a report made by 'sourcing-check report'"
    raise InputError([Problem(str(path), message, code="I115")])
