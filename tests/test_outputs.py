"""The output table: every format the CLI offers comes from it, renders, and obeys its kind."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.cli.exit_codes import ExitCode, verdict_exit_code
from sourcing_check.models.results import Assessments
from sourcing_check.render import RENDERERS, checklist_by_suffix, text_formats
from sourcing_check.render.canonical import render_json
from tests.conftest import EXAMPLES, TEST_TABLES

PLAN = str(EXAMPLES / "crowd-platform-project.yaml")


def test_check_offers_every_printable_format(runner: CliRunner) -> None:
    help_text = runner.invoke(main, ["check", "--help"]).stdout
    choices = re.search(r"--format \[([^\]]+)\]", help_text)
    assert choices is not None
    assert choices.group(1).split("|") == text_formats()
    assert "pdf" not in text_formats()  # bytes never go to a terminal


def test_report_checklist_suffixes_come_from_the_table() -> None:
    assert sorted(checklist_by_suffix()) == [".csv", ".md"]


@pytest.mark.parametrize("name", text_formats())
def test_each_format_renders_the_example(name: str, tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / f"out{RENDERERS[name].suffix}"
    args = ["check", PLAN, *TEST_TABLES, "--format", name, "-o", str(target)]
    result = runner.invoke(main, [*args, "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "TaskHive" in text or "TaskHive" in text.replace("\\", "")


def test_html_format_is_self_contained(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "report.html"
    args = ["check", PLAN, *TEST_TABLES, "--format", "html", "-o", str(target)]
    assert runner.invoke(main, [*args, "--fail-on", "never"]).exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "<style" in html and "Not approved" in html
    # nothing a browser would fetch: no linked stylesheets, scripts, images or CSS urls
    assert not re.search(r"<(link|script|img|iframe|object)\b", html, re.IGNORECASE)
    assert not re.search(r"\burl\(|@import|\bsrc=", html, re.IGNORECASE)


def test_html_from_check_equals_the_report_html(tmp_path: Path, runner: CliRunner) -> None:
    checked, reported = tmp_path / "a.html", tmp_path / "b.html"
    runner.invoke(main, ["check", PLAN, *TEST_TABLES, "--format", "html", "-o", str(checked)])
    done = runner.invoke(
        main, ["report", PLAN, *TEST_TABLES, "-o", str(tmp_path / "r.pdf"), "--html", str(reported)]
    )
    assert done.exit_code == 0, done.output
    assert checked.read_bytes() == reported.read_bytes()


@pytest.mark.parametrize(
    ("verdicts", "fail_on", "expected"),
    [
        (["approved_with_conditions"], "information-needed", ExitCode.OK),
        (["approved_with_conditions"], "conditions", ExitCode.VERDICT),
        (["approved", "information_needed"], "information-needed", ExitCode.VERDICT),
        (["information_needed"], "not-approved", ExitCode.OK),
        (["not_approved"], "never", ExitCode.OK),
        ([], "conditions", ExitCode.OK),
    ],
)
def test_fail_on_policy(verdicts: list[str], fail_on: str, expected: ExitCode) -> None:
    assert verdict_exit_code(verdicts, fail_on) == expected  # type: ignore[arg-type]


def test_json_has_one_shape_for_one_file_and_several(runner: CliRunner) -> None:
    vendor = str(EXAMPLES / "crowd-platform-vendor.yaml")
    base = ["check", *TEST_TABLES, "--format", "json", "--fail-on", "never"]
    one = json.loads(runner.invoke(main, [*base, PLAN]).stdout)
    two = json.loads(runner.invoke(main, [*base, PLAN, vendor]).stdout)
    assert list(one) == list(two) == ["schema_version", "assessments"]
    assert one["schema_version"] == two["schema_version"] == 2
    assert one["assessments"] == two["assessments"][:1]
    # scores and the credit are JSON numbers, and the JSON reads back into the same model
    for a in two["assessments"]:
        assert all(
            type(s[key]) in (int, float) for s in a["scores"] for key in ("earned", "possible")
        )
        assert type(a["unverified_credit"]) is float
    document = Assessments.model_validate_json(runner.invoke(main, [*base, PLAN]).stdout)
    assert render_json(document.assessments) == runner.invoke(main, [*base, PLAN]).stdout
    # written one assessment at a time, the document is still pydantic's own, indented
    several = Assessments.model_validate_json(runner.invoke(main, [*base, PLAN, vendor]).stdout)
    for count in (0, 1, 2):
        chosen = several.model_copy(update={"assessments": several.assessments[:count]})
        assert render_json(chosen.assessments) == chosen.model_dump_json(indent=2) + "\n"


def test_identifiers_break_only_after_underscore_slash_or_dot() -> None:
    from sourcing_check.render.templating import breakable

    shown = str(breakable("/project/pay/fee_share_percent <b> is 0.55. Done."))
    assert shown == ("/project/<wbr>pay/<wbr>fee_<wbr>share_<wbr>percent &lt;b&gt; is 0.55. Done.")
    shown = str(breakable("examples/crowd-platform-project.yaml"))
    assert shown == "examples/<wbr>crowd-\u2060platform-\u2060project.yaml"


def _pdf_text(html: str) -> str:
    import weasyprint

    pdf = weasyprint.HTML(string=html).write_pdf()
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_a_file_name_is_never_broken_after_the_dot_of_its_extension() -> None:
    """'vendor.' at the end of a line and 'xlsx' on the next read as two words: a workbook's
    cell, as the wage table and the answers name it, breaks at a '/' or '_' instead."""
    from sourcing_check.render.templating import breakable, stylesheet

    folder = "/srv/suppliers/savanna-trust-and-safety/questionnaires_2026/"
    missing = f"/vendor/pay/rates/0/contracted_hours at {folder}vendor.xlsx:'Pay rates'!K2"
    cell = breakable(f"not computed: {missing}: the hours the monthly pay covers")
    style = f"<style>{stylesheet('report.css')}</style>"
    for width in range(120, 330, 6):
        html = f"{style}<table class='wage' style='width: {width}pt'><tr><td>{cell}</td></tr>"
        shown = _pdf_text(html + "</table>")
        assert "vendor.xlsx:'Pay" in shown, (width, shown)
        assert "questionnaires_2026/" in shown  # still free to break at its slashes


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_a_hyphenated_word_does_not_push_a_line_break_back_to_the_first_word() -> None:
    """At any width a cell's first line is filled up to the word that does not fit: keeping
    'no-fees' whole once broke the line after 'Met' ('Met' / 'as answered, but ...')."""
    import weasyprint

    from sourcing_check.render.templating import breakable

    text = breakable("Met as answered, but the evidence is missing: The vendor's no-fees policy")
    for width in range(200, 290, 4):
        html = (
            "<body style='font-family: DejaVu Sans; font-size: 8pt'>"
            f"<div style='width: {width}pt; overflow-wrap: break-word'>{text}</div></body>"
        )
        pdf = weasyprint.HTML(string=html).write_pdf()
        shown = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        first = shown.strip().splitlines()[0]
        assert first.startswith("Met as answered, but the evidence"), (width, first)
        assert "no-fees" in shown, (width, shown)  # kept whole, and copied without the joiner


def test_markdown_says_not_applicable_for_an_area_without_requirements(
    runner: CliRunner,
) -> None:
    vendor = str(EXAMPLES / "crowd-platform-vendor.yaml")
    md = runner.invoke(main, ["check", vendor, *TEST_TABLES, "--format", "md"]).stdout
    assert "| Wellbeing where content is harmful | not applicable | 0 / 0 |" in md
    assert "| None |" not in md


def test_templates_are_compiled_once_per_process() -> None:
    from sourcing_check.render.templating import environment

    env = environment()
    assert environment() is env and not env.auto_reload
    assert env.get_template("report.html.j2") is env.get_template("report.html.j2")


def test_a_rate_s_citation_reads_inside_a_sentence() -> None:
    # the bundled citations end in a full stop; quoted in the working and the benchmark line
    # they are followed by ", DATE", never by '.,'
    import json

    from click.testing import CliRunner

    from sourcing_check.cli import main
    from tests.conftest import EXAMPLES

    args = ["check", str(EXAMPLES / "crowd-platform-project.yaml"), "--date", "2026-11-24"]
    out = CliRunner().invoke(main, [*args, "--format", "json"]).stdout
    (a,) = json.loads(out)["assessments"]
    lines = a["facts"]["project_wage"]["locations"]
    texts = [s["formula"] for line in lines for s in line["steps"]]
    texts += [line["conversion"]["source"] for line in lines if "conversion" in line]
    assert any("exchange-api" in t for t in texts)
    assert not [t for t in texts if ".," in t or t.endswith(".")]


def test_the_checklist_never_asks_to_answer_what_the_reference_tables_lack(
    tmp_path: Path, runner: CliRunner
) -> None:
    """A supplier read 'Answer: living-wage benchmark for VE: none in the living-wage table',
    which no answer of theirs supplies: the checklist says who adds it; answers stay asked."""
    target = tmp_path / "todo.md"
    vendor = str(EXAMPLES / "crowd-platform-vendor.yaml")
    args = ["check", vendor, *TEST_TABLES, "--format", "checklist-md", "-o", str(target)]
    assert runner.invoke(main, [*args, "--fail-on", "never"]).exit_code == 0
    todo = [line for line in target.read_text().splitlines() if line.startswith("  - To do:")]
    gaps = [line for line in todo if "none in the living-wage table" in line]
    assert len(gaps) == 1, todo
    assert gaps[0].startswith(
        "  - To do: No answer supplies this; whoever runs the check adds it to the reference "
        "tables ('sourcing-check reference list' shows them): living-wage benchmark for VE: "
        "none in the living-wage table"
    )
    asked = "  - To do: Answer: /vendor/conditions/max_hours_per_week (Limit on weekly working "
    assert asked + "hours, including overtime)" in todo
