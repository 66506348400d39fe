"""docs/guidelines.md is generated from the YAML and must not drift from it."""

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
