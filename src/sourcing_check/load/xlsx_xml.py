"""The cells of an .xlsx workbook, read straight from its XML parts with zipfile and ElementTree.

openpyxl made a cell object and resolved a style for every cell, and its import alone took
0.3 s: reading a questionnaire cost about 20 times reading the same answers as YAML. This
reads only what the workbook reader needs: each worksheet's values with their type (formula,
error) and number format, a formula as the value saved with it (never computed). Dates are
converted as openpyxl does (1900 or 1904 date system, a date format on a number).
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import Any, NamedTuple
from xml.etree.ElementTree import Element, fromstring

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_WORKSHEET = "/worksheet"
_ROW, _C, _V, _F, _IS, _T, _R = (_MAIN + tag for tag in ("row", "c", "v", "f", "is", "t", "r"))
#: The built-in number formats that make a number a date, a time or a percentage (the others
#: are plain numbers or text).
BUILTIN_FORMATS = {
    **{9: "0%", 10: "0.00%", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy"},
    **{18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm"},
    **{45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0"},
}
_LITERALS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_PART = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
#: What a cell holds: a value, an error value (``#DIV/0!``), or a formula with no saved value.
VALUE, ERROR, UNSAVED = "value", "error", "unsaved"


class _BadDate(Exception):
    """A number in a date format that is no date (out of range)."""


class RawCell(NamedTuple):
    """One non-empty cell: where, what, and the number format it is shown with."""

    row: int
    column: int
    value: Any
    kind: str
    number_format: str
    #: The formula's text (``=A1*2``) when the value is a formula's saved value.
    formula: str | None = None


def _xml(archive: zipfile.ZipFile, name: str) -> Element:
    return fromstring(archive.read(name))


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id -> (type, target part name)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in archive.NameToInfo:
        return {}
    found = {}
    for rel in _xml(archive, rels).iter(_PKG):
        target = rel.get("Target", "")
        target = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        found[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(target))
    return found


def is_date_format(code: str) -> bool:
    """A number shown with ``code`` is a date or a time (openpyxl's rule)."""
    return _DATE_PART.search(_LITERALS.sub("", code.split(";")[0])) is not None


def from_serial(value: float, epoch: dt.datetime, duration: bool) -> Any:
    """A spreadsheet's date number as a datetime (a time for a fraction of a day, a
    timedelta for a duration format), as openpyxl converts it."""
    if duration:
        return dt.timedelta(days=value)
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        return (dt.datetime.min + diff).time()
    if 0 < value < 60 and epoch == _EPOCH_1900:
        day += 1
    return epoch + dt.timedelta(days=day) + diff


class Workbook:
    """An open workbook's sheets, styles and shared strings; ``cells`` reads one sheet."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        office = [t for kind, t in _relations(archive, "").values() if kind.endswith("Document")]
        book_part = office[0] if office else "xl/workbook.xml"
        book = _xml(archive, book_part)
        relations = _relations(archive, book_part)
        pr = book.find(_MAIN + "workbookPr")
        date1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
        self.epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
        #: (title, part) of each worksheet, in the workbook's order.
        self.sheets = [
            (sheet.get("name", ""), relations[sheet.get(_REL_ID, "")][1])
            for sheet in book.iter(_MAIN + "sheet")
            if relations.get(sheet.get(_REL_ID, ""), ("", ""))[0].endswith(_WORKSHEET)
        ]
        parts = {kind.rsplit("/", 1)[-1]: target for kind, target in relations.values()}
        self.strings = self._strings(parts.get("sharedStrings"))
        self.formats = self._formats(parts.get("styles"))
        self.dates = {i for i, code in enumerate(self.formats) if is_date_format(code)}
        self.durations = {i for i, code in enumerate(self.formats) if _DURATION.search(code)}

    def _strings(self, part: str | None) -> list[str]:
        if part is None or part not in self.archive.NameToInfo:
            return []
        return [_text(si) for si in _xml(self.archive, part).iter(_MAIN + "si")]

    def _formats(self, part: str | None) -> list[str]:
        """The number format of each cell style (``s`` of a cell), by index."""
        if part is None or part not in self.archive.NameToInfo:
            return ["General"]
        styles = _xml(self.archive, part)
        custom = {
            int(fmt.get("numFmtId", "0")): fmt.get("formatCode", "General")
            for fmt in styles.iter(_MAIN + "numFmt")
        }
        xfs = styles.find(_MAIN + "cellXfs")
        ids = [int(xf.get("numFmtId", "0")) for xf in (xfs if xfs is not None else [])]
        return [custom.get(i) or BUILTIN_FORMATS.get(i, "General") for i in ids] or ["General"]

    def cells(self, part: str, xml: bytes | None = None) -> Iterator[RawCell]:
        """Every cell of a sheet that holds something, row by row (``xml``: the part, when
        already read)."""
        data = sheet_data(self.archive.read(part) if xml is None else xml)
        row_number = 0
        for row in data:
            if row.tag != _ROW:
                continue
            row_number = int(row.get("r") or row_number + 1)
            column = 0
            for cell in row:
                if cell.tag != _C:
                    continue
                where = cell.get("r")
                if where:
                    if not len(cell):
                        continue  # an empty cell (most of a template's cells)
                    column = _column_number(where.rstrip("0123456789"))
                else:
                    column += 1
                if len(cell):
                    read = self._cell(cell, row_number, column)
                    if read is not None:
                        yield read

    def _cell(self, cell: Element, row: int, column: int) -> RawCell | None:
        style = int(cell.get("s") or 0)
        shown = self.formats[style] if style < len(self.formats) else "General"
        kind = cell.get("t", "n")
        formula = cell.find(_F)
        text = None if formula is None else "=" + (formula.text or "")
        if kind == "inlineStr":
            child = cell.find(_IS)
            value: Any = None if child is None else _text(child)
        else:
            try:
                value = self._value(kind, cell.findtext(_V) or None, style)
            except _BadDate:  # openpyxl's reading too: a date out of range is an error value
                return RawCell(row, column, "#VALUE!", ERROR, shown, text)
        if kind == "e" and value is not None:
            return RawCell(row, column, value, ERROR, shown, text)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None if text is None else RawCell(row, column, None, UNSAVED, shown, text)
        return RawCell(row, column, value, VALUE, shown, text)

    def _value(self, kind: str, raw: str | None, style: int) -> Any:
        if raw is None:
            return None
        if kind == "n":
            number = float(raw) if any(c in raw for c in ".eE") else int(raw)
            if style in self.dates:
                try:
                    return from_serial(number, self.epoch, style in self.durations)
                except (OverflowError, ValueError):
                    raise _BadDate from None
            return number
        if kind == "s":
            return self.strings[int(raw)]
        if kind == "b":
            return bool(int(raw))
        if kind == "d":
            return dt.datetime.fromisoformat(raw.removesuffix("Z"))
        return raw  # "str" (a formula's text result) and "e" (an error value)


def _text(element: Element) -> str:
    """A string item's text: its ``t``, then its rich-text runs' (phonetic runs left out)."""
    if len(element) == 1 and element[0].tag == _T:
        return element[0].text or ""
    parts = [element.findtext(_T) or ""]
    parts += [run.findtext(_T) or "" for run in element.iter(_R)]
    return "".join(parts)


@functools.cache
def _column_number(letters: str) -> int:
    """A column's letters as its number: A -> 1, AA -> 27."""
    if not (letters.isascii() and letters.isupper() and letters.isalpha()):
        raise ValueError(f"bad column {letters!r}")
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


_MERGED = re.compile(
    rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"'
)


def merged_ranges(xml: bytes) -> list[tuple[int, int, int, int]]:
    """A worksheet's merged ranges as (first row, first column, last row, last column)."""
    return [
        (int(top), _column_number(left.decode()), int(bottom), _column_number(right.decode()))
        for left, top, right, bottom in _MERGED.findall(xml)
    ]


def sheet_data(xml: bytes) -> Element:
    """A worksheet's ``sheetData`` (its cells), parsed without the rest of the sheet (column
    widths, data validations, protection): the root's start tag, which declares the
    namespaces, then the cells. A sheet written otherwise is parsed whole."""
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData>")
    root_end = xml.find(b">", xml.find(b"<worksheet"))
    if min(start, end, root_end) < 0 or not root_end < start < end or b"<!" in xml[:start]:
        whole = fromstring(xml).find(_MAIN + "sheetData")
        return whole if whole is not None else Element(_MAIN + "sheetData")
    head = xml[: root_end + 1]
    if head.endswith(b"/>"):
        raise ValueError("an empty worksheet element holds sheet data")
    return fromstring(head + xml[start : end + len(b"</sheetData>")] + b"</worksheet>")[0]
