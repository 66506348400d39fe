"""The PDF report: content a reader needs, archival form, reproducibility, safe rendering."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from sourcing_check.cli import main
from sourcing_check.render import pdf as pdf_module
from tests.conftest import TEST_TABLES

HOSTILE_PLAN = """\
kind: project-plan
schema_version: 1
project:
  name: "Label <b>bold</b> {{ 7*7 }} project"
  purpose: >-
    <link rel="attachment" href="file:///etc/passwd">
    <img src="file:///etc/hostname"> <style>@import url(file:///etc/passwd);</style>
    <a href="http://198.51.100.1/x">x</a> background: url(http://198.51.100.1/y)
pay:
  model: per_task
  rate: {amount: 0.05, currency: USD, period: task}
  minutes_per_task: 2
  unpaid_minutes_per_task: 1
  fee_share_percent: 20
  evidence:
    - title: "<script>alert(1)</script> {% raw %}"
      url: file:///etc/passwd
workers:
  locations: [{country: KE}, {country: PH}]
rejection: {rejected_work_paid: never, expected_rate_percent: 10}
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Render the hostile plan once, recording every URL WeasyPrint asks for."""
    base = tmp_path_factory.mktemp("report")
    plan = base / "plan.yaml"
    plan.write_text(HOSTILE_PLAN)
    fetched: list[str] = []
    original = pdf_module._fetcher_class

    def recording_class() -> Any:
        parent = original()

        class Recording(parent):  # type: ignore[misc, valid-type]
            def fetch(self, url: str, headers: Any = None) -> Any:
                fetched.append(url)
                return super().fetch(url, headers)

        return Recording

    pdf_module._fetcher_class = recording_class  # type: ignore[assignment]
    try:
        runner = CliRunner()
        outputs = {}
        for name in ("a", "b"):
            result = runner.invoke(
                main,
                [
                    "report",
                    str(plan),
                    "-o",
                    str(base / f"{name}.pdf"),
                    "--checklist",
                    str(base / f"{name}.csv"),
                    "--html",
                    str(base / f"{name}.html"),
                    *TEST_TABLES,
                ],
            )
            assert result.exit_code == 0, result.output
            outputs[name] = (base / f"{name}.pdf").read_bytes()
    finally:
        pdf_module._fetcher_class = original  # type: ignore[assignment]
    return {"dir": base, "pdf": outputs["a"], "again": outputs["b"], "fetched": fetched}


def _text(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is required; 'make test' installs it")
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def test_pdf_shows_verdict_scores_findings_and_wage_figures(rendered: dict[str, Any]) -> None:
    text = _text(rendered["pdf"])
    reader = PdfReader(io.BytesIO(rendered["pdf"]))
    assessment = json.loads(reader.attachments["assessment.json"][0])["assessments"][0]
    assert "Not approved" in text
    assert f"Overall score {assessment['overall']['score']} / 100" in text
    for score in assessment["scores"]:  # the appendix shows each score's arithmetic
        shown = score["score"] if score["score"] is not None else "n/a"
        assert f"{score['title']} {score['earned']} {score['possible']} {shown}" in text
    must_failures = [
        f for f in assessment["findings"] if f["level"] == "must" and f["status"] == "fail"
    ]
    assert len(must_failures) >= 2
    for finding in must_failures:
        assert f"{finding['requirement']} {finding['title']}" in text
    assert "PAI-1.1 The project's effective hourly pay reaches the living wage" in text
    assert "PAI-1.7 Rejected work is paid unless fraud is shown" in text
    # the wage arithmetic (test tables: KE 200 KES/h, USD 1 = KES 130)
    assert "USD 0.05 x 60 / 2 min" in text
    assert "KES 93.60/h" in text
    assert "raise pay to at least USD 0.1069 per task" in text
    assert "living-wage benchmark for PH: none in the living-wage table" in text
    # page 1 gives the reasons in words: requirement titles, and the lowest pay and where
    first = text.split("page 1 of")[0]
    assert "must-level requirements not met: The project's effective hourly pay" in first
    assert "Lowest effective pay: KES 93.60 an hour in KE, 46.8% of the living wage" in first
    assert "Who must act: AI team" in first
    assert "Information still needed" in text
    assert "Sign-off" in text and "Signature" in text
    # the board's table of files gives the first 16 digits; the attached JSON all 64
    digest = hashlib.sha256(HOSTILE_PLAN.encode()).hexdigest()
    assert digest[:16] in text.replace(" ", "")
    assert any(f["sha256"] == digest for f in assessment["files"])
    assert "page 1 of" in text


def test_pdf_is_archival_with_attachments(rendered: dict[str, Any]) -> None:
    reader = PdfReader(io.BytesIO(rendered["pdf"]))
    assert set(reader.attachments) == {"assessment.json", "checklist.md"}
    assessment = json.loads(reader.attachments["assessment.json"][0])["assessments"][0]
    assert assessment["verdict"]["value"] == "not_approved"
    assert b"- [ ] **PAI-1.1**" in reader.attachments["checklist.md"][0]
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="B"' in xmp
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(reader.outline)
    for section in ("Findings to act on", "Information still needed", "Sign-off"):
        assert section in titles


def test_same_inputs_give_identical_bytes(rendered: dict[str, Any]) -> None:
    assert hashlib.sha256(rendered["pdf"]).digest() == hashlib.sha256(rendered["again"]).digest()


def test_hostile_answers_fetch_nothing_and_show_literally(
    rendered: dict[str, Any], tmp_path: Path, runner: CliRunner
) -> None:
    assert rendered["fetched"] == []
    assert "Label <b>bold</b> {{ 7*7 }} project" in _text(rendered["pdf"])
    # the full listing shows the evidence given, as text, never fetched
    plan = rendered["dir"] / "plan.yaml"
    full = tmp_path / "full.pdf"
    full_html = tmp_path / "full.html"
    args = ["report", str(plan), "-o", str(full), "--html", str(full_html), "--detail", "full"]
    assert runner.invoke(main, [*args, *TEST_TABLES]).exit_code == 0
    text = _text(full.read_bytes())
    assert "<script>alert(1)</script> {% raw %}" in text
    assert "file:///etc/passwd" in text
    html = full_html.read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<link rel="attachment"' not in html


def test_fetcher_serves_only_files_under_its_root(tmp_path: Path) -> None:
    root = tmp_path / "templates dir"
    root.mkdir()
    (root / "style.css").write_text("p {}")
    fetcher = pdf_module._fetcher_class()(root)
    assert fetcher.fetch((root / "style.css").as_uri()).read() == b"p {}"
    with pytest.raises(pdf_module.FetchRefused):
        fetcher.fetch((root / ".." / "templates dir" / ".." / "secret").as_uri())
    for url in ("file:///etc/passwd", "http://198.51.100.1/x", "https://example.org/a.css"):
        with pytest.raises(pdf_module.FetchRefused):
            fetcher.fetch(url)


def test_fetcher_refuses_anything_outside_templates(tmp_path: Path) -> None:
    fetcher = pdf_module._fetcher_class()(tmp_path)
    for url in ("file:///etc/passwd", "http://198.51.100.1/x", "https://example.org/a.css"):
        with pytest.raises(pdf_module.FetchRefused):
            fetcher.fetch(url)


def test_checklist_csv_has_tracker_columns(rendered: dict[str, Any]) -> None:
    raw = (rendered["dir"] / "a.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so spreadsheet programs read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0])[-2:] == ["owner", "due_date"]
    pay = next(r for r in rows if r["requirement"] == "PAI-1.1")
    assert pay["level"] == "must" and "USD 0.1069 per task" in pay["to_do"]
    assert pay["who_acts"] == "AI team"
    assert pay["guideline"].startswith("1. Pay at least the local living wage")


def test_failed_report_leaves_previous_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")
    broken = tmp_path / "plan.yaml"
    broken.write_text("kind: project-plan\nschema_version: 1\nproject: {name: [}\n")
    result = CliRunner().invoke(main, ["report", str(broken), "-o", str(target), *TEST_TABLES])
    assert result.exit_code == 2
    assert target.read_bytes() == b"previous report"
    assert [p.name for p in tmp_path.iterdir()] == sorted(["plan.yaml", "report.pdf"]) or (
        sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml", "report.pdf"]
    )


def test_outputs_are_all_written_or_none(tmp_path: Path, runner: CliRunner) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a directory")
    plan = Path(__file__).resolve().parent.parent / "examples" / "well-run-vendor.yaml"
    pdf = tmp_path / "new.pdf"
    result = runner.invoke(
        main,
        ["report", str(plan), *TEST_TABLES, "-o", str(pdf), "--checklist", f"{blocker}/c.md"],
    )
    assert result.exit_code == 2
    assert f"{blocker}/c.md: cannot write the file" in result.stderr
    assert not pdf.exists()  # the PDF could be written, but the set could not
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]  # no temporary left behind


def test_board_report_is_short_and_full_detail_lists_every_finding(
    tmp_path: Path, runner: CliRunner
) -> None:
    examples = Path(__file__).resolve().parent.parent / "examples"
    pages: dict[str, int] = {}
    for detail in ("board", "full"):
        target = tmp_path / f"{detail}.pdf"
        plan = str(examples / "well-run-project.yaml")
        args = ["report", plan, "-o", str(target), "--detail", detail, "--date", "2026-11-24"]
        page = tmp_path / f"{detail}.html"  # what the PDF is laid out from: pdftotext reads
        assert (
            runner.invoke(main, [*args, "--html", str(page)]).exit_code == 0
        )  # cells out of order
        reader = PdfReader(io.BytesIO(target.read_bytes()))
        pages[detail] = len(reader.pages)
        assessment = json.loads(reader.attachments["assessment.json"][0])["assessments"][0]
        text = _text(target.read_bytes())
        ids = [f["requirement"] for f in assessment["findings"]]
        if detail == "full":  # every finding, with its outcome
            assert all(f"{rid} " in text for rid in ids)
        else:  # met ones in one table, those to act on with their fix
            met = [f for f in assessment["findings"] if f["status"] == "pass"]
            body = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
            shown = " ".join(body.replace("\u2060", "").split())
            assert all(f"{f['requirement']} ✓ {f['title']}" in shown for f in met)
    assert pages["board"] <= 8 < pages["full"]


def test_several_subjects_start_with_an_overview_and_have_bookmarks_each(
    tmp_path: Path, runner: CliRunner
) -> None:
    examples = Path(__file__).resolve().parent.parent / "examples"
    target = tmp_path / "both.pdf"
    files = [str(examples / "well-run-vendor.yaml"), str(examples / "moderation-vendor.yaml")]
    args = ["report", *files, "-o", str(target), *TEST_TABLES]
    assert runner.invoke(main, args).exit_code == 0
    first, *rest = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    assert "Overview of 2 assessments" in first
    assert "Kestrel Data Services Ltd" in first and "Savanna Trust & Safety Ltd" in first
    # the running header names the subject of each page
    assert rest[0].lstrip().startswith("Kestrel Data Services Ltd")
    assert rest[-2].lstrip().startswith("Savanna Trust & Safety Ltd")
    top = [
        item.title
        for item in PdfReader(io.BytesIO(target.read_bytes())).outline
        if not isinstance(item, list)
    ]
    assert top[:3] == [
        "Overview of 2 assessments",
        "Kestrel Data Services Ltd",
        "Savanna Trust & Safety Ltd",
    ]
