"""The JSON syntax check before a JSON input is read as YAML: JSON's own error position, and
nesting past the reader's limit located at its bracket."""

from __future__ import annotations

import json
import re

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.yaml_reader import MAX_DEPTH, line_column


def _ignore(_text: str) -> None:
    """Skip converting a JSON number: the syntax check needs no values."""


def check_json(text: str, label: str) -> None:
    """Refuse text that is not valid JSON, with the line and column of the first error."""
    try:
        json.loads(text, parse_int=_ignore, parse_float=_ignore, parse_constant=_ignore)
    except json.JSONDecodeError as exc:
        raise InputError(
            [Problem(label, f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno, code="I104")]
        ) from None
    except RecursionError:
        line, column = line_column(text, _too_deep_at(text))
        message = f"the data is nested more than {MAX_DEPTH} levels deep"
        raise InputError([Problem(label, message, line, column, code="I105")]) from None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep_at(text: str) -> int:
    """The index of the first JSON bracket that opens past MAX_DEPTH (0 if none)."""
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return token.start()
        elif char in "]}":
            depth -= 1
    return 0
