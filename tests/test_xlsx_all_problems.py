"""A workbook with problems in its layout and in its answers lists them all in one run, each
at its cell, whether it is read on its own or through the plan that names it."""

from __future__ import annotations

import json
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


def test_a_filled_workbook_s_problems_are_listed_top_to_bottom(
    tmp_path: Path, runner: CliRunner
) -> None:
    # a supplier fixes a filled workbook from the first tab down: its problems come in the
    # form's order (sheet, row, column), not in the order of the questionnaire's fields
    book = tmp_path / "vendor.xlsx"
    source = EXAMPLES / "moderation-vendor.yaml"
    assert runner.invoke(main, ["convert", str(source), "-o", str(book)]).exit_code == 0
    filled = open_book(book)
    rates = filled["Pay rates"]
    headings = {cell.value: cell.column_letter for cell in rates[1]}
    rates[f"{headings['Minutes per task']}2"] = "-3"
    rates[f"{headings['Country']}2"] = "Kenya"
    typed = [
        answer(filled, "/communication/response_target_hours", "soon"),
        answer(filled, "/rejection/reasons_given", "maybe"),
        answer(filled, "/pay/fee_share_percent", "=1+1"),  # a formula never saved: on reading
        answer(filled, "/engagement/models", "telepathy"),
    ]
    filled.save(book)
    answers = sorted(typed, key=lambda place: int(place.removeprefix("Answers!C")))
    expected = [*answers, "'Pay rates'!A2", f"'Pay rates'!{headings['Minutes per task']}2"]
    assert answers != typed  # the fields' order is not the sheet's
    shown = runner.invoke(main, ["validate", str(book)]).output
    listed = [line.split(": ")[0] for line in shown.splitlines() if line.startswith(str(book))]
    assert listed == [f"{book}:{place}" for place in expected], shown
    as_json = json.loads(runner.invoke(main, ["validate", str(book), "--format", "json"]).stdout)
    assert [p["place"] for p in as_json["files"][0]["problems"]] == expected
