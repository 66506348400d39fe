"""'check' over many files: assessed in worker processes, written as they are made, all or none.

Each worker loads the framework and tables once, then reads, assesses and renders one file at
a time into files of its own (see assembly.py), sending the parent only where each piece is and
a small summary; the parent copies the pieces in input order into a temporary file. When every
file was good the temporary file becomes the output (or the pieces are copied to standard
output); when any was not, all is removed and every problem is listed (exit 2).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from collections.abc import Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from sourcing_check.cli.assembly import STDOUT, Assembly, OutputFailed, Where, WorkerFile
from sourcing_check.cli.files import cannot_write, overwritten_inputs, write_hint
from sourcing_check.cli.hints import Gap, hints_for, table_gaps
from sourcing_check.cli.problems import print_problems, stop
from sourcing_check.errors import InputError, Problem
from sourcing_check.models.results import Assessment, VerdictValue
from sourcing_check.render import RENDERERS
from sourcing_check.render.stream import STREAMS, Summary
from sourcing_check.run import Settings, assess_file, load_context

#: Fewer files than this are assessed in this process: starting workers costs more.
POOL_FROM = 32
#: Show a progress bar (on a terminal) once a batch has run this long, in seconds.
PROGRESS_AFTER = 1.0

_WORKER: dict[str, Any] = {}


@dataclass(frozen=True)
class Piece:
    """What assessing one file gives the parent: output (UTF-8, or where a worker wrote it) or
    problems, and a summary."""

    data: bytes
    problems: list[Problem]
    inputs: list[Path]
    summary: Summary | None = None
    gaps: list[Gap] = field(default_factory=list)
    assessment: Assessment | None = None  # kept only for formats that are not streamed
    warnings: list[Problem] = field(default_factory=list)
    where: Where | None = None


def _start(settings: Settings, fmt: str, count: int, stem: str) -> None:
    """Set up a worker: the framework and tables loaded once, then kept out of the collector.
    Ctrl-C is left to the parent, which stops the workers and removes what was written (a
    worker that died of it could hold the pool's lock and hang the parent)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    context = load_context(settings)
    _WORKER.update(settings=settings, fmt=fmt, count=count, context=context, file=WorkerFile(stem))
    gc.freeze()
    # a pair's objects die with it (reference counts free them), so the collector's young
    # generation is scanned 7 times a pair for nothing at its default 700: every 10,000
    # objects takes 3-4% off a pair's CPU for ~7 MB more a worker (docs/performance.md)
    gc.set_threshold(10_000, 10, 10)


def _assess(job: tuple[int, Path]) -> Piece:
    """Assess the ``index``-th file and render it, in a worker (or in this process)."""
    index, path = job
    done = assess_file(path, _WORKER["settings"], _WORKER["context"])
    a = done.assessment
    if a is None:
        return Piece(b"", done.problems, done.inputs)
    stream = STREAMS.get(_WORKER["fmt"])
    data = stream.item(a, index, _WORKER["count"]) if stream else b""
    kept = None if stream else a
    worker_file = _WORKER.get("file")
    where = worker_file.add(data) if worker_file is not None and data else None
    data = b"" if where is not None else data
    summary = Summary.of(a)
    return Piece(data, [], done.inputs, summary, table_gaps(a), kept, done.warnings, where)


def check_files(
    files: Sequence[Path],
    settings: Settings,
    fmt: str,
    output: Path | None,
    jobs: int,
    *,
    strict: bool = False,
) -> list[VerdictValue]:
    """Assess ``files`` and write them in ``fmt`` to ``output`` (or standard output), all or
    none; return the verdicts. Exits 2 with every problem listed when any file is bad (and,
    with ``strict``, when any has a plausibility warning; else warnings are printed)."""
    try:
        context = load_context(settings)
    except InputError as exc:
        stop(exc.problems, "nothing written: fix the problems above")
    assembly = _open(output)
    try:
        written = _write_all(files, settings, fmt, jobs, context, assembly)
        summaries, gaps, problems, inputs, warnings = written
        problems = problems or overwritten_inputs([output] if output else [], inputs)
        if problems:
            stop(problems, "nothing written: fix the problems above")
        if strict and warnings:
            stop(warnings, "nothing written: --strict treats these warnings as problems")
        print_problems(warnings)
        _publish(assembly, output)
    except OutputFailed as exc:  # a full disk, a quota: the user's to fix, not a bug
        partly = output is None and exc.name == STDOUT  # what went out cannot be taken back
        end = "standard output is incomplete" if partly else "nothing written"
        stop([_failed(exc, output)], f"{end}: fix the problems above")
    finally:  # the workers have stopped: every file they or this process made is removed
        assembly.discard()
    for hint in hints_for(gaps, named=len(files) > 1):
        click.echo(hint, err=True)
    return [s.verdict for s in summaries]


def _write_all(
    files: Sequence[Path],
    settings: Settings,
    fmt: str,
    jobs: int,
    context: Any,
    sink: Assembly,
) -> tuple[list[Summary], list[Gap], list[Problem], list[Path], list[Problem]]:
    """Assess every file in order, writing each piece as it comes while all are good."""
    stream = STREAMS.get(fmt)
    summaries: list[Summary] = []
    gaps: list[Gap] = []
    problems: list[Problem] = []
    files_read = settings.table_files()
    inputs: list[Path] = [
        *files_read.living_wages,
        *files_read.rates,
        *files_read.minimum_wages,
        *files_read.price_index,
    ]
    warnings: list[Problem] = []
    kept: list[Assessment] = []
    if stream is not None:
        sink.write(stream.head(len(files)).encode("utf-8"))
    pieces = _pieces(files, settings, fmt, jobs, context, sink)
    with _Progress(len(files)) as progress, closing(pieces):  # closing stops the workers
        for piece in pieces:
            progress.step()
            problems += piece.problems
            inputs += piece.inputs
            warnings += piece.warnings
            if problems or piece.summary is None:
                continue
            sink.write(piece.data)
            if piece.where is not None:
                sink.copy(piece.where)
            summaries.append(piece.summary)
            gaps += piece.gaps
            kept += [piece.assessment] if piece.assessment is not None else []
    if not problems:
        tail = stream.tail(summaries) if stream else RENDERERS[fmt].render(kept)
        sink.write(tail.encode("utf-8") if isinstance(tail, str) else tail)
    return summaries, gaps, problems, inputs, warnings


def _pieces(
    files: Sequence[Path], settings: Settings, fmt: str, jobs: int, context: Any, sink: Assembly
) -> Generator[Piece, None, None]:
    """Each file's piece, in input order: from worker processes for a large batch."""
    jobs = max(1, min(jobs, len(files)))
    numbered = list(enumerate(files))
    if jobs == 1 or len(files) < POOL_FROM:
        _WORKER.update(settings=settings, fmt=fmt, count=len(files), context=context, file=None)
        yield from map(_assess, numbered)
        return
    import multiprocessing  # here: a small batch (the usual) does not pay for importing it

    chunk = max(1, min(64, len(files) // (jobs * 8)))
    with multiprocessing.get_context().Pool(
        jobs, initializer=_start, initargs=(settings, fmt, len(files), sink.stem())
    ) as pool:
        yield from pool.imap(_assess, numbered, chunksize=chunk)


def _open(output: Path | None) -> Assembly:
    """Where the output is assembled until it is known to be whole."""
    try:
        if output is not None and os.path.isdir(output):  # found before the batch runs, not after
            raise IsADirectoryError(output)
        return Assembly(output)
    except OSError as exc:
        assert output is not None
        stop([cannot_write(output, exc)], "nothing written: fix the problems above")


def _failed(exc: OutputFailed, output: Path | None) -> Problem:
    """The problem a failed write is: the output named, or where a batch to stdout is held."""
    if output is not None:
        return cannot_write(output, exc.error)
    if exc.name == STDOUT:
        return Problem(STDOUT, f"cannot write: {exc.error.strerror}", hint=write_hint(exc.error))
    return Problem(
        str(Path(exc.name).parent),
        f"cannot write the batch's temporary files there: {exc.error.strerror}",
        hint="free some space there, or set TMPDIR to a directory with room",
    )


def _publish(assembly: Assembly, output: Path | None) -> None:
    """Put the finished output in place: rename the staged file, or copy it to stdout."""
    assembly.finish()
    if output is not None:
        try:
            assembly.rename(output)
        except OSError as exc:
            stop([cannot_write(output, exc)], "nothing written: fix the problems above")


class _Progress:
    """A progress bar on standard error, only on a terminal and once a batch takes a while."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.shown = sys.stderr.isatty()
        self.bar: Any = None

    def __enter__(self) -> _Progress:
        return self

    def step(self) -> None:
        """Count one file done."""
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
        elif self.shown and time.monotonic() - self.started > PROGRESS_AFTER:
            self.bar = click.progressbar(length=self.total, label="assessing", file=sys.stderr)
            self.bar.__enter__()
            self.bar.update(self.done)

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
