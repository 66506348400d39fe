"""Read one YAML or JSON file into a Document: data, source map and SHA-256."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.files import MAX_BYTES, read_text
from sourcing_check.load.yaml_reader import check_json, parse_yaml
from sourcing_check.models.document import Document


def read_document(
    path: Path, *, name: str | None = None, max_bytes: int = MAX_BYTES, regular_only: bool = False
) -> Document:
    """Read and parse one YAML or JSON file; raise InputError with a located problem."""
    label = name if name is not None else str(path)
    raw, text = read_text(path, label, max_bytes, regular_only=regular_only)
    if path.suffix.lower() == ".json":
        check_json(text, label)
        text = text.replace("\t", " ")  # tabs can only be whitespace in valid JSON
    data, positions = parse_yaml(text, label)
    if "" not in positions:
        message = "the file is empty" if not text.strip() else "the file holds only comments"
        hint = "start from 'sourcing-check init vendor' or 'init project'"
        raise InputError([Problem(label, message, 1, 1, hint=hint, code="I112")])
    return Document(path, label, data, positions, hashlib.sha256(raw).hexdigest())
