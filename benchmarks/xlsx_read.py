"""Reading a filled .xlsx questionnaire against reading the same answers as YAML.

For every bundled example, writes its answers as a workbook (as 'convert' does), then times
loading each form (read, parse, validate into the model: ``load_input``), each the best of 5
rounds of N loads, in CPU time of this process (wall time on a shared machine varies too
much). Prints milliseconds per file and the ratio xlsx / yaml.

    python benchmarks/xlsx_read.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sourcing_check.forms.xlsx_template import render_workbook
from sourcing_check.load.subject import load_input

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ROUNDS = 5


def per_load_ms(path: Path, count: int) -> float:
    """Best of ROUNDS: milliseconds per load of ``path``."""
    load_input(path)  # warm: imports, cached layouts and validators
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(count):
            load_input(path)
        best = min(best, (time.process_time() - started) / count)
    return best * 1000


def main() -> None:
    """Run the benchmark and print its figures."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(f"{'input':40} {'yaml ms':>8} {'xlsx ms':>8} {'ratio':>6} {'xlsx KiB':>9}")
    totals = [0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for example in sorted(EXAMPLES.glob("*.yaml")):
            loaded = load_input(example)
            workbook = Path(tmp) / f"{example.stem}.xlsx"
            data = loaded.model.model_dump(exclude_unset=True)
            workbook.write_bytes(render_workbook(type(loaded.model), loaded.kind, data))
            yaml_ms, xlsx_ms = per_load_ms(example, count), per_load_ms(workbook, count)
            totals[0] += yaml_ms
            totals[1] += xlsx_ms
            size = workbook.stat().st_size / 1024
            name = f"examples/{example.name}"
            print(f"{name:40} {yaml_ms:8.2f} {xlsx_ms:8.2f} {xlsx_ms / yaml_ms:5.1f}x {size:9.1f}")
    print(f"{'all examples':40} {totals[0]:8.2f} {totals[1]:8.2f} {totals[1] / totals[0]:5.1f}x")


if __name__ == "__main__":
    main()
