"""Structure-aware fuzzing of load -> validate -> check -> every renderer but the PDF.

A mutant is a seed document (an example, or a requirement case merged over a minimal
document) with a few edits: keys deleted, nulls, wrong types, huge, tiny and negative
numbers, long and control-character strings, duplicated keys, and byte-level edits of the
serialised text. Each must end as located problems (exit 2) or a complete assessment that
every renderer can show; anything else is a crash.

    python -m tests.fuzzing [SECONDS] [SEED]    # the 'make fuzz' loop; crashes are saved
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import sys
import time
import traceback
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from sourcing_check.assess import assess
from sourcing_check.load.documents import read_document
from sourcing_check.render import RENDERERS
from sourcing_check.run import Settings, load_all, load_context
from tests.conftest import DATA, EXAMPLES

CASES = Path(__file__).resolve().parent / "cases"
CRASHES = DATA / "crashes"
#: Problems that have no place in a file: the file itself cannot be read.
UNPLACED = {"I101"}
OPS = (
    "delete",
    "null",
    "wrong_type",
    "number",
    "string",
    "nasty_text",
    "edge_number",
    "duplicate_key",
    "bytes",
)
#: Valid but awkward text, put where text is: it must be assessed and rendered safely.
NASTY = [
    "</td><script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "- [ ] **not** a `task` | col | #1",
    "\u202eevil\u202c and \U0001f600 and \u0301",
    "line one\nline two\ttabbed",
    "W" * 200,
    "{{ 7 * 7 }} {% raw %}",
    "%s %d {0} $(whoami)",
]
#: Valid but extreme numbers, put where numbers are.
EDGE = ["0", "0.01", "1", "100", "999999999999999", "0.000001", "1e-30", "12.3456789"]
NUMBERS = [
    "9" * 4301,
    "-" + "9" * 5000,
    "1e-30",
    "1e-999999",
    "1e999999999",
    "1e-99999999999999999999",
    "-1",
    "0",
    "-0.0",
    "1e15",
    "999999999999999.999999",
    "0.01",
    "NaN",
    ".inf",
]
STRINGS = [
    "N" * 100_000,
    "\x01\x1b[31m\x00",
    "ok\u009bname",
    "",
    " ",
    "../../../../etc/passwd",
    "/dev/zero",
    "v" * 5000,
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "# [x] **bold** | pipe",
    "\u202eevil",
    "2026-02-30",
    "yes",
]
WRONG = [[], {}, True, "text", 3, [None], {"x": 1}]


@cache
def seeds() -> list[tuple[str, dict[str, Any]]]:
    """The seed corpus: every example, and every requirement case as a whole document."""
    found = [(p.name, read_document(p).data) for p in sorted(EXAMPLES.glob("*.yaml"))]
    for path in sorted(CASES.glob("*.yaml")):
        for index, case in enumerate(read_document(path).data["cases"]):
            for role, kind, head in (
                ("vendor", "vendor-questionnaire", {"vendor": {"name": "Case vendor"}}),
                ("project", "project-plan", {"project": {"name": "Case project"}}),
            ):
                if role in case:
                    body = {"kind": kind, "schema_version": 1, **head, **(case[role] or {})}
                    found.append((f"{path.stem}-{index}-{role}.yaml", body))
    return found


def _paths(data: Any, pointer: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the data: (key, key, ...) from the top."""
    places = [pointer]
    if isinstance(data, dict):
        for key, value in data.items():
            places += _paths(value, (*pointer, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            places += _paths(value, (*pointer, index))
    return places


def _set(data: Any, place: tuple[Any, ...], value: Any, *, delete: bool = False) -> Any:
    if not place:
        return value
    parent = data
    for key in place[:-1]:
        parent = parent[key]
    if delete:
        del parent[place[-1]]
    else:
        parent[place[-1]] = value
    return data


class _Raw:
    """A number written exactly as given (JSON cannot hold 1e999999999 as a float)."""

    def __init__(self, text: str) -> None:
        self.text = text


def _copy(value: Any) -> Any:
    """A deep copy with exact numbers kept exact."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return _Raw(str(value)) if isinstance(value, Decimal) else value


def mutate(data: Any, edits: Sequence[tuple[str, int, int]]) -> tuple[Any, list[str]]:
    """Apply structural edits; return the data and the text edits to make after writing."""
    data = _copy(data)
    later: list[str] = []
    for op, where, what in edits:
        places = _paths(data)
        place = places[where % len(places)]
        if op == "delete" and place:
            data = _set(data, place, None, delete=True)
        elif op == "null":
            data = _set(data, place, None)
        elif op == "wrong_type":
            data = _set(data, place, copy.deepcopy(WRONG[what % len(WRONG)]))
        elif op == "number":
            data = _set(data, place, _Raw(NUMBERS[what % len(NUMBERS)]))
        elif op == "string":
            data = _set(data, place, STRINGS[what % len(STRINGS)])
        elif op in ("nasty_text", "edge_number"):
            data = _retype(data, places, op, where, what)
        else:
            later.append(f"{op}:{where}:{what}")
    return data, later


def _retype(data: Any, places: list[tuple[Any, ...]], op: str, where: int, what: int) -> Any:
    """Replace a text (or a number) with a valid but awkward one of the same type."""
    text = op == "nasty_text"
    fitting = [
        place
        for place in places
        if place
        and isinstance(_get(data, place), str if text else _Raw | int)
        and not isinstance(_get(data, place), bool)
    ]
    if not fitting:
        return data
    place = fitting[where % len(fitting)]
    value = NASTY[what % len(NASTY)] if text else _Raw(EDGE[what % len(EDGE)])
    return _set(data, place, value)


def _get(data: Any, place: tuple[Any, ...]) -> Any:
    for key in place:
        data = data[key]
    return data


def serialise(data: Any, later: Sequence[str], as_json: bool) -> bytes:
    """The mutant as JSON (also read as YAML), with duplicate keys and byte edits applied."""
    raw: list[str] = []

    def default(value: Any) -> str:
        if isinstance(value, _Raw):
            raw.append(value.text)
            return f"@@RAW{len(raw) - 1}@@"
        return str(value)

    text = json.dumps(data, default=default, indent=None if as_json else 1, ensure_ascii=False)
    for index, number in enumerate(raw):
        text = text.replace(f'"@@RAW{index}@@"', number)
    blob = text.encode("utf-8")
    for edit in later:
        op, where, what = edit.split(":")
        blob = _edit_bytes(blob, op, int(where), int(what))
    return blob


def _edit_bytes(blob: bytes, op: str, where: int, what: int) -> bytes:
    if op == "duplicate_key":
        at = blob.find(b"{", where % max(len(blob), 1))
        at = blob.find(b"{") if at < 0 else at
        return blob[: at + 1] + b'"kind": "project-plan", ' + blob[at + 1 :] if at >= 0 else blob
    if not blob:
        return bytes([what % 256])
    at = where % len(blob)
    kind = what % 5
    if kind == 0:
        return blob[:at] + bytes([what % 256]) + blob[at:]
    if kind == 1:
        return blob[:at] + blob[at + 1 + what % 8 :]
    if kind == 2:
        return blob[:at] + bytes([(blob[at] ^ (1 << (what % 8))) or 1]) + blob[at + 1 :]
    if kind == 3:
        return blob[:at]
    return blob[:at] + b"\x00\xff\xfe" + blob[at:]


class Harness:
    """Runs mutants through the whole pipeline in a scratch directory."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.settings = Settings(
            living_wages=(DATA / "living-wages.yaml",),
            rates=(DATA / "currency-rates.yaml",),
            only_given_tables=True,
            date=dt.date(2026, 11, 24),
        )
        basis = load_context(self.settings)
        self.framework, self.reference = basis.framework, basis.reference
        for path in EXAMPLES.glob("*-vendor.yaml"):  # what the example plans name
            (scratch / path.name).write_bytes(path.read_bytes())

    def run(self, blob: bytes, suffix: str) -> str:
        """'rejected' (every problem located) or 'assessed' (every renderer made output)."""
        path = self.scratch / f"input{suffix}"
        path.write_bytes(blob)
        (loaded,) = load_all([path])
        if loaded.subject is None:
            assert loaded.problems, "no subject and no problem"
            for problem in loaded.problems:
                assert problem.message and problem.file, problem
                assert problem.line > 0 or problem.code in UNPLACED, problem.format()
                assert problem.code, problem.format()
            return "rejected"
        a = assess(loaded.subject, self.framework, self.reference, self.settings.date)
        for name, renderer in RENDERERS.items():
            if not renderer.binary:
                out = renderer.render([a])
                assert isinstance(out, str) and out, name
        assert json.loads(RENDERERS["json"].render([a]))["assessments"][0]["verdict"]["value"]
        return "assessed"

    def mutant(self, seed: int, edits: Sequence[tuple[str, int, int]], as_json: bool) -> bytes:
        """The bytes of one mutant."""
        _, data = seeds()[seed % len(seeds())]
        mutated, later = mutate(data, edits)
        return serialise(mutated, later, as_json)


def _random_edits(rng: random.Random) -> list[tuple[str, int, int]]:
    count = rng.randint(1, 4)
    return [(rng.choice(OPS), rng.randrange(10**6), rng.randrange(10**6)) for _ in range(count)]


def main(argv: Sequence[str]) -> int:
    """Fuzz for SECONDS (default 60); print inputs/s; save each crash under tests/data/crashes."""
    import tempfile

    seconds = float(argv[0]) if argv else 60.0
    rng = random.Random(int(argv[1]) if len(argv) > 1 else time.time_ns())
    CRASHES.mkdir(parents=True, exist_ok=True)
    counts = {"rejected": 0, "assessed": 0, "crashed": 0}
    with tempfile.TemporaryDirectory() as scratch:
        harness = Harness(Path(scratch))
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            as_json = rng.random() < 0.5
            blob = harness.mutant(rng.randrange(10**6), _random_edits(rng), as_json)
            suffix = ".json" if as_json else ".yaml"
            try:
                counts[harness.run(blob, suffix)] += 1
            except Exception:  # a crash: keep the input, go on
                counts["crashed"] += 1
                name = f"crash-{int(time.time())}-{counts['crashed']}{suffix}"
                (CRASHES / name).write_bytes(blob)
                print(f"CRASH saved as {CRASHES / name}:", file=sys.stderr)
                traceback.print_exc()
        elapsed = time.monotonic() - start
    total = sum(counts.values())
    print(
        f"{total} inputs in {elapsed:.0f} s = {total / elapsed:.1f} inputs/s; "
        f"{counts['rejected']} rejected (located), {counts['assessed']} assessed, "
        f"{counts['crashed']} crashes"
    )
    return 1 if counts["crashed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
