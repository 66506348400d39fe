"""docs/guidelines.md is generated from the YAML and must not drift from it; docs/sources.md
covers every source."""

from __future__ import annotations

import re

from sourcing_check.render.catalogue import render_catalogue
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import load_framework
from tests.conftest import ROOT


def test_catalogue_is_up_to_date() -> None:
    expected = render_catalogue(load_framework(default_framework_dir()))
    current = (ROOT / "docs" / "guidelines.md").read_text(encoding="utf-8")
    assert current == expected, (
        "docs/guidelines.md is out of date: run "
        "'sourcing-check guidelines docs -o docs/guidelines.md'"
    )


def test_sources_page_accounts_for_every_source() -> None:
    """docs/sources.md says, for each declared source, what we cite it for and what we read."""
    framework = load_framework(default_framework_dir())
    page = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in page.splitlines() if line.startswith("| ")}
    for key in framework.meta.sources:
        assert key in rows, f"docs/sources.md has no row for source {key}"
        assert any(word in rows[key] for word in ("**Read", "**Partly read", "**Not read")), key
    cited = {rule.requirement.source.document for rule in framework.rules}
    assert cited <= set(framework.meta.sources)


def _sources_rows() -> dict[str, list[str]]:
    page = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    return {
        cells[1].strip(): cells
        for cells in (line.split("|") for line in page.splitlines() if line.startswith("| "))
    }


def test_a_text_basis_is_claimed_only_where_sources_md_says_the_text_was_read() -> None:
    """Each requirement cited with basis: text is starred in its source's row of sources.md,
    each starred one is cited so, and a source we did not read backs no text claim."""
    framework = load_framework(default_framework_dir())
    rows = _sources_rows()
    prefix = "PAI-"
    cited_as_text = {
        (rule.requirement.source.document, rule.requirement.id.removeprefix(prefix))
        for rule in framework.rules
        if rule.requirement.source.basis == "text"
    }
    starred = {
        (key, number)
        for key, cells in rows.items()
        for number in re.findall(r"(\d+\.\d+)\\\*", cells[3])
    }
    assert cited_as_text == starred
    for key, _ in cited_as_text:
        assert "**Not read**" not in rows[key][4], key


def test_the_sources_issue_10_corrected_stay_corrected() -> None:
    """PAI-3.6 does not cite the DeepMind case study; 3.7 cites the Forced Labour Convention;
    7.2 the convention for commerce and offices; claims the cited text lacks are ours."""
    rules = {r.requirement.id: r.requirement for r in load_framework(default_framework_dir()).rules}
    assert rules["PAI-3.6"].source.document != "PAI-DM"
    assert rules["PAI-3.7"].source.document == "ILO-C29"
    assert rules["PAI-7.2"].source.document == "ILO-C30"
    for rid in ("PAI-1.3", "PAI-1.7", "PAI-1.8", "PAI-9.9", "PAI-1.20"):
        assert rules[rid].source.basis == "operationalisation", rid
    for rid in ("PAI-4.2", "PAI-4.3", "PAI-4.4", "PAI-4.5", "PAI-4.6", "PAI-4.7", "PAI-4.8"):
        assert rules[rid].source.document == "PAI-GIC", rid
        assert rules[rid].source.basis == "operationalisation", rid


def test_the_citations_the_s9_audit_corrected_stay_corrected() -> None:
    """A rule asking more than its cited text says is no 'text' claim (1.5 asks the p75 time;
    5.3 and 5.10 a way to reach the requester); 1.11 cites guideline 1, not the unread
    transparency template; 9.9-9.11 cite the case study's per-project review, not its passage on
    how the policies were developed."""
    rules = {r.requirement.id: r.requirement for r in load_framework(default_framework_dir()).rules}
    for rid in ("PAI-1.5", "PAI-5.3", "PAI-5.10"):
        assert rules[rid].source.basis == "operationalisation", rid
    assert (rules["PAI-1.11"].source.document, rules["PAI-1.11"].source.section) == (
        rules["PAI-1.18"].source.document,
        rules["PAI-1.18"].source.section,
    )
    for rid in ("PAI-9.9", "PAI-9.10", "PAI-9.11"):
        assert rules[rid].source.document == "PAI-DM", rid
        assert "human-data review" in rules[rid].source.section, rid
        assert "rolled out" not in rules[rid].source.section, rid


def test_guidelines_show_prints_each_predicate_as_json() -> None:
    import json

    from click.testing import CliRunner

    from sourcing_check.cli import main

    out = CliRunner().invoke(main, ["guidelines", "show", "PAI-1.1"]).stdout
    check = next(line for line in out.splitlines() if line.startswith("Check: "))
    assert json.loads(check.removeprefix("Check: ")) == {
        "/facts/project_wage/lowest_ratio": {"minimum": 1},
        "/facts/project_wage/shortfalls": {"maxItems": 0},
    }


def test_readme_counts_the_bundled_requirements() -> None:
    """'What is checked' in README.md gives the number 'guidelines list' prints."""
    count = len(load_framework(default_framework_dir()).rules)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = re.findall(r"(\d+) requirements, each with its level", readme.replace("\n", " "))
    assert said == [str(count)], f"README.md says {said} requirements; the framework has {count}"
