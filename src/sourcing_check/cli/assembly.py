"""A batch's output assembled from its workers' files: each worker writes its pieces to files of
its own and sends the parent only where they are; the parent copies those byte ranges, in input
order, kernel-side, into the staged output (or, once all are good, to standard output).

Workers' files are named after the parent's staged file (``.sourcing-check.NAME.RANDOM.PID-N
.tmp`` beside the output, or in the temporary directory for standard output), so the parent
removes them all by name, and a killed run leaves only files that a later run there removes.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sourcing_check.cli.files import (
    TEMP_SUFFIX,
    discard,
    finish_staged,
    in_place,
    open_in_place,
    open_staged,
    remove_empty,
)

#: A worker starts a new file once its current one holds this much; the parent removes a file
#: once it has copied all of it, so a batch writing to a file needs little more disk than the
#: output itself.
FILE_BYTES = 64 * 1024 * 1024
#: Standard output is held in memory up to this size, then in a temporary file.
SPOOL_BYTES = 8 * 1024 * 1024
#: Bytes read at a time where they cannot be copied in the kernel.
CHUNK_BYTES = 1024 * 1024
#: What copying a range in the kernel can fail with where the files do not allow it.
_UNSUPPORTED = {errno.EXDEV, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EBADF}
#: Files are bytes, not text, also where the system tells them apart.
_BINARY = getattr(os, "O_BINARY", 0)

#: The name of standard output in messages.
STDOUT = "standard output"
#: Where a piece is: a worker's file, the offset in it, and its length in bytes.
Where = tuple[str, int, int]


class OutputFailed(Exception):
    """Writing the output, or a file it is assembled from, failed (a full disk, a quota, a
    read-only file system): not a bug, a problem for the user. Picklable, so that it crosses
    from a worker to the parent."""

    def __init__(self, name: str, code: int, reason: str) -> None:
        super().__init__(name, code, reason)
        self.name = name
        self.error = OSError(code, reason)


@contextlib.contextmanager
def _writing(name: str) -> Iterator[None]:
    """Turn a failed write of ``name`` into OutputFailed (a closed pipe stays what it is)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputFailed(name, exc.errno or errno.EIO, exc.strerror or str(exc)) from exc


class WorkerFile:
    """Where one worker writes its pieces: a new file every FILE_BYTES, named from ``stem``."""

    def __init__(self, stem: str) -> None:
        self.stem = stem
        self.handle = -1
        self.name = ""
        self.size = 0
        self.serial = 0

    def add(self, data: bytes) -> Where:
        """Write ``data`` (whole, not buffered) and say where it is."""
        with _writing(self.name or self.stem):
            if self.handle < 0 or self.size >= FILE_BYTES:
                self._next()
            view = memoryview(data)
            while view:
                view = view[os.write(self.handle, view) :]
        offset, self.size = self.size, self.size + len(data)
        return self.name, offset, len(data)

    def _next(self) -> None:
        if self.handle >= 0:
            os.close(self.handle)
        self.serial += 1
        self.name = f"{self.stem}.{os.getpid()}-{self.serial}{TEMP_SUFFIX}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
        self.handle = os.open(self.name, flags, 0o600)
        self.size = 0


class Assembly:
    """The output until it is known to be whole: a staged file beside ``output``, or (for
    standard output) a spooled file and the list of ranges to copy out in order."""

    def __init__(self, output: Path | None) -> None:
        self.file: IO[bytes]
        self.temporary: str | None = None  # the staged file, until it is renamed
        self.claim: str | None = None  # names the workers' files when writing to stdout
        self.parts: list[Where] | None = None  # for stdout; a part named "" is in the spool
        self.sources: dict[str, int] = {}
        self.latest: dict[str, str] = {}
        self.created: list[Path] = []  # directories made for the output
        self.target = output  # None: standard output
        if output is None or in_place(output):  # a device is written at the end, not renamed
            self.file = _spool()
            self.parts = []
        else:
            self.file, self.temporary = open_staged(output, self.created)
        self.base = self.temporary

    def stem(self) -> str:
        """The start of the names of the workers' files."""
        if self.base is None:
            claim, self.claim = open_staged(Path(tempfile.gettempdir()) / "stdout")
            claim.close()
            self.base = self.claim
        return self.base.removesuffix(TEMP_SUFFIX)

    def write(self, data: bytes) -> None:
        """Add bytes made here."""
        with _writing(self._name()):
            self._write(data)

    def _write(self, data: bytes) -> None:
        if self.parts is not None and data:
            start = self.file.tell()
            last = self.parts[-1] if self.parts else None
            if last is not None and not last[0] and last[1] + last[2] == start:
                self.parts[-1] = ("", last[1], last[2] + len(data))
            else:
                self.parts.append(("", start, len(data)))
        self.file.write(data)

    def copy(self, where: Where) -> None:
        """Add a worker's piece: copied now into the staged file, or at the end to stdout."""
        with _writing(self._name()):
            self._copy(where)

    def _copy(self, where: Where) -> None:
        if self.parts is not None:
            self._source(where[0])  # held open: a stale-file sweep cannot take it from us
            self.parts.append(where)
            return
        name = where[0]
        worker = name.rpartition("-")[0]
        if self.latest.get(worker, name) != name:  # that worker's earlier file is all copied
            self._drop(self.latest[worker])
        self.latest[worker] = name
        self.file.flush()
        copy_range(self._source(name), where[1], where[2], self.file.fileno())

    def finish(self) -> None:
        """Sync the staged file, or copy the parts to standard output."""
        with _writing(self._name()):
            self._finish()

    def _name(self) -> str:
        return self.temporary or (STDOUT if self.target is None else str(self.target))

    def _finish(self) -> None:
        if self.temporary is not None:
            finish_staged(self.file, self.temporary)
            return
        if self.target is not None:
            with open_in_place(self.target) as device:
                self._copy_out(device)
            return
        sys.stdout.flush()
        sys.stdout.buffer.flush()
        self._copy_out(sys.stdout.buffer)

    def _copy_out(self, stdout: IO[bytes]) -> None:
        target = _descriptor(stdout)
        for name, offset, length in self.parts or []:
            if name:
                copy_range(self._source(name), offset, length, target, stdout)
                continue
            self.file.seek(offset)
            while length > 0:
                chunk = self.file.read(min(length, CHUNK_BYTES))
                stdout.write(chunk)
                length -= len(chunk)
            stdout.flush()

    def rename(self, output: Path) -> None:
        """Put the finished staged file in place as ``output``."""
        if self.temporary is not None:
            os.replace(self.temporary, output)
            self.temporary = None

    def discard(self) -> None:
        """Remove every file made for this output that is still there (the workers' too:
        call this once they have stopped)."""
        with contextlib.suppress(OSError):  # closing flushes: on a full disk that fails too
            self.file.close()
        for name in list(self.sources):
            self._drop(name)
        if self.base is not None:
            pattern = glob.escape(self.base.removesuffix(TEMP_SUFFIX)) + ".*" + TEMP_SUFFIX
            for name in glob.glob(pattern):
                discard(name)
        for own in (self.temporary, self.claim):
            if own is not None:
                discard(own)
        remove_empty(self.created)  # those that hold the output are not empty

    def _source(self, name: str) -> int:
        if name not in self.sources:
            self.sources[name] = os.open(name, os.O_RDONLY | _BINARY)
        return self.sources[name]

    def _drop(self, name: str) -> None:
        with contextlib.suppress(KeyError):
            os.close(self.sources.pop(name))
        discard(name)


def copy_range(
    source: int, offset: int, length: int, target: int | None, stream: IO[bytes] | None = None
) -> None:
    """Copy ``length`` bytes at ``offset`` of ``source`` to where ``target`` stands: in the
    kernel where the files allow it, else read and written (to ``stream`` if ``target`` is
    None)."""
    end = offset + length
    while offset < end:
        done = _in_kernel(source, offset, end - offset, target)
        if not done:
            os.lseek(source, offset, os.SEEK_SET)
            data = os.read(source, min(end - offset, CHUNK_BYTES))
            if not data:
                raise OSError(errno.EIO, f"a worker's file ended early at byte {offset}")
            _write(data, target, stream)
            done = len(data)
        offset += done


def _in_kernel(source: int, offset: int, count: int, target: int | None) -> int:
    """Bytes copied by copy_file_range, else sendfile; 0 where neither can."""
    if target is None:
        return 0
    for method in (_copy_file_range, _sendfile):
        try:
            done = method(source, offset, count, target)
        except OSError as exc:
            if exc.errno not in _UNSUPPORTED:
                raise
            continue
        if done:
            return done
    return 0


def _copy_file_range(source: int, offset: int, count: int, target: int) -> int:
    copy = getattr(os, "copy_file_range", None)
    return 0 if copy is None else int(copy(source, target, count, offset))


def _sendfile(source: int, offset: int, count: int, target: int) -> int:
    return os.sendfile(target, source, offset, count) if sys.platform == "linux" else 0


def _write(data: bytes, target: int | None, stream: IO[bytes] | None) -> None:
    if target is None:
        assert stream is not None
        stream.write(data)
        stream.flush()
        return
    view = memoryview(data)
    while view:
        view = view[os.write(target, view) :]


def _spool() -> IO[bytes]:
    """A file held in memory while it is small."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)


def _descriptor(stream: IO[bytes]) -> int | None:
    """The file descriptor under ``stream``, or None (a test's captured output has none)."""
    try:
        return stream.fileno()
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return None
