"""Lists of words in one cell: comma-separated, double quotes keeping a comma, ``none`` for
no items. The workbook writer and reader share these, so that they cannot disagree."""

from __future__ import annotations

import csv
from typing import Any

from sourcing_check.models.sheets import NONE_WORD


def split_list(text: str) -> list[str]:
    """Items of a comma-separated answer (double quotes keep a comma); ``none`` is no items."""
    if text.strip().lower() == NONE_WORD:
        return []
    items = next(csv.reader([text], skipinitialspace=True), [])
    return [item.strip() for item in items if item.strip()]


def join_list(items: list[Any]) -> str:
    """The comma-separated answer for a list: ``none`` when empty (see split_list)."""
    if not items:
        return NONE_WORD
    shown = []
    for item in items:
        text = str(item)
        if any(c in text for c in ',"') or text.strip() != text or text.lower() == NONE_WORD:
            text = '"' + text.replace('"', '""') + '"'
        shown.append(text)
    return ", ".join(shown)
