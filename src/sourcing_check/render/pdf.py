"""The archival PDF (PDF/A-3b): WeasyPrint over our HTML, fetching nothing, same bytes each time.

WeasyPrint is imported here only, inside the function, so that every other command stays fast.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.request import url2pathname

from sourcing_check.models.results import Assessment
from sourcing_check.render.canonical import render_json
from sourcing_check.render.checklist import render_md
from sourcing_check.render.escaping import printable, shorten
from sourcing_check.render.html import render_html
from sourcing_check.render.views import subject_line
from sourcing_check.resources import templates_dir

#: The longest document title in the PDF's metadata (then an ellipsis).
TITLE_CHARS = 300


class FetchRefused(Exception):
    """Raised for any URL the report names that is not a bundled template asset."""


def _fetcher_class() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class BundledOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Serves files under templates/ and refuses every other URL: no file, no network."""

        def __init__(self, root: Path) -> None:
            super().__init__(allowed_protocols=["file"])
            self.root = root.resolve()

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file://"):
                location = url.removeprefix("file://").split("?")[0].split("#")[0]
                path = Path(url2pathname(location)).resolve()
                if path.is_relative_to(self.root) and path.is_file():
                    return URLFetcherResponse(url, body=path.read_bytes())
            raise FetchRefused(f"refused to fetch {url!r}: reports load bundled assets only")

    return BundledOnlyFetcher


def render_pdf(
    html: str,
    *,
    title: str,
    date: dt.date,
    attachments: Sequence[tuple[str, bytes, str]],
) -> bytes:
    """Render HTML to PDF/A-3b bytes with ``attachments`` (name, content, description).

    Every date inside the PDF is ``date``, so the same inputs give the same bytes.
    """
    import weasyprint

    fetcher = _fetcher_class()(templates_dir())
    stamp = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    files = [
        weasyprint.Attachment(
            file_obj=io.BytesIO(content),
            name=name,
            description=description,
            created=stamp,
            modified=stamp,
            relationship="Data",
            url_fetcher=fetcher,
        )
        for name, content, description in attachments
    ]
    document = weasyprint.HTML(
        string=html, base_url=templates_dir().resolve().as_uri() + "/", url_fetcher=fetcher
    ).render(pdf_variant="pdf/a-3b", pdf_tags=True)
    document.metadata.title = title
    document.metadata.lang = "en"
    document.metadata.generator = "sourcing-check"
    document.metadata.created = None
    document.metadata.modified = None
    pdf: bytes = document.write_pdf(
        attachments=files, pdf_variant="pdf/a-3b", pdf_tags=True, uncompressed_pdf=False
    )
    return pdf


def render_report(assessments: Sequence[Assessment], detail: str = "board") -> bytes:
    """The signable report: the HTML report as PDF, with the canonical JSON and the
    checklist attached; every date in it is the assessment date."""
    date = dt.date.fromisoformat(assessments[0].assessment_date)
    return render_pdf(
        render_html(assessments, detail),
        title=shorten(
            printable("Sourcing assessment: " + "; ".join(subject_line(a) for a in assessments)),
            TITLE_CHARS,
        ),
        date=date,
        attachments=[
            (
                "assessment.json",
                render_json(assessments).encode("utf-8"),
                "The canonical assessment this report was rendered from",
            ),
            ("checklist.md", render_md(assessments).encode("utf-8"), "The remediation checklist"),
        ],
    )
