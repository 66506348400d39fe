"""Escape user-written text for each output syntax: terminal, Markdown, spreadsheet cells."""

from __future__ import annotations

from sourcing_check.models.text import printable

__all__ = ["escape_md", "printable", "shorten", "spreadsheet_cell"]


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def escape_md(text: str) -> str:
    """Escape Markdown-significant characters in user-controlled text."""
    out = printable(text).replace("\\", "\\\\")
    for char in "`*[]<>|#":
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())


def spreadsheet_cell(text: str) -> str:
    """Neutralise spreadsheet formulas in user-controlled text."""
    text = printable(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
