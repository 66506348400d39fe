"""Hostile inputs (issue 13): every one is a located problem (exit 2), never a crash or hang."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.errors import InputError
from sourcing_check.facts.money import fixed, money, percent, q
from sourcing_check.forms.schemas import named_schema
from sourcing_check.load.subject import load_subject
from sourcing_check.models.results import Assessment
from sourcing_check.models.text import CONTROL
from sourcing_check.render import RENDERERS
from sourcing_check.render.escaping import escape_md, spreadsheet_cell
from sourcing_check.render.html import HEADER_CHARS
from sourcing_check.run import Settings, run
from tests.conftest import ROOT, TEST_TABLES

VENDOR = "kind: vendor-questionnaire\nschema_version: 1\nvendor:\n  name: V\n"
HUGE = "9" * 4301


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("int.yaml", VENDOR + f"pay:\n  fee_share_percent: {HUGE}\n", ":6:3: I203 "),
        ("neg.yaml", VENDOR + f"pay:\n  fee_share_percent: -{HUGE}\n", ":6:3: I203 "),
        (
            "year.yaml",
            VENDOR + f"pay:\n  living_wage_benchmark: {{year: {HUGE}}}\n",
            ":6:27: I203 ",
        ),
        ("exp.yaml", VENDOR + "pay:\n  fee_share_percent: 1e-99999999999999999999\n", ":6:3: "),
        (
            "int.json",
            '{"kind": "vendor-questionnaire", "schema_version": 1, "vendor": {"name": "V"},\n'
            f' "pay": {{"fee_share_percent": {HUGE}}}}}\n',
            ":2:10: I203 ",
        ),
        (
            "exp.json",
            '{"kind": "vendor-questionnaire", "schema_version": 1, "vendor": {"name": "V"},\n'
            ' "pay": {"fee_share_percent": 1e-99999999999999999999}}\n',
            ":2:10: I203 ",
        ),
    ],
)
@pytest.mark.parametrize("command", ["validate", "check"])
def test_huge_numbers_are_located_problems(
    tmp_path: Path, runner: CliRunner, name: str, text: str, where: str, command: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    options = TEST_TABLES if command == "check" else []
    result = runner.invoke(main, [command, str(path), *options])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"{path}{where}"), result.stderr


PLAN = """\
kind: project-plan
schema_version: 1
project: {name: P}
workers: {locations: [{country: KE}]}
rejection: {rejected_work_paid: always}
pay:
  fee_share_percent: 0
  unpaid_minutes_per_task: 0
  unpaid_hours_per_period: 0
"""


@pytest.mark.parametrize(
    ("pay", "line"),
    [
        (
            "  model: per_task\n  rate: {amount: 1, currency: KES, period: task}\n"
            "  minutes_per_task: 1e-30\n",
            12,
        ),
        (
            "  model: salaried\n  rate: {amount: 1, currency: KES, period: month}\n"
            "  contracted_hours_per_period: 1e-30\n",
            12,
        ),
        (
            "  model: per_task\n  rate: {amount: 1, currency: KES, period: task}\n"
            "  minutes_per_task: 2\n  tasks_per_worker: 1e-30\n"
            "  qualification: {minutes: 5, paid: false}\n",
            13,
        ),
    ],
)
@pytest.mark.parametrize("command", ["validate", "check"])
def test_tiny_divisors_are_refused(
    tmp_path: Path, runner: CliRunner, pay: str, line: int, command: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN + pay)
    options = TEST_TABLES if command == "check" else []
    result = runner.invoke(main, [command, str(path), *options])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"{path}:{line}:3: I203 Input should be greater than or equal")


def _plan_naming(directory: Path, named: str) -> Path:
    plan = directory / "plan.yaml"
    plan.write_text(
        "kind: project-plan\nschema_version: 1\nproject: {name: P}\n"
        f"sourcing:\n  vendor_questionnaire: {json.dumps(named)}\n"
    )
    return plan


def _validate(*args: str) -> subprocess.CompletedProcess[str]:
    """Run 'validate' in a real process, bounded in time: a hang fails the test."""
    command = [sys.executable, "-m", "sourcing_check", "validate", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


@pytest.mark.parametrize(
    ("named", "code"),
    [
        ("v" * 5000 + ".yaml", "I203"),
        ("/dev/zero", "I302"),
        ("../../../../../../etc/passwd", "I302"),
        ("", "I303"),
        ("sub", "I303"),
        ("fifo.yaml", "I303"),
        ("big.yaml", "I301"),
        ("link.yaml", "I302"),
        ("gone.yaml", "I301"),
    ],
)
def test_a_path_a_plan_names_is_refused_at_the_plan_line(
    tmp_path: Path, named: str, code: str
) -> None:
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "big.yaml").write_text(VENDOR + "#" * (6 * 1024 * 1024))
    (tmp_path / "link.yaml").symlink_to("/etc/hostname")
    plan = _plan_naming(tmp_path, named)
    done = _validate(str(plan))
    assert done.returncode == 2, done.stderr
    first = done.stderr.splitlines()[0]
    assert first.startswith(f"{plan}:5:3: {code} "), first
    assert first.endswith("[/sourcing/vendor_questionnaire]")
    assert len(first) < 400


def test_a_nul_in_the_path_is_refused_at_the_plan_line(tmp_path: Path) -> None:
    plan = _plan_naming(tmp_path, "v.yaml\0x")
    done = _validate(str(plan))
    assert done.returncode == 2
    assert done.stderr.startswith(f"{plan}:5:")
    assert "[/sourcing/vendor_questionnaire]" in done.stderr.splitlines()[0]


def test_outside_names_the_flag_and_the_flag_allows_it(tmp_path: Path) -> None:
    (tmp_path / "vendors").mkdir()
    (tmp_path / "vendors" / "v.yaml").write_text(VENDOR)
    (tmp_path / "plans").mkdir()
    plan = _plan_naming(tmp_path / "plans", "../vendors/v.yaml")
    done = _validate(str(plan))
    assert done.returncode == 2
    assert "outside the plan's directory" in done.stderr
    assert "--allow-outside" in done.stderr
    assert _validate(str(plan), "--allow-outside", str(tmp_path / "vendors")).returncode == 0
    allowed = _validate(str(plan), "--allow-outside", str(tmp_path / "vendors" / "v.yaml"))
    assert allowed.returncode == 0
    assert _validate(str(plan), "--allow-outside", str(tmp_path / "plans")).returncode == 2


def test_the_core_never_names_the_flag(tmp_path: Path) -> None:
    plan = _plan_naming(tmp_path, "/dev/zero")
    with pytest.raises(InputError) as caught:
        load_subject(plan)
    assert "--" not in caught.value.problems[0].format()


@pytest.mark.parametrize("command", ["check", "report", "compare"])
def test_assessing_commands_take_allow_outside(
    tmp_path: Path, runner: CliRunner, command: str
) -> None:
    (tmp_path / "v.yaml").write_text(VENDOR)
    (tmp_path / "plans").mkdir()
    plan = _plan_naming(tmp_path / "plans", "../v.yaml")
    args = [command, str(plan), *TEST_TABLES]
    args += {"report": ["-o", str(tmp_path / "r.pdf")], "compare": [str(plan)]}.get(command, [])
    refused = runner.invoke(main, args)
    assert refused.exit_code == 2 and " I302 " in refused.stderr
    assert "--allow-outside" in refused.stderr
    if command == "check":
        allowed = runner.invoke(
            main, [*args, "--allow-outside", str(tmp_path), "--fail-on", "never"]
        )
        assert allowed.exit_code == 0, allowed.output


@pytest.mark.parametrize(
    ("name", "text"), [("empty.yaml", ""), ("comments.yaml", "# nothing\n"), ("blank.yaml", "\n\n")]
)
def test_an_empty_file_is_located(tmp_path: Path, runner: CliRunner, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:1: I114 the file ")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("N" * 100_000, "String should have at most 200 characters"),
        ('"\\x01\\x1b[31m\\x00"', "control character U+0001 at character 1"),
        ('"ok\\u009bname"', "control character U+009B at character 3"),
    ],
)
def test_long_or_control_text_is_refused_where_it_is(
    tmp_path: Path, runner: CliRunner, value: str, message: str
) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(f"kind: vendor-questionnaire\nschema_version: 1\nvendor:\n  name: {value}\n")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:4:3: I203 "), result.stderr
    assert message in result.stderr
    assert "\x1b" not in result.stderr and "\x00" not in result.stderr
    assert len(result.stderr) < 1000


def test_tab_and_newline_are_allowed_in_text(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(VENDOR + '  comment: "one\\ttwo\\nthree"\n')
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0


@pytest.mark.parametrize("name", ["vendor", "project"])
def test_every_text_field_is_bounded_and_plain(name: str) -> None:
    schema = named_schema(name)
    for definition in [schema, *schema["$defs"].values()]:
        for field, spec in definition.get("properties", {}).items():
            for part in [spec, spec.get("items", {}), *spec.get("anyOf", [])]:
                if part.get("type") == "string" and not {"enum", "const", "format"} & set(part):
                    assert "maxLength" in part, f"{definition['title']}.{field}"
                    assert part.get("pattern", "").startswith("^[^\\x00"), field


def test_user_text_is_escaped_in_every_echo() -> None:
    hostile = "Evil\x1b[31m\x07 Co\x9b"
    a = _assessment_named(hostile)
    for fmt in ["text", "md", "checklist-md", "checklist-csv"]:
        out = RENDERERS[fmt].render([a])
        assert isinstance(out, str)
        assert not CONTROL.search(out), fmt
        assert "\\x1b" in out, fmt
    assert escape_md("a\x00b") == "a\\\\x00b"
    assert spreadsheet_cell("=\x01") == "'=\\x01"


def _assessment_named(vendor: str, path: str = "examples/well-run-vendor.yaml") -> Assessment:
    batch = run([ROOT / path], Settings(date=dt.date(2026, 11, 24)))
    a = batch.assessments[0]
    return a.model_copy(update={"subject": {**a.subject, "vendor": vendor}})


def test_the_running_header_is_cut_with_an_ellipsis() -> None:
    html = RENDERERS["html"].render([_assessment_named("Name " * 20_000)])
    assert isinstance(html, str)
    header = re.search(r'<h1 data-header="([^"]*)"', html)
    assert header is not None
    assert len(header.group(1)) <= HEADER_CHARS and header.group(1).endswith("…")
    assert "string-set: subject attr(data-header)" in html


def test_a_100000_character_name_renders_a_pdf_in_seconds(tmp_path: Path) -> None:
    script = (
        "import sys; from tests.test_hostile import _assessment_named;"
        "from sourcing_check.render import RENDERERS;"
        "sys.stdout.write(str(len(RENDERERS['pdf'].render([_assessment_named('W' * 100_000)]))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 10_000


#: The refusal of an output named as a file of another format, which comes first: the input
#: is as safe, and nothing is read.
NOT_WRITTEN = {
    "check": "check does not write .yaml files",
    "report": "report does not write .yaml files",
    "compare": "compare does not write .yaml files",
}


@pytest.mark.parametrize(
    "outputs",
    [
        ["check", "{v}", "-o", "{v}"],
        ["check", "{v}", "--format", "md", "-o", "{link}"],
        ["check", "{plan}", "-o", "{v}"],
        ["report", "{v}", "-o", "{v}"],
        ["report", "{plan}", "-o", "{tmp}/r.pdf", "--checklist", "{v_md}"],
        ["report", "{v}", "-o", "{tmp}/r.pdf", "--html", "{tmp}/r.md", "--checklist", "{tmp}/r.md"],
        ["compare", "{v}", "{plan}", "-o", "{plan}"],
        ["check", "{v_md}", "--format", "md", "-o", "{v_md}"],
        ["check", "{plan}", "--format", "md", "-o", "{v_md}"],
    ],
)
def test_an_output_that_is_an_input_is_refused(
    tmp_path: Path, runner: CliRunner, outputs: list[str]
) -> None:
    vendor = tmp_path / "v.yaml"
    vendor.write_text(VENDOR)
    (tmp_path / "v.md").write_text(VENDOR)
    (tmp_path / "r.md").write_text("old")
    os.link(vendor, tmp_path / "hard.yaml")
    plan = _plan_naming(tmp_path, "v.md" if "{v_md}" in outputs else "v.yaml")
    if "{v_md}" in outputs:
        (tmp_path / "v.md").write_text(VENDOR)
    names = {
        "v": str(vendor),
        "link": str(tmp_path / "hard.yaml"),
        "plan": str(plan),
        "tmp": str(tmp_path),
        "v_md": str(tmp_path / "v.md"),
    }
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = runner.invoke(main, [*(a.format(**names) for a in outputs), *TEST_TABLES])
    assert result.exit_code == 2, result.output
    named_yaml = outputs[outputs.index("-o") + 1] in ("{v}", "{link}", "{plan}")
    if named_yaml and "--format" not in outputs:
        assert NOT_WRITTEN[outputs[0]] in result.stderr
    elif named_yaml:
        assert "hard.yaml is named as a .yaml file, but --format is md" in result.stderr
    else:
        assert "refusing to overwrite it" in result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_stale_temporary_files_are_removed_by_the_next_write(
    tmp_path: Path, runner: CliRunner
) -> None:
    vendor = tmp_path / "v.yaml"
    vendor.write_text(VENDOR)
    stale = tmp_path / ".sourcing-check.out.txt.k1ll3d.tmp"
    fresh = tmp_path / ".sourcing-check.out.txt.wr1t1ng.tmp"
    theirs = tmp_path / ".out.txt.other.tmp"
    for path in (stale, fresh, theirs):
        path.write_text("partial")
    two_hours_ago = time.time() - 7200
    for path in (stale, theirs):
        os.utime(path, (two_hours_ago, two_hours_ago))
    result = runner.invoke(
        main, ["check", str(vendor), "-o", str(tmp_path / "out.txt"), "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert fresh.exists() and theirs.exists()
    assert (tmp_path / "out.txt").exists()
    leftovers = sorted(p.name for p in tmp_path.glob(".*.tmp"))
    assert leftovers == [theirs.name, fresh.name]


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        (
            "raw.yaml",
            VENDOR + "  comment: x\x01y\n",
            ":5:13: I104 the file holds the character U+0001",
        ),
        (
            "wide.yaml",
            VENDOR + "  comment: éé\x1b\n",
            ":5:14: I104 the file holds the character U+001B",
        ),
        ("quoted.yaml", VENDOR + '  comment: "\x00"\n', ":5:13: I104 "),
        ("deep.json", "\n  " + "[" * 1000 + "]" * 1000, ":2:67: I105 "),
        ("deep2.json", '{"a": "[[[[", "b":' + "[" * 3000 + "]" * 3000 + "}", ":1:82: I105 "),
    ],
)
def test_every_problem_with_a_position_has_it(
    tmp_path: Path, runner: CliRunner, name: str, text: str, where: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}{where}"), result.stderr


#: The most extreme valid row: the least amount over the most hours a period holds (a leap year).
EXTREME_TABLE = """\
kind: living-wage-table
schema_version: 1
title: extreme but valid
entries:
  - {id: ke, country: KE, amount: 0.000001, currency: KES, period: year,
     hours_per_period: 8784, hours_basis: t, household_basis: t,
     gross_or_net: gross, year: 2025, publisher: t, source_title: t,
     source_url: https://example.invalid/ke}
"""


@pytest.mark.parametrize("fmt", ["text", "json", "md", "html", "checklist-md", "checklist-csv"])
def test_extreme_valid_figures_are_assessed(tmp_path: Path, runner: CliRunner, fmt: str) -> None:
    table = tmp_path / "lw.yaml"
    table.write_text(EXTREME_TABLE)
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PLAN + "  model: per_task\n  rate: {amount: 999999999999999, currency: KES, period: task}\n"
        "  minutes_per_task: 0.01\n"
    )
    options = ["--living-wages", str(table), "--date", "2026-11-24", "--format", fmt]
    result = runner.invoke(main, ["check", str(plan), *options, "--fail-on", "never"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "value", ["1e60", "-1e60", "1e-999999", "NaN", "-Infinity", "sNaN", "0", "0.00005", "1e999"]
)
def test_money_formatting_is_total(value: str) -> None:
    number = Decimal(value)
    for up in (False, True):
        assert money(number, "USD", up=up).startswith("USD ")
    assert isinstance(percent(number), str)
    assert isinstance(fixed(number, "0.0001"), str)
    assert isinstance(q(number), Decimal)
    assert len(money(number, "USD")) < 60


def test_a_vanishingly_small_number_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(VENDOR + "pay:\n  fee_share_percent: 1e-999999\n")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:6:3: I203 Input should be 0 or at least 10^-30")


def test_the_pdf_title_is_plain_and_short(monkeypatch: pytest.MonkeyPatch) -> None:
    from sourcing_check.render import pdf

    seen: dict[str, object] = {}
    monkeypatch.setattr(pdf, "render_pdf", lambda html, **options: seen.update(options) or b"")
    pdf.render_report([_assessment_named("Evil\x1b[31m Co " * 100)])
    title = seen["title"]
    assert isinstance(title, str) and len(title) <= pdf.TITLE_CHARS
    assert not CONTROL.search(title) and "\\x1b" in title
