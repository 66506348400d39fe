"""'init decision --from': an earlier decision carried forward to new answers, on the board
example (decided on the well-run project, carried to the revised one)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from click.testing import CliRunner

from sourcing_check.cli import main
from tests.conftest import EXAMPLES
from tests.test_decisions import BOARD, PROFILE, WITH_PROFILE, assessed

REVISED = EXAMPLES / "revised" / "well-run-project.yaml"
FEBRUARY = dt.date(2027, 2, 1)


def carried(runner: CliRunner, tmp_path: Path, old: Path = BOARD) -> Path:
    """The decision file made for the revised answers from ``old``."""
    target = tmp_path / "february.yaml"
    args = ["init", "decision", str(REVISED), "--date", "2027-02-01", *WITH_PROFILE]
    result = runner.invoke(main, [*args, "--from", str(old), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def uncomment_waiver(text: str, requirement: str) -> str:
    """The commented waiver of ``requirement`` made YAML again, as a board member would."""
    lines = text.splitlines()
    start = lines.index(f"  # - requirement: {requirement}")
    for i in range(start, start + 7):
        lines[i] = lines[i][:2] + lines[i][4:]
    return "\n".join(lines) + "\n"


def test_the_new_file_names_the_new_inputs_and_keeps_the_open_conditions(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = yaml.safe_load(carried(runner, tmp_path).read_text())
    now = assessed(REVISED, None, FEBRUARY)
    inputs = {(f.role, f.sha256) for f in now.files if f.role != "profile"}
    assert {(f["role"], f["sha256"]) for f in data["subject"]["files"]} <= inputs
    assert data["subject"]["assessment_date"] == "2027-02-01"
    # C1 (PAI-1.3 still fails) and the free-text C3 are kept, owner, due and status as decided
    old = {c["id"]: c for c in yaml.safe_load(BOARD.read_text())["conditions"]}
    assert [c["id"] for c in data["conditions"]] == ["C1", "C3"]
    for condition in data["conditions"]:
        for key in ("owner", "due", "status", "text"):
            assert condition[key] == old[condition["id"]][key]
    assert data["conditions"][0]["requirements"] == ["PAI-1.3"]
    # no waiver in force, and no sign-off carried
    assert data["waivers"] is None and data["signoff"] is None


def test_resolved_and_carried_items_are_named_and_new_ids_do_not_clash(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = carried(runner, tmp_path).read_text()
    # C2 asked for the transparency report (PAI-9.7), which now passes
    assert "#   condition C2: now PAI-9.7 pass" in text
    for rid in ("PAI-1.4", "PAI-9.8"):  # still open: carried, out of force
        assert f"  # - requirement: {rid}" in text
    assert "NOT IN FORCE" in text
    assert "earlier approval, not carried: Prof. Amara Okafor" in text
    flat = " ".join(text.replace("#", " ").split())  # comments wrap where the path ends
    assert "(3 reviewer(s)) is not carried forward: the board signs this decision afresh" in flat
    # the other open requirements are offered as conditions with ids the old file did not use
    assert "  # - id: C4\n  #   requirements: [PAI-1.1]" in text
    assert "  # - id: C5\n  #   requirements: [PAI-1.2]" in text
    assert "[PAI-1.3]\n  #" not in text and "#   requirements: [PAI-1.4]" not in text


def test_the_carried_decision_is_current_and_waives_nothing_as_written(
    runner: CliRunner, tmp_path: Path
) -> None:
    a = assessed(REVISED, carried(runner, tmp_path), FEBRUARY)
    assert a.decision is not None and not a.decision.stale and not a.decision.waivers
    assert [(c.id, c.overdue) for c in a.decision.conditions] == [("C1", True), ("C3", True)]
    assert a.overall.score == assessed(REVISED, None, FEBRUARY).overall.score  # nothing waived


def test_a_carried_waiver_uncommented_without_a_fresh_approval_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = carried(runner, tmp_path)
    path.write_text(uncomment_waiver(path.read_text(), "PAI-1.4"))
    args = ["check", str(REVISED), "--date", "2027-02-01", *WITH_PROFILE, "--decision", str(path)]
    result = runner.invoke(main, args)
    assert result.exit_code == 2 and not result.stdout
    for field in ("/waivers/0/approvers/0/name", "/waivers/0/granted", "/waivers/0/expires"):
        assert "D103" in result.stderr and f"[{field}]" in result.stderr
    # approved again, with a new approver and dates, it applies
    fresh = path.read_text().replace(
        '    approvers:\n      - {name: "", role: ""}\n    granted: ""\n    expires: ""',
        "    approvers:\n      - {name: Dr. Samuel Reyes, role: Ethics officer}\n"
        '    granted: "2027-02-03"\n    expires: "2027-05-31"',
    )
    path.write_text(fresh)
    (waiver,) = assessed(REVISED, path, FEBRUARY).decision.waivers  # type: ignore[union-attr]
    assert (waiver.requirement, waiver.state, waiver.granted) == ("PAI-1.4", "active", "2027-02-03")


def test_a_waiver_of_a_requirement_now_met_is_resolved_not_carried(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = yaml.safe_load(BOARD.read_text())
    data["waivers"][1]["requirement"] = "PAI-9.7"  # the transparency report, now published
    old = tmp_path / "old.yaml"
    old.write_text(yaml.safe_dump(data, sort_keys=False))
    text = carried(runner, tmp_path, old).read_text()
    assert "#   waiver of PAI-9.7: now pass" in text
    assert "# - requirement: PAI-9.7" not in text


def test_from_needs_a_valid_decision_and_belongs_to_init_decision(
    runner: CliRunner, tmp_path: Path
) -> None:
    broken = tmp_path / "old.yaml"
    broken.write_text(BOARD.read_text().replace("  - id: C2", "  - ident: C2"))
    target = tmp_path / "new.yaml"
    args = ["init", "decision", str(REVISED), "--date", "2027-02-01", *WITH_PROFILE]
    result = runner.invoke(main, [*args, "--from", str(broken), "-o", str(target)])
    assert (
        result.exit_code == 2
        and "D101" in result.stderr
        and "[/conditions/1/ident]" in (result.stderr)
    )
    assert not target.exists()
    result = runner.invoke(main, ["init", "vendor", "--from", str(BOARD), "-o", str(target)])
    assert result.exit_code == 2 and not target.exists()
    assert PROFILE.exists()


def test_from_an_assessment_made_with_the_decision_the_same_items_are_carried(
    runner: CliRunner, tmp_path: Path
) -> None:
    # the JSON of 'check --decision' holds waived findings and overdue conditions as findings
    given = tmp_path / "february.json"
    args = ["check", str(REVISED), "--date", "2027-02-01", *WITH_PROFILE, "--decision", str(BOARD)]
    runner.invoke(main, [*args, "--format", "json", "-o", str(given)])
    target = tmp_path / "from-json.yaml"
    result = runner.invoke(
        main, ["init", "decision", str(given), "--from", str(BOARD), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    text = target.read_text()
    from_inputs = carried(runner, tmp_path).read_text()
    assert text.split("kind: decision")[1] == from_inputs.split("kind: decision")[1]
    assert "requirements: [C1]" not in text  # an overdue condition is not a requirement


def test_a_condition_loses_the_requirements_no_longer_assessed(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = yaml.safe_load(BOARD.read_text())
    data["conditions"][0]["requirements"] = ["PAI-1.3", "ORG-9.9"]  # a profile's, since left out
    old = tmp_path / "old.yaml"
    old.write_text(yaml.safe_dump(data, sort_keys=False))
    path = carried(runner, tmp_path, old)
    assert "#   condition C1: ORG-9.9 no longer assessed" in path.read_text()
    c1 = yaml.safe_load(path.read_text())["conditions"][0]
    assert c1["requirements"] == ["PAI-1.3"]
    assert assessed(REVISED, path, FEBRUARY).decision is not None  # valid: no D206
