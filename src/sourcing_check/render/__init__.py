"""Renderers: each output format is one module with a function over assessments, and one
entry in ``RENDERERS``. The CLI's choices (``check --format``, ``report --checklist``,
``report --html``) come from this table, so a new format is one module plus one entry.

An entry names its function as ``module:function`` and imports it only when used, so heavy
libraries (Jinja2, WeasyPrint) load only for the formats that need them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

if TYPE_CHECKING:  # the table is read by the CLI's --help: it imports no model
    from sourcing_check.models.comparison import Comparison
    from sourcing_check.models.results import Assessment

Output = str | bytes


@dataclass(frozen=True)
class Renderer:
    """One output format: what it is, its usual file suffix, and the function that makes it."""

    name: str
    suffix: str
    description: str
    target: str  # "module:function" under sourcing_check.render
    kind: Literal["document", "checklist", "archive"] = "document"

    @property
    def binary(self) -> bool:
        """True when the output is bytes (never printed to a terminal)."""
        return self.kind == "archive"

    def function(self) -> Callable[..., Output]:
        """The rendering function, imported now."""
        module, _, name = self.target.partition(":")
        made = importlib.import_module(f"sourcing_check.render.{module}")
        return cast(Callable[..., Output], getattr(made, name))

    def render(self, assessments: Sequence[Assessment], **options: Any) -> Output:
        """Render ``assessments`` in this format (options such as the report's ``detail``)."""
        return self.function()(assessments, **options)

    def render_comparison(self, comparison: Comparison, **options: Any) -> Output:
        """Render a comparison in this format (entries of ``COMPARISON_RENDERERS``)."""
        return self.function()(comparison, **options)


#: Every output format, by the name the CLI offers.
RENDERERS: dict[str, Renderer] = {
    "text": Renderer("text", ".txt", "terminal summary", "text:render_text"),
    "json": Renderer("json", ".json", "the canonical assessment", "canonical:render_json"),
    "jsonl": Renderer(
        "jsonl", ".jsonl", "one canonical assessment per line", "stream:render_jsonl"
    ),
    "md": Renderer("md", ".md", "every finding as Markdown", "markdown:render_markdown"),
    "html": Renderer("html", ".html", "the report as self-contained HTML", "html:render_html"),
    "checklist-md": Renderer(
        "checklist-md",
        ".md",
        "remediation checklist as a task list",
        "checklist:render_md",
        "checklist",
    ),
    "checklist-csv": Renderer(
        "checklist-csv",
        ".csv",
        "remediation checklist for a tracker",
        "checklist:render_csv",
        "checklist",
    ),
    "pdf": Renderer("pdf", ".pdf", "the signable PDF/A-3b report", "pdf:render_report", "archive"),
}


#: Every output format of a comparison ('compare'), by the name the CLI offers.
COMPARISON_RENDERERS: dict[str, Renderer] = {
    "text": Renderer("text", ".txt", "the matrix for a terminal", "matrix:render_text"),
    "md": Renderer("md", ".md", "the matrix as Markdown tables", "matrix:render_md"),
    "csv": Renderer("csv", ".csv", "one row per requirement", "matrix:render_csv"),
    "xlsx": Renderer(
        "xlsx",
        ".xlsx",
        "one sheet: summary rows, then one row per requirement, filled by status",
        "matrix_xlsx:render",
        "archive",
    ),
    "pdf": Renderer(
        "pdf", ".pdf", "landscape PDF: ranking, then the matrix", "matrix_pdf:render", "archive"
    ),
}


#: Every output format of 'diff', by the name the CLI offers.
DIFF_RENDERERS: dict[str, Renderer] = {
    "text": Renderer("text", ".txt", "what changed, for a terminal", "changes:render_text"),
    "md": Renderer("md", ".md", "what changed, as Markdown", "changes:render_md"),
    "json": Renderer("json", ".json", "what changed, as JSON", "changes:render_json"),
}


def text_formats() -> list[str]:
    """Formats that can be printed to standard output."""
    return [name for name, r in RENDERERS.items() if not r.binary]


def checklist_by_suffix() -> dict[str, Renderer]:
    """Checklist renderers keyed by the file suffix that selects them, e.g. '.csv'."""
    return {r.suffix: r for r in RENDERERS.values() if r.kind == "checklist"}
