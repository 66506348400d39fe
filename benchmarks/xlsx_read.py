"""Reading a filled .xlsx questionnaire against reading the same answers as YAML.

For every bundled example, writes its answers as a workbook (as 'convert' does), then times
loading each form (read, parse, validate into the model: ``load_input``), each the best of 5
rounds of N loads, in CPU time of this process (wall time on a shared machine varies too
much). Prints milliseconds per file and the ratio xlsx / yaml, and the floor of the workbook:
unzipping it and parsing the XML the reader reads ("xml ms"), with its ratio to the YAML.

    python benchmarks/xlsx_read.py [N]
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from sourcing_check.forms.xlsx_template import render_workbook
from sourcing_check.load.subject import load_input
from sourcing_check.load.xlsx_xml import Workbook, sheet_data
from sourcing_check.models.sheets import CHOICES

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ROUNDS = 5


def per_load_ms(path: Path, count: int, job: Callable[[Path], object] = load_input) -> float:
    """Best of ROUNDS: milliseconds per ``job(path)`` (by default a load of ``path``)."""
    job(path)  # warm: imports, cached layouts and validators
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(count):
            job(path)
        best = min(best, (time.process_time() - started) / count)
    return best * 1000


def xml_only(path: Path) -> None:
    """The floor of reading a workbook: unzip it and parse the XML of the sheets the reader
    reads (styles, workbook, cells), nothing made of the cells."""
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        book = Workbook(archive)
        for title, part in book.sheets:
            if title != CHOICES:
                sheet_data(archive.read(part))


def main() -> None:
    """Run the benchmark and print its figures."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(
        f"{'input':40} {'yaml ms':>8} {'xlsx ms':>8} {'ratio':>6} {'xml ms':>7} {'ratio':>6} "
        f"{'xlsx KiB':>9}"
    )
    totals = [0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for example in sorted(EXAMPLES.glob("*.yaml")):
            loaded = load_input(example)
            workbook = Path(tmp) / f"{example.stem}.xlsx"
            data = loaded.model.model_dump(exclude_unset=True)
            workbook.write_bytes(render_workbook(type(loaded.model), loaded.kind, data))
            yaml_ms, xlsx_ms = per_load_ms(example, count), per_load_ms(workbook, count)
            xml_ms = per_load_ms(workbook, count, xml_only)
            totals[0] += yaml_ms
            totals[1] += xlsx_ms
            totals[2] += xml_ms
            size = workbook.stat().st_size / 1024
            name = f"examples/{example.name}"
            print(
                f"{name:40} {yaml_ms:8.2f} {xlsx_ms:8.2f} {xlsx_ms / yaml_ms:5.1f}x "
                f"{xml_ms:7.2f} {xml_ms / yaml_ms:5.1f}x {size:9.1f}"
            )
    yaml_ms, xlsx_ms, xml_ms = totals
    print(
        f"{'all examples':40} {yaml_ms:8.2f} {xlsx_ms:8.2f} {xlsx_ms / yaml_ms:5.1f}x "
        f"{xml_ms:7.2f} {xml_ms / yaml_ms:5.1f}x"
    )


if __name__ == "__main__":
    main()
