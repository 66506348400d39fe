"""Whole-process times of the commands a user types, each against its floor, with /usr/bin/time.

Each command is run R times (default 5) under the system's ``/usr/bin/time``; the best wall
and user-CPU seconds are printed. The floors are measured in the same run: the interpreter
importing click alone (what any click CLI pays before its own code); the interpreter importing
the pydantic models of the two input kinds alone and building their validators (what any
command that validates an input pays: the models defer building to first use, which a check
makes); the interpreter importing WeasyPrint alone; and a process that only imports
WeasyPrint and renders the report's own HTML (made beforehand, in this process) with the
report's PDF/A options, which is what any report of that example pays, whatever our code
does. Run it with the project's virtualenv, after ``make`` has compiled the bytecode (a fresh
editable install has none; ``make bench`` does it).

    python benchmarks/startup.py [--repeat R]
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TIME = "/usr/bin/time"
INPUT_MODELS = (
    "from sourcing_check.models.project import ProjectPlan\n"
    "from sourcing_check.models.vendor import VendorQuestionnaire\n"
    "ProjectPlan.model_rebuild(), VendorQuestionnaire.model_rebuild()"
)
#: Render an HTML file (argv 1) to a PDF (argv 2) as the report does, base URL the templates.
WEASYPRINT_ONLY = """import sys, weasyprint
html = weasyprint.HTML(filename=sys.argv[1], base_url=sys.argv[3])
html.write_pdf(sys.argv[2], pdf_variant="pdf/a-3b", pdf_tags=True)
"""


def report_html(example: str, directory: str) -> str:
    """Write the HTML of ``example``'s report (board layout) to a file; its path."""
    from sourcing_check.render.html import render_html
    from sourcing_check.run import Settings, run

    batch = run([ROOT / "examples" / f"{example}.yaml"], Settings(date=dt.date(2026, 11, 24)))
    path = os.path.join(directory, f"{example}.html")
    Path(path).write_text(render_html(batch.assessments), encoding="utf-8")
    return path


def best(command: list[str], repeat: int) -> tuple[float, float]:
    """The least wall and the least user-CPU seconds of ``repeat`` runs of ``command``."""
    walls, users = [], []
    for _ in range(repeat):
        done = subprocess.run(
            [TIME, "-f", "%e %U", *command],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
        wall, user = done.stderr.strip().splitlines()[-1].split()
        walls.append(float(wall))
        users.append(float(user))
    return min(walls), min(users)


def main() -> None:
    """Time each command and print a table."""
    args = sys.argv[1:]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 5
    if not Path(TIME).exists():
        raise SystemExit(f"{TIME} is missing (Debian package 'time')")
    tool = str(BIN / "sourcing-check")
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "r.pdf")
        rows = [
            ("floor: python -c 'import click'", [python, "-c", "import click"], 0.08),
            ("sourcing-check --help", [tool, "--help"], 0.08),
            (
                "check examples/well-run-project.yaml",
                [tool, "check", "examples/well-run-project.yaml"],
                0.2,
            ),
            ("floor: import the input models", [python, "-c", INPUT_MODELS], None),
            ("floor: python -c 'import weasyprint'", [python, "-c", "import weasyprint"], None),
        ]
        from sourcing_check.resources import templates_dir

        base = templates_dir().resolve().as_uri() + "/"
        for example in ("well-run-project", "crowd-platform-project", "moderation-vendor"):
            command = [tool, "report", f"examples/{example}.yaml", "-o", pdf]
            rows.append((f"report examples/{example}.yaml", command, 1.2))
            only = [python, "-c", WEASYPRINT_ONLY, report_html(example, tmp), pdf, base]
            rows.append(("floor: WeasyPrint alone, its HTML", only, None))
        heading = f"command (best of {repeat})"
        print(f"{heading:<46} {'wall s':>7} {'user s':>7} {'target':>7}")
        for label, command, target in rows:
            wall, user = best(command, repeat)
            goal = "" if target is None or label.startswith("floor") else f"{target:.2f}"
            print(f"{label:<46} {wall:>7.2f} {user:>7.2f} {goal:>7}")


if __name__ == "__main__":
    main()
