"""Every bundled example's board report: at most 8 pages and under 1 MB, with every finding to
act on and every answer still needed shown, and no heading left alone at the foot of a page."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from sourcing_check.cli import main
from tests.conftest import ROOT
from tests.pages import MAX_BOARD_PAGES, MAX_BYTES, examples, report_args

#: Headings of the board report that must never end a page (each is kept with what follows).
HEADINGS = {
    "Findings to act on",
    "Effective hourly pay against the living wage",
    "Project pay",
    "Vendor rates",
    "Information still needed",
    "The board's decision",
    "Sign-off",
    "Requirements met",
    "Appendix: what this report was computed from",
    "How the score and verdict are computed",
    "Score per guideline area",
}


def _pages(pdf: Path) -> list[list[str]]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is required; 'make test' installs it")
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    pages = done.stdout.decode("utf-8").split("\f")[:-1]
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]


@pytest.mark.parametrize(("name", "inputs"), list(examples()), ids=[n for n, _ in examples()])
def test_each_example_board_report_is_short_and_complete(
    name: str, inputs: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    pdf = tmp_path / f"{name}.pdf"
    done = CliRunner().invoke(main, report_args(inputs, pdf))
    assert done.exit_code == 0, done.output
    data = pdf.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) <= MAX_BOARD_PAGES
    assert len(data) < MAX_BYTES
    pages = _pages(pdf)
    text = " ".join(" ".join(line for page in pages for line in page).split())
    # shorter, not poorer: every finding to act on and every unanswered one is still named
    assessment = json.loads(reader.attachments["assessment.json"][0])["assessments"][0]
    for finding in assessment["findings"]:
        if finding["status"] in ("fail", "unverified", "unanswered"):
            assert f"{finding['requirement']} " in text, finding["requirement"]
    assert "Score per guideline area" in " ".join(pages[0])  # the chart is on page 1
    for number, page in enumerate(pages[:-1], start=1):
        body = [line for line in page if not line.startswith("page ")]
        assert body[-1] not in HEADINGS, f"page {number} ends with its heading {body[-1]!r}"
