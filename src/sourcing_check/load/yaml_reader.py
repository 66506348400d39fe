"""YAML (and JSON, a subset of it) into plain data plus a source map, under our limits.

YAML is read event by event from the (C, where available) safe parser and built by
``yaml_build``, so that we control every surprise: YAML 1.1 booleans such as ``yes``/``no``/
``on``/``off`` and dates stay strings, non-integer numbers become exact ``Decimal`` values,
duplicate keys and tags are errors, aliases may not expand past a small bound (billion
laughs), and nesting is bounded.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.reader import ReaderError

from sourcing_check.errors import InputError, Problem
from sourcing_check.load.yaml_build import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    MAX_INT_DIGITS,
    build,
    plain_scalar,
)

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "line_column",
    "parse_yaml",
    "plain_scalar",
]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at ``index`` in ``text``."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _syntax_hint(text: str, line: int, column: int) -> str:
    """What to look at for a syntax error at (line, column): a tab, which YAML does not
    indent with, or indentation and quoting in general."""
    lines = text.splitlines()
    shown = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in shown[: max(column, 1)]:
        return "a tab in the indentation: YAML indents with spaces only; replace the tab"
    return "check indentation and quoting around this line"


def parse_yaml(text: str, label: str) -> tuple[Any, dict[str, tuple[int, int]]]:
    """Parse YAML text into plain data and a map from JSON pointer to (line, column)."""
    loader = None
    try:
        loader = _Loader(text)
        data, positions = build(iter(loader.get_event, None), label)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.problem:
            message = f"{exc.context}, {exc.problem}"
            if exc.context_mark is not None and exc.context_mark is not mark:
                message = (
                    f"{exc.context} (started at line {exc.context_mark.line + 1}), {exc.problem}"
                )
        raise InputError(
            [
                Problem(
                    label,
                    f"YAML syntax error: {message}",
                    line,
                    column,
                    hint=_syntax_hint(text, line, column),
                    code="I104",
                )
            ]
        ) from None
    except ReaderError as exc:
        raise InputError([_reader_problem(exc, text, label)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(label, f"YAML error: {exc}", code="I104")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, positions


def _reader_problem(exc: ReaderError, text: str, label: str) -> Problem:
    """A character YAML does not allow, located (the C reader counts bytes, not characters)."""
    index = exc.position
    if _Loader is not yaml.SafeLoader:
        index = len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore"))
    line, column = line_column(text, index)
    return Problem(
        label,
        f"the file holds the character U+{exc.character:04X}, which YAML does not allow",
        line,
        column,
        hint="remove it: control characters are often copied in from other programs",
        code="I104",
    )
