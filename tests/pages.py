"""Every bundled example's board report, each page as a PNG to look at (the 'make pages' helper).

For each example (every plan and questionnaire in ``examples/`` and ``examples/revised/``,
and the board's case: the well-run plan under the board's profile and decision) this writes
``out/pages/<example>/report.pdf``, each page at 50 dpi as ``page-N.png`` (poppler's
``pdftoppm``, from ``make system-packages``) and ``contact-sheet.png`` with every page side
by side, then prints pages, size and seconds per example.

    python -m tests.pages [OUT]    # default OUT: out/pages
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT

DATE = "2026-11-24"
DPI = 50
#: The board report of every bundled example is at most this many pages (issue 14).
MAX_BOARD_PAGES = 8
#: ... and at most this many bytes.
MAX_BYTES = 1_000_000
#: The board's case: the well-run plan under the board's profile, with its decision.
BOARD_CASE = (
    "examples/well-run-project.yaml",
    "--profile",
    "examples/board/review-board-profile.yaml",
    "--decision",
    "examples/board/well-run-decision.yaml",
)


def examples() -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each bundled example: a name for its folder, and the report's inputs and options."""
    for path in sorted(EXAMPLES.glob("*.yaml")):
        yield path.stem, (str(path.relative_to(ROOT)),)
    for path in sorted((EXAMPLES / "revised").glob("*.yaml")):
        yield f"revised-{path.stem}", (str(path.relative_to(ROOT)),)
    yield "board-well-run-decision", BOARD_CASE


def report_args(inputs: tuple[str, ...], pdf: Path) -> list[str]:
    """The `report` command line for one example (board detail, the fixed date)."""
    return ["report", *inputs, "-o", str(pdf), "--date", DATE]


def _contact_sheet(pngs: list[Path], target: Path, columns: int = 4) -> None:
    from PIL import Image

    images = [Image.open(png) for png in pngs]
    cell_w = max(image.width for image in images) + 8
    cell_h = max(image.height for image in images) + 8
    rows = -(-len(images) // columns)
    sheet = Image.new("RGB", (cell_w * min(columns, len(images)) + 8, cell_h * rows + 8), "#888")
    for n, image in enumerate(images):
        sheet.paste(image, (8 + cell_w * (n % columns), 8 + cell_h * (n // columns)))
    sheet.save(target)


def write_pages(name: str, inputs: tuple[str, ...], out: Path) -> tuple[int, int, float]:
    """Write one example's report and its page images; return pages, bytes and seconds."""
    folder = out / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pdf = folder / "report.pdf"
    program = Path(sys.executable).parent / "sourcing-check"
    started = time.perf_counter()
    subprocess.run(
        [str(program), *report_args(inputs, pdf)], check=True, cwd=ROOT, capture_output=True
    )
    seconds = time.perf_counter() - started
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(folder / "page")], check=True)
    pngs = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    for png in pngs:  # page-01.png -> page-1.png, whatever padding pdftoppm chose
        png.rename(folder / f"page-{int(png.stem.split('-')[-1])}.png")
    pngs = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    _contact_sheet(pngs, folder / "contact-sheet.png")
    return len(pngs), pdf.stat().st_size, seconds


def main(argv: list[str]) -> int:
    """Write every example's pages; exit 1 if one is longer or larger than allowed."""
    out = Path(argv[0]) if argv else ROOT / "out" / "pages"
    too_big = []
    print(f"{'example':40} {'pages':>5} {'bytes':>9} {'seconds':>7}")
    for name, inputs in examples():
        pages, size, seconds = write_pages(name, inputs, out)
        print(f"{name:40} {pages:5d} {size:9d} {seconds:7.2f}")
        if pages > MAX_BOARD_PAGES or size >= MAX_BYTES:
            too_big.append(name)
    print(f"pages in {out}/<example>/page-N.png, one contact-sheet.png each")
    if too_big:
        print(f"over {MAX_BOARD_PAGES} pages or 1 MB: {', '.join(too_big)}")
    return 1 if too_big else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
