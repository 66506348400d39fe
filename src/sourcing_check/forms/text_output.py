"""Answers as YAML or JSON text ('convert'): what the YAML reader reads back as the same data.

Numbers stay exact (a Decimal is written as its digits, never through a float), dates are
written as quoted ``YYYY-MM-DD`` text, and text with line breaks as a literal block.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import yaml

_WIDTH = 100


class _Dumper(yaml.SafeDumper):
    """A safe dumper that writes Decimal as a plain number and multi-line text as a block."""


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = _digits(value)
    kind = "float" if "." in text else "int"
    return dumper.represent_scalar(f"tag:yaml.org,2002:{kind}", text)


def _digits(value: Decimal) -> str:
    """The exact digits, without an exponent (inputs are bounded below 10^15)."""
    return format(value, "f")


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_str(value)


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _text)


#: Written after a section's answers, as in the examples.
_LAST = ("comment", "evidence")


def plain(value: Any) -> Any:
    """Dates as ISO text and each section's comment and evidence after its answers,
    recursively; everything else as it is."""
    if isinstance(value, dict):
        keys = [k for k in value if k not in _LAST] + [k for k in _LAST if k in value]
        return {key: plain(value[key]) for key in keys}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_yaml(data: Mapping[str, Any], header: str = "") -> str:
    """The answers as a YAML document, after an optional comment line."""
    body = yaml.dump(
        plain(dict(data)),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=_WIDTH,
    )
    return (f"# {header}\n" if header else "") + body


def to_json(data: Mapping[str, Any]) -> str:
    """The answers as indented JSON, numbers written as their exact digits."""
    return _json(plain(dict(data)), "") + "\n"


def _json(value: Any, indent: str) -> str:
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(k)}: {_json(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _json(v, inner) for v in value) + f"\n{indent}]"
    if isinstance(value, Decimal):
        return _digits(value)
    return json.dumps(value, ensure_ascii=False)
