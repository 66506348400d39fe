"""docs/guidelines.md is generated from the YAML and must not drift from it; docs/sources.md
covers every source."""

from __future__ import annotations

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
