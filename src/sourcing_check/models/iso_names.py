"""The code a country or currency name stands for ('Kenya', 'KEN', 'Kenyan shillings'), to
suggest it when an answer gives a name where a code is asked: read from iso_names.json (its
sources are in the file) only when an answer is refused, so a valid input never pays for it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

_NAMES = Path(__file__).with_name("iso_names.json")
_NOT_A_LETTER = re.compile(r"[^a-z0-9]+")


def _key(text: str) -> str:
    """``text`` as names are compared: accents, case, punctuation and 'the' set aside, a
    final plural 's' dropped ('Côte d'Ivoire' = 'cote d ivoire', 'Kenyan Shillings' = 'kenyan
    shilling')."""
    letters = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in letters if not unicodedata.combining(c)).casefold()
    words = [w for w in _NOT_A_LETTER.sub(" ", plain).split() if w != "the"]
    if words and len(words[-1]) > 3 and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _turned(name: str) -> list[str]:
    """A name and, for one written 'Korea, Republic of', its reading order 'Republic of
    Korea'."""
    head, comma, tail = name.partition(", ")
    return [name, f"{tail} {head}"] if comma else [name]


@cache
def _table() -> dict[str, dict[str, tuple[str, str]]]:
    """For countries and currencies: each name's key -> (code, the name to show)."""
    data = json.loads(_NAMES.read_text(encoding="utf-8"))
    countries: dict[str, tuple[str, str]] = {}
    shown: dict[str, str] = {}
    for code, (alpha3, *names) in data["countries"].items():
        # 'Venezuela' rather than 'Venezuela, Bolivarian Republic of', where a common name is
        shown[code] = names[1] if len(names) > 1 and ", " in names[0] else _turned(names[0])[-1]
        countries[_key(alpha3)] = (code, shown[code])
        for name in names:
            for written in _turned(name):
                countries.setdefault(_key(written), (code, shown[code]))
    for alias, code in data["aliases"].items():
        countries[_key(alias)] = (code, shown[code])
    for name in data["ambiguous"]:  # 'Congo' is CG's ISO name, but a DRC supplier writes it too
        countries.pop(_key(name), None)
    currencies = {
        _key(name): (code, name) for code, names in data["currencies"].items() for name in names
    }
    for alias, code in data["currency_aliases"].items():
        currencies[_key(alias)] = (code, data["currencies"][code][0])
    return {"country": countries, "currency": currencies}


def code_hint(code: str, name: str) -> str:
    """What to write for a name given where a code is asked: "write 'KE', the code for Kenya"."""
    return f"write {code!r}, the code for {name}"


def named(kind: str, value: str) -> tuple[str, str] | None:
    """The (code, name) that ``value`` names as a ``kind`` ('country' or 'currency'), or
    None when it names none."""
    return _table()[kind].get(_key(value))
