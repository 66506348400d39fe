"""The files attached to a PDF we wrote (our report's assessment.json), read without a PDF
library: each embedded-file stream is found by its dictionary and inflated, with a size cap.

This reads the reports this tool writes (WeasyPrint's PDF/A-3b, where the embedded-file
streams are plain objects, never inside object streams) and PDFs that keep those streams as
they are (an incremental update, such as a signature, appends and rewrites nothing). It is not
a PDF parser: a PDF rebuilt by another program may hide its attachments from it.
"""

from __future__ import annotations

import re
import zlib
from typing import NamedTuple

#: Largest attachment inflated, in bytes: far above any assessment, far below a zip bomb.
MAX_ATTACHMENT = 50 * 1024 * 1024
_EMBEDDED = re.compile(rb"/Type\s*/EmbeddedFile\b")
_SUBTYPE = re.compile(rb"/Subtype\s*/([^\s/<>\[\]()]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_STREAM = re.compile(rb"stream\r?\n")


class Attachment(NamedTuple):
    """An embedded file's MIME type (as the PDF names it) and its bytes."""

    mime: str
    content: bytes


def attachments(pdf: bytes) -> list[Attachment]:
    """Every embedded file of ``pdf`` that can be read, in the order they appear."""
    found: list[Attachment] = []
    for match in _EMBEDDED.finditer(pdf):
        opening = pdf.rfind(b"obj", 0, match.start())
        stream = _STREAM.search(pdf, match.end())
        if opening < 0 or stream is None:
            continue
        header = pdf[opening : stream.start()]
        content = _content(pdf, header, stream.end())
        if content is None:
            continue
        subtype = _SUBTYPE.search(header)
        mime = subtype.group(1).decode("latin-1").replace("#2f", "/") if subtype else ""
        found.append(Attachment(mime, content))
    return found


def _content(pdf: bytes, header: bytes, start: int) -> bytes | None:
    """The stream's data, inflated when it is Flate-encoded; None when it cannot be read."""
    if b"/FlateDecode" in header:
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(pdf[start:], MAX_ATTACHMENT)
        except zlib.error:
            return None
        return data if inflater.eof else None
    if b"/Filter" in header:
        return None  # another encoding: not one we write
    length = _LENGTH.search(header)
    end = start + int(length.group(1)) if length else pdf.find(b"endstream", start)
    return pdf[start:end] if end > start else None
