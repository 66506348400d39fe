"""Where a pair's load time goes: CPU time per step of reading, parsing and validating a plan
and the questionnaire it names.

Steps, each over every pair of a directory of ``plan-*.yaml`` / ``vendor-*.yaml`` (default: N
synthetic pairs from ``check_throughput.build``): reading the bytes, libyaml alone (no Python
objects), the C parser's event objects, parsing (events + our builder), validating the parsed
data as models, checking the path a plan names, and the whole ``load_subject``. Prints the
least and the median CPU ms a pair of ``REPEATS`` runs.

    python benchmarks/load_steps.py [N | DIRECTORY]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from check_throughput import build

from sourcing_check.load.documents import read_document
from sourcing_check.load.files import read_text
from sourcing_check.load.paths import named_path
from sourcing_check.load.subject import VENDOR_POINTER, load_subject, validate_document
from sourcing_check.load.yaml_reader import parse_yaml

REPEATS = 9
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def steps(plans: list[Path]) -> dict[str, Callable[[], object]]:
    """Each step's job over every pair."""
    files = [
        p for plan in plans for p in (plan, plan.with_name(plan.name.replace("plan-", "vendor-")))
    ]
    texts = [read_text(path, str(path))[1] for path in files]
    documents = [read_document(path) for path in files]
    named = [(d, d.data["sourcing"]["vendor_questionnaire"]) for d in documents[::2]]

    def libyaml() -> None:
        for text in texts:
            loader = _Loader(text)
            loader.raw_parse()
            loader.dispose()

    def events() -> None:
        for text in texts:
            loader = _Loader(text)
            list(iter(loader.get_event, None))
            loader.dispose()

    return {
        "read bytes + UTF-8": lambda: [read_text(path, str(path)) for path in files],
        "libyaml alone": libyaml,
        "C parser events": events,
        "parse (events + build)": lambda: [parse_yaml(text, "f") for text in texts],
        "validate (pydantic)": lambda: [validate_document(d) for d in documents],
        "named path checks": lambda: [named_path(d, VENDOR_POINTER, n) for d, n in named],
        "load_subject (all)": lambda: [load_subject(plan) for plan in plans],
    }


def measure(plans: list[Path]) -> None:
    """Print each step's least and median CPU ms a pair."""
    jobs = steps(plans)
    for job in jobs.values():
        job()  # warm up: imports, compiled validators
    runs: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(REPEATS):
        for name, job in jobs.items():
            started = time.process_time()
            job()
            runs[name].append(time.process_time() - started)
    print(f"pairs: {len(plans)}; CPU ms a pair, least and median of {REPEATS} runs")
    for name, seconds in runs.items():
        ordered = sorted(seconds)
        least, median = ordered[0], ordered[len(ordered) // 2]
        print(f"  {name:24s} {least / len(plans) * 1000:7.4f} {median / len(plans) * 1000:7.4f}")


def main() -> None:
    """Measure the pairs of a directory, or of N synthetic pairs."""
    argument = sys.argv[1] if len(sys.argv) > 1 else "300"
    if not argument.isdigit():
        measure(sorted(Path(argument).glob("plan-*.yaml")))
        return
    with tempfile.TemporaryDirectory() as tmp:
        measure(build(Path(tmp), int(argument)))


if __name__ == "__main__":
    main()
