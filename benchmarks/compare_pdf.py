"""`compare` of N vendor questionnaires to a PDF, through the real command in a process.

Builds N questionnaires from the bundled vendor examples (each example in turn, renamed
``... (vendor k)`` so that every column is a different vendor), then runs
``sourcing-check compare FILES... --format pdf -o OUT`` R times and prints the best wall time
and the best CPU time (user + system of the command; on a shared machine the CPU time is the
fairer figure), with the PDF's pages and size. ``--profile`` instead runs the same comparison
once in this process under cProfile and prints the 25 costliest functions (cumulative).

    python benchmarks/compare_pdf.py [N] [--repeat R] [--profile]
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DATE = "2026-11-24"
_NAME = re.compile(r"^(vendor:\n(?:  .*\n|\s*\n)*?  name: )(.*)$", re.MULTILINE)


def build(directory: Path, count: int) -> list[Path]:
    """Write ``count`` vendor questionnaires (the examples in turn, renamed); return paths."""
    examples = sorted(EXAMPLES.glob("*-vendor.yaml"))
    paths = []
    for k in range(count):
        text = examples[k % len(examples)].read_text(encoding="utf-8")
        text, found = _NAME.subn(rf"\g<1>\g<2> (vendor {k + 1})", text, count=1)
        assert found == 1, "an example without vendor.name"
        path = directory / f"vendor-{k + 1:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of ``command``; it must exit 0."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def _pages(pdf: Path) -> str:
    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    except OSError:
        return "?"
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return found[1] if found else "?"


def _profile(files: list[Path]) -> None:
    import cProfile
    import pstats

    from sourcing_check.cli import main as cli

    arguments = ["compare", *map(str, files), "--date", DATE, "--format", "pdf"]
    arguments += ["-o", str(files[0].with_name("profiled.pdf"))]
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        cli.main(arguments, standalone_mode=False)
    finally:
        profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    """Run the benchmark and print its figures."""
    args = sys.argv[1:]
    repeat = 3
    if "--repeat" in args:
        index = args.index("--repeat")
        repeat = int(args[index + 1])
        del args[index : index + 2]
    profile = "--profile" in args
    args = [a for a in args if a != "--profile"]
    count = int(args[0]) if args else 50
    tool = str(Path(sys.executable).with_name("sourcing-check"))
    with tempfile.TemporaryDirectory() as tmp:
        files = build(Path(tmp), count)
        if profile:
            _profile(files)
            return
        out = Path(tmp) / "compare.pdf"
        command = [tool, "compare", *map(str, files), "--date", DATE, "--format", "pdf"]
        runs = [measure([*command, "-o", str(out)]) for _ in range(repeat)]
        wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        size = out.stat().st_size / 1024
        print(
            f"compare {count} vendors --format pdf: best of {repeat}: {wall:.2f} s wall, "
            f"{cpu:.2f} s CPU; {_pages(out)} pages, {size:,.0f} KiB"
        )


if __name__ == "__main__":
    main()
