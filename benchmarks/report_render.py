"""Time and peak memory to produce each example's PDF, against bare WeasyPrint on the same HTML.

For each input (default: the examples' plans and questionnaires), in a fresh child process:
the full report (assessment, HTML, PDF/A-3b with tags and attachments), a bare
``weasyprint.HTML(string=html).write_pdf()`` of the same HTML, and the same bare render with
the archival options (PDF/A-3b, tags), each the best of R runs after one warm-up.
Peak memory is the child's maximum resident set size.

    python benchmarks/report_render.py [FILE...] [--repeat R]
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [
    "examples/well-run-project.yaml",
    "examples/crowd-platform-project.yaml",
    "examples/moderation-vendor.yaml",
    "examples/self-assessment-vendor.yaml",
]


def measure(path: str, repeat: int) -> dict[str, float]:
    """Measure one input in this process (run in a child)."""
    import weasyprint

    from sourcing_check.render.html import render_html
    from sourcing_check.render.pdf import render_report
    from sourcing_check.run import Settings, run

    settings = Settings(date=dt.date(2026, 11, 24))

    def full() -> bytes:
        batch = run([Path(path)], settings)
        return render_report(batch.assessments)

    html = render_html(run([Path(path)], settings).assessments)

    def bare() -> bytes:
        pdf: bytes = weasyprint.HTML(string=html).write_pdf()
        return pdf

    def bare_archival() -> bytes:
        pdf: bytes = weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/a-3b", pdf_tags=True)
        return pdf

    timings = {}
    for name, job in (("full", full), ("bare", bare), ("archival", bare_archival)):
        job()
        best = min(_timed(job) for _ in range(repeat))
        timings[name] = best
    timings["pages"] = float(len(weasyprint.HTML(string=html).render().pages))
    timings["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return timings


def _timed(job: object) -> float:
    started = time.perf_counter()
    job()  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    """Run each input in a child process and print a table."""
    args = sys.argv[1:]
    repeat = 3
    if "--child" in args:
        print(json.dumps(measure(args[1], int(args[2]))))
        return
    if "--repeat" in args:
        index = args.index("--repeat")
        repeat = int(args[index + 1])
        del args[index : index + 2]
    inputs = args or DEFAULT_INPUTS
    print(
        f"{'input':<38} {'pages':>5} {'report s':>9} {'bare s':>7} {'ratio':>6} "
        f"{'bare PDF/A s':>12} {'ratio':>6} {'peak MB':>8}"
    )
    for path in inputs:
        done = subprocess.run(
            [sys.executable, __file__, "--child", path, str(repeat)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        t = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{path:<38} {int(t['pages']):>5} {t['full']:>9.3f} {t['bare']:>7.3f} "
            f"{t['full'] / t['bare']:>6.2f} {t['archival']:>12.3f} "
            f"{t['full'] / t['archival']:>6.2f} {t['peak_mb']:>8.1f}"
        )


if __name__ == "__main__":
    main()
