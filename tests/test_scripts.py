"""Names in any script: the report's font stacks fall back to a Noto font for each script, the
PDF embeds a subset of every font it uses, and no character is drawn as an empty box."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.render.chart import FONT_FAMILIES
from tests.conftest import EXAMPLES, ROOT

#: A place or name in each script the report must show.
NAMES = {
    "Latin": "Ærø Łódź",
    "Greek": "Αθήνα",
    "Cyrillic": "Москва",
    "CJK": "北京数据标注",
    "Devanagari": "नई दिल्ली",
    "Kannada": "ಬೆಂಗಳೂರು",
    "Tamil": "சென்னை",
    "Bengali": "ঢাকা",
    "Arabic": "القاهرة",
    "Ethiopic": "አዲስ አበባ",
    "Thai": "กรุงเทพ",
}
#: The font each script is set in, as pdffonts names it. DejaVu Sans, first in the stack,
#: has Latin, Greek, Cyrillic and Arabic (with its joining forms; Pango lays it out right to
#: left); the Noto fonts are the fallbacks for the rest.
FONTS = {
    "Latin": "DejaVu-Sans",
    "Greek": "DejaVu-Sans",
    "Cyrillic": "DejaVu-Sans",
    "CJK": "Noto-Sans-CJK-SC",
    "Devanagari": "Noto-Sans-Devanagari",
    "Kannada": "Noto-Sans-Kannada",
    "Tamil": "Noto-Sans-Tamil",
    "Bengali": "Noto-Sans-Bengali",
    "Arabic": "DejaVu-Sans",
    "Ethiopic": "Noto-Sans-Ethiopic",
    "Thai": "Noto-Sans-Thai",
}
VENDOR = "Kestrel " + " ".join(NAMES.values())
ARABIC_REGION = "نيروبي"
#: Marks pdftotext adds around right-to-left text.
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOTDEF = ".notdef glyph rendered"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} (poppler-utils) is required; 'make test' installs it")
    return path


def _fonts_installed() -> None:
    fc_list = shutil.which("fc-list") or pytest.fail("fc-list (fontconfig) is required")
    listed = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True).stdout
    families = {family for line in listed.splitlines() for family in line.split(",")}
    missing = [family for family in FONT_FAMILIES[1:-1] if family not in families]
    if missing:
        pytest.fail(
            f"fonts {missing} are missing: 'make test' installs fonts-noto-core and "
            "fonts-noto-cjk (as root)"
        )


class _Warnings(logging.Handler):
    """Collects WeasyPrint's warnings while a report renders."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _report(directory: Path, name: str, output: str = "report.pdf") -> tuple[bytes, list[str]]:
    """The report of a questionnaire whose vendor is ``name``; its bytes, WeasyPrint's
    warnings."""
    text = (EXAMPLES / "well-run-vendor.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Kestrel Data Services Ltd", f"name: {name}")
    text = text.replace("      region: Nairobi\n", f"      region: {ARABIC_REGION}\n")
    source = directory / "供应商-vendor.yaml"  # a file name in CJK: the monospace stack
    source.write_text(text, encoding="utf-8")
    target = directory / output
    warnings = _Warnings()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(warnings)
    try:
        args = ["report", str(source), "-o", str(target), "--date", "2026-11-24"]
        result = CliRunner().invoke(main, args)
    finally:
        logger.removeHandler(warnings)
    assert result.exit_code == 0, result.output
    return target.read_bytes(), warnings.messages


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[bytes, list[str]]]:
    """The report of a vendor named in every script, rendered twice."""
    _fonts_installed()
    base = tmp_path_factory.mktemp("scripts")
    return [_report(base, VENDOR, output) for output in ("a.pdf", "b.pdf")]


def test_no_character_is_drawn_as_a_box(rendered: list[tuple[bytes, list[str]]]) -> None:
    # WeasyPrint draws .notdef (an empty box) only with this warning
    assert not [w for _, warnings in rendered for w in warnings if _NOTDEF in w]


def test_each_script_has_its_font_embedded_as_a_subset(
    rendered: list[tuple[bytes, list[str]]],
) -> None:
    fonts = _pdffonts(rendered[0][0])
    for name, embedded, subset in fonts:
        assert embedded and subset, f"{name} is not embedded as a subset"
    used = {re.sub(r"-(Bold|Oblique)$", "", name.split("+", 1)[1]) for name, _, _ in fonts}
    assert set(FONTS.values()) <= used
    allowed = {family.replace(" ", "-") for family in FONT_FAMILIES} | {"DejaVu-Sans-Mono"}
    assert used <= allowed, "a font outside the report's stacks was used"


def test_every_name_reads_back_on_the_cover_and_in_the_running_header(
    rendered: list[tuple[bytes, list[str]]],
) -> None:
    pdf = rendered[0][0]
    from sourcing_check.render.escaping import shorten
    from sourcing_check.render.html import HEADER_CHARS

    # page 1: the cover names the vendor in full; page 2: the running header, cut with an
    # ellipsis after HEADER_CHARS characters, shows every name that fits
    header = shorten(VENDOR, HEADER_CHARS)
    for page in (1, 2):
        text = _text(pdf, page)
        for script, name in NAMES.items():
            if page == 1 or name in header:
                assert _plain(name) in text, f"{script} name missing on page {page}"
    assert _plain(ARABIC_REGION) in _text(pdf, 2)  # a place in a wage table's heading


def test_a_report_in_every_script_is_small_and_reproducible(
    rendered: list[tuple[bytes, list[str]]],
) -> None:
    (first, _), (second, _) = rendered
    assert len(first) < 1_000_000
    assert first == second


def test_the_box_check_sees_a_character_no_font_has(tmp_path: Path) -> None:
    # a private-use character that no installed font draws: the warning the test relies on
    _fonts_installed()
    _, warnings = _report(tmp_path, "Kestrel \U0010fffd")
    assert any(_NOTDEF in w for w in warnings)


def test_the_stacks_list_the_same_fonts() -> None:
    # report.css and compare.css, proportional and monospace, and the chart's SVG labels
    fallbacks = ", ".join(f'"{family}"' for family in FONT_FAMILIES[1:-1])
    for css in ("report.css", "compare.css"):
        stacks = re.findall(r"font-family: ([^;]+);", (ROOT / "templates" / css).read_text())
        assert stacks
        for stack in stacks:
            assert stack in (
                f'"DejaVu Sans", {fallbacks}, sans-serif',
                f'"DejaVu Sans Mono", {fallbacks}, monospace',
            ), f"{css}: {stack}"


def _pdffonts(pdf: bytes) -> list[tuple[str, bool, bool]]:
    done = subprocess.run([_tool("pdffonts"), "-"], input=pdf, capture_output=True, check=True)
    rows = done.stdout.decode().splitlines()[2:]
    found = []
    for row in rows:
        parts = row.split()
        # name, type..., encoding, emb, sub, uni, object, generation
        found.append((parts[0], parts[-5] == "yes", parts[-4] == "yes"))
    return found


def _text(pdf: bytes, page: int) -> str:
    args = [_tool("pdftotext"), "-raw", "-f", str(page), "-l", str(page), "-", "-"]
    done = subprocess.run(args, input=pdf, capture_output=True, check=True)
    return _plain(done.stdout.decode())


def _plain(text: str) -> str:
    """Text without spaces, line breaks or bidi marks: pdftotext splits some clusters."""
    return _BIDI_MARKS.sub("", "".join(text.split()))
