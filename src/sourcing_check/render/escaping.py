"""Escape user-written text for each output syntax: Markdown, spreadsheet cells."""

from __future__ import annotations


def escape_md(text: str) -> str:
    """Escape Markdown-significant characters in user-controlled text."""
    out = text.replace("\\", "\\\\")
    for char in "`*[]<>|#":
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())


def spreadsheet_cell(text: str) -> str:
    """Neutralise spreadsheet formulas in user-controlled text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
