"""A workbook with problems in its layout and in its answers lists them all in one run, each
at its cell, whether it is read on its own or through the plan that names it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.errors import InputError
from sourcing_check.load.subject import load_input
from tests.conftest import EXAMPLES
from tests.xlsx_helpers import answer, open_book, write_template


def _broken(tmp_path: Path) -> tuple[Path, str, str]:
    """A questionnaire with a sheet of notes added (refused on reading) and a percentage of
    'lots' (refused on validating); the path and the two answers' cells."""
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    answer(book, "/vendor/name", "Acme")
    fee = answer(book, "/pay/fee_share_percent", "lots")
    share = answer(book, "/pay/worker_share_of_client_price_percent", 150)
    book.create_sheet("Notes")["A1"] = "call Amina on Monday"
    book.save(path)
    return path, fee, share


def test_layout_and_answer_problems_are_listed_together(tmp_path: Path) -> None:
    path, fee, share = _broken(tmp_path)
    with pytest.raises(InputError) as caught:
        load_input(path)
    found = {(p.code, p.place, p.pointer) for p in caught.value.problems}
    assert found == {
        ("I112", "Notes", ""),
        ("I203", fee, "/pay/fee_share_percent"),
        ("I203", share, "/pay/worker_share_of_client_price_percent"),
    }


def test_a_refused_cell_is_not_reported_again_as_unanswered(tmp_path: Path) -> None:
    path = write_template(tmp_path / "q.xlsx")
    book = open_book(path)
    name = answer(book, "/vendor/name", '=CONCAT("Ac", "me")')  # a formula never saved
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_input(path)
    assert [(p.code, p.place) for p in caught.value.problems] == [("I113", name)]


def test_a_plan_names_the_cells_of_its_workbook_questionnaire(
    tmp_path: Path, runner: CliRunner
) -> None:
    path, fee, share = _broken(tmp_path)
    plan = tmp_path / "plan.yaml"
    text = (EXAMPLES / "well-run-project.yaml").read_text(encoding="utf-8")
    plan.write_text(
        text.replace("vendor_questionnaire: well-run-vendor.yaml", "vendor_questionnaire: q.xlsx")
    )
    result = runner.invoke(main, ["validate", str(plan)])
    assert result.exit_code == 2
    shown = result.output
    for place in ("Notes", fee, share):
        assert f"{path}:{place}: " in shown, shown
    assert "I301" not in shown
