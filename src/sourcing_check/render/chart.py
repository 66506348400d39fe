"""The score chart: a horizontal bar per guideline area, as inline SVG made here."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sourcing_check.models.results import Score

_ROW = 22
_LABEL_WIDTH = 330
_BAR_WIDTH = 260
#: The report's font stack (templates/report.css), for labels in any script. No space after
#: the commas: WeasyPrint's SVG reader keeps it in the family name.
FONT_FAMILIES = (
    "DejaVu Sans",
    "Noto Sans",
    "Noto Sans CJK SC",
    "Noto Sans Devanagari",
    "Noto Sans Kannada",
    "Noto Sans Tamil",
    "Noto Sans Bengali",
    "Noto Sans Arabic",
    "Noto Sans Ethiopic",
    "Noto Sans Thai",
    "sans-serif",
)
_FONT = f'font-family="{",".join(FONT_FAMILIES)}" font-size="9"'


def score_chart(scores: Sequence[Score], threshold: int) -> str:
    """Return an SVG bar chart of scores (0-100) with the conditions threshold marked."""
    height = _ROW * len(scores) + 24
    width = _LABEL_WIDTH + _BAR_WIDTH + 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Score per guideline area">'
    ]
    for index, score in enumerate(scores):
        y = index * _ROW + 4
        value = float(score.score) if score.score is not None else 0.0
        label = escape(score.title, quote=False)  # text content: &, < and > only
        parts.append(f'<text x="0" y="{y + 13}" {_FONT}>{label}</text>')
        parts.append(
            f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{_BAR_WIDTH}" height="14" '
            'fill="#eeeeee" stroke="#999999" stroke-width="0.5"/>'
        )
        bar = _BAR_WIDTH * value / 100
        fill = "#2f6f4f" if value >= threshold else "#a33b20"
        parts.append(
            f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{bar:.1f}" height="14" fill="{fill}"/>'
        )
        text = "n/a" if score.score is None else f"{score.score}"
        parts.append(
            f'<text x="{_LABEL_WIDTH + _BAR_WIDTH + 6}" y="{y + 14}" {_FONT} '
            f'font-weight="bold">{text}</text>'
        )
    marker = _LABEL_WIDTH + _BAR_WIDTH * threshold / 100
    bottom = _ROW * len(scores) + 6
    parts.append(
        f'<line x1="{marker:.1f}" y1="2" x2="{marker:.1f}" y2="{bottom}" '
        'stroke="#000000" stroke-width="1" stroke-dasharray="3,2"/>'
    )
    parts.append(
        f'<text x="{marker:.1f}" y="{bottom + 12}" {_FONT} text-anchor="middle">'
        f"threshold {threshold}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
