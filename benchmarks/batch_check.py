"""A batch through the real command: `check PLANS... --format F -o OUT --jobs J` in a process.

Builds N synthetic plan + questionnaire pairs (those of check_throughput.py), runs the command
and prints its wall time, the CPU time of the command and its workers (on a busy machine the
wall time over the cores is the fairer figure), and the peak memory of the command with its
workers (the largest sum of their resident sets, sampled every 20 ms from /proc; Linux only).

    python benchmarks/batch_check.py [N] [FORMAT] [JOBS]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_throughput import build

PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree(pid: int) -> list[int]:
    """``pid`` and every descendant."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                for child in handle.read().split():
                    found += _tree(int(child))
    except OSError:
        pass
    return found


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * PAGE
    except OSError:
        return 0


def measure(command: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (the command and its workers), peak summed resident bytes,
    and the exit code of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, sum(_rss(pid) for pid in _tree(process.pid)))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    process.wait()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - started, cpu, peak, process.returncode


def main() -> None:
    """Run the batch and print its figures."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    fmt = sys.argv[2] if len(sys.argv) > 2 else "json"
    jobs = sys.argv[3] if len(sys.argv) > 3 else str(os.cpu_count() or 1)
    tool = str(Path(sys.executable).with_name("sourcing-check"))
    with tempfile.TemporaryDirectory() as tmp:
        plans = [str(p) for p in build(Path(tmp), count)]
        out = Path(tmp) / f"out.{fmt}"
        command = [tool, "check", *plans, "--format", fmt, "-o", str(out), "--jobs", jobs]
        seconds, cpu, peak, code = measure([*command, "--date", "2026-11-24", "--fail-on", "never"])
        size = out.stat().st_size if out.exists() else 0
    print(
        f"check {count:>6,} pairs --format {fmt:<5} --jobs {jobs}: {seconds:6.1f} s "
        f"({count / seconds:,.0f} pairs/s), {cpu:6.1f} s CPU, peak {peak / 2**20:,.0f} MB, "
        f"output {size / 2**20:,.0f} MB, exit {code}"
    )


if __name__ == "__main__":
    main()
