"""The Jinja2 environment of the HTML renderers: autoescaped, strict, built once per process.

Templates are bundled files, so each is compiled once per process and kept (no reload check
on every ``get_template`` or ``include``), and its compiled code is kept between runs
(``template_cache``); stylesheets are read once too.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import jinja2
from markupsafe import Markup, escape

from sourcing_check.render.template_cache import bytecode_cache
from sourcing_check.resources import templates_dir


@functools.cache
def environment() -> jinja2.Environment:
    """The template environment: autoescape everything, fail on any undefined name; compiled
    templates kept between runs where the user's cache directory allows."""
    options: dict[str, Any] = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
        bytecode_cache=bytecode_cache(tuple(sorted(options.items()))),
        **options,
    )
    env.filters["shown"] = _shown
    env.filters["breakable"] = breakable
    return env


@functools.cache
def stylesheet(name: str) -> str:
    """A bundled stylesheet's text, to be inlined (reports fetch nothing)."""
    return (templates_dir() / name).read_text(encoding="utf-8")


#: A file name's extension (``vendor.xlsx``) stays with its stem: no break at its dot
#: ('vendor.' / 'xlsx' read as two words); the line breaks at a ``/`` or ``_`` instead.
_EXTENSION = r"(?i:xlsx|yaml|yml|jsonl|json|csv|md|pdf|html|txt)(?![A-Za-z0-9_])"
_JOINT = re.compile(rf"(?<=[A-Za-z0-9])([_/]|\.(?!{_EXTENSION}))(?=[A-Za-z])")
#: A hyphenated part of an identifier (``crowd-platform-project``), kept on one line; longer
#: runs may still wrap anywhere rather than overflow their cell.
_HYPHENATED = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![A-Za-z0-9-])")
_LONGEST_UNBROKEN = 40


#: WORD JOINER: no line break here, and nothing drawn or copied. A nowrap span did the same,
#: but WeasyPrint then broke a line that did not fit the span after its first word ('Met' /
#: 'as answered, but ... no-fees policy').
_JOINER = "\u2060"


def _unbroken(found: re.Match[str]) -> str:
    word = found.group(0)
    return word.replace("-", "-" + _JOINER) if len(word) <= _LONGEST_UNBROKEN else word


def breakable(text: Any) -> Markup:
    """Escaped text in which identifiers may break only after ``_``, ``/`` and ``.``
    (``fee_share_percent`` never breaks mid-word, ``crowd-platform`` not at its hyphen),
    a file name never at the dot of its extension (``vendor.xlsx``), by HTML word-break
    opportunities."""
    joints = _JOINT.sub(r"\1<wbr>", str(escape(str(text))))
    return Markup(_HYPHENATED.sub(_unbroken, joints))


def _shown(value: Any) -> str:
    """An answer value as compact text (the template escapes it)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
