"""Free text in inputs: bounded in length, and free of control characters but tab and newline.

Each limit is far above any real answer and far below what slows a report down (a vendor
name is the running header of every PDF page); the message names the limit.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

NAME_CHARS = 200
TEXT_CHARS = 4000
URL_CHARS = 2000
#: The longest path an input may name (Linux allows 4,096 bytes; no real plan comes close).
PATH_CHARS = 1024

#: C0 and C1 control characters (and DEL) other than tab and newline.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PATTERN = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$"


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline written as ``\\xNN``, so
    that echoing user text never sends escape sequences to a terminal."""
    return CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def _no_controls(value: str) -> str:
    found = CONTROL.search(value)
    if found is not None:
        raise PydanticCustomError(
            "control_character",
            "Input holds the control character {char} at character {at}; "
            "only tab and newline are allowed",
            {"char": f"U+{ord(found.group()):04X}", "at": found.start() + 1},
        )
    return value


#: A name, title, label or short answer: at most 200 characters.
Name = Annotated[
    str,
    Field(max_length=NAME_CHARS),
    AfterValidator(_no_controls),
    WithJsonSchema({"type": "string", "maxLength": NAME_CHARS, "pattern": _PATTERN}),
]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_name", "Input should name it: an empty name is no answer")
    return value


#: The name of the subject assessed (the vendor's, the project's): a Name that is not blank
#: (a workbook's empty cell was refused as missing while YAML's "" passed).
SubjectName = Annotated[
    str,
    Field(max_length=NAME_CHARS),
    AfterValidator(_no_controls),
    AfterValidator(_not_blank),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "maxLength": NAME_CHARS, "pattern": _PATTERN}
    ),
]
#: A comment, description or reason: at most 4,000 characters.
Text = Annotated[
    str,
    Field(max_length=TEXT_CHARS),
    AfterValidator(_no_controls),
    WithJsonSchema({"type": "string", "maxLength": TEXT_CHARS, "pattern": _PATTERN}),
]
#: A web address: at most 2,000 characters.
Url = Annotated[
    str,
    Field(max_length=URL_CHARS),
    AfterValidator(_no_controls),
    WithJsonSchema({"type": "string", "maxLength": URL_CHARS, "pattern": _PATTERN}),
]
#: A file path: at most 1,024 characters.
PathText = Annotated[
    str,
    Field(max_length=PATH_CHARS),
    AfterValidator(_no_controls),
    WithJsonSchema({"type": "string", "maxLength": PATH_CHARS, "pattern": _PATTERN}),
]
