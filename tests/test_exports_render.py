"""The Word files as a reader sees them: rendered to PDF by LibreOffice (one start for all files),
read back with pdftotext. Every code name stands unbroken in a table cell, no word runs off the
page, a German file has no English key, no ISO time stamp and no decimal point; PNGs of the first
pages go to test-artifacts/render/ to be looked at.

Needs Debian's ``libreoffice-writer-nogui`` and ``poppler-utils`` (``make test`` installs them as
root); skipped with the reason otherwise."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from _factories import ROOT

from toolkit import analysis
from toolkit.agreement import agreement, report_data
from toolkit.codes import list_codes
from toolkit.exports import build_report, write_codebook_guide, write_report
from toolkit.exports.agreement import write_docx
from toolkit.i18n import Language
from toolkit.project import create_demo
from toolkit.store import open_store

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [
    pytest.mark.slow,  # one LibreOffice conversion for the module: 20-80 s
    pytest.mark.skipif(
        SOFFICE is None or PDFTOTEXT is None,
        reason="LibreOffice or pdftotext missing: apt-get install libreoffice-writer-nogui poppler-utils",
    ),
]
ARTIFACTS = ROOT / "test-artifacts" / "render"
ISO_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
ENGLISH_KEYS = re.compile(
    r"\b(scope|pair|percent_agreement|segments_a|share_pct|documents_pct|field_of_action|"
    r"krippendorff_alpha|created_at|challenge|driver|codings|overall|valence|\(none\))\b"
)
DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")  # 3.11, not 1.234 or 1.2.3
_X = "{http://www.w3.org/1999/xhtml}"
DEMO: list[Path] = []  # the demo project the files were made from


@dataclass(frozen=True)
class Page:
    width: float
    blocks: list[str]  # the words of each text block (a table cell, a paragraph), joined by spaces
    right: float  # the right edge of the rightmost word


@dataclass(frozen=True)
class Rendered:
    pdf: Path
    pages: list[Page]

    @property
    def text(self) -> str:
        return "\n".join(b for p in self.pages for b in p.blocks)


def _block_text(block: ET.Element) -> str:
    """A block's lines joined by spaces; a line that ends after a hyphen (Change-|Management) is
    joined without one: a break at a hyphen is no broken word."""
    text = ""
    for line in block.iter(f"{_X}line"):
        words = " ".join(w.text or "" for w in line.iter(f"{_X}word"))
        joiner = "" if re.search(r"\w-$", text) or not text else " "
        text += joiner + words
    return text


def _read(pdf: Path) -> Rendered:
    xml = subprocess.run(
        [str(PDFTOTEXT), "-bbox-layout", str(pdf), "-"], capture_output=True, check=True, timeout=120
    ).stdout
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter(f"{_X}page"):
        blocks = [_block_text(block) for block in page.iter(f"{_X}block")]
        right = max((float(w.get("xMax", 0)) for w in page.iter(f"{_X}word")), default=0.0)
        pages.append(Page(float(page.get("width", 0)), blocks, right))
    return Rendered(pdf, pages)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """Four Word files of the demo project, converted to PDF by one LibreOffice run."""
    folder = tmp_path_factory.mktemp("render")
    create_demo(folder / "demo.db", ROOT, actor="t")
    DEMO[:] = [folder / "demo.db"]
    store = open_store(folder / "demo.db")
    data = analysis.load_codings(store)
    files: dict[str, bytes] = {}
    for name, view, lang in (
        ("report_de", analysis.choose_coders(data, all_coders=True), "de"),
        ("report_en", analysis.choose_coders(data, ["anna"]), "en"),
    ):
        out = io.BytesIO()
        write_report(build_report(store, data, view=view, lang=lang), out)
        files[name] = out.getvalue()
    out = io.BytesIO()
    write_docx(report_data(agreement(store, ["anna", "ben"], method="unit", draws=20)), out)
    files["agreement_de"] = out.getvalue()
    out = io.BytesIO()
    write_codebook_guide(list_codes(store), out, title="Demo", language="de")
    files["guide_de"] = out.getvalue()
    store.close()
    for name, content in files.items():
        (folder / f"{name}.docx").write_bytes(content)
    profile = folder / "lo-profile"  # its own profile: LibreOffice runs started elsewhere do not clash
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{n}.docx") for n in files),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out_pdfs = {n: folder / f"{n}.pdf" for n in files}
    if shutil.which("pdftoppm"):
        for name, pdf in out_pdfs.items():
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "3", str(pdf), str(ARTIFACTS / name)],
                check=True,
                timeout=120,
            )
    return {n: _read(pdf) for n, pdf in out_pdfs.items()}


@pytest.fixture(scope="module")
def code_names(rendered: dict[str, Rendered]) -> list[str]:
    """The names of the demo codebook's codes below the categories (the long ones)."""
    from toolkit.codebook import load_codebook

    book = load_codebook(ROOT / "codebook" / "codebook.yaml")
    parents = {c.parent for c in book.codes if c.parent}
    return sorted({c.name for c in book.codes if c.parent and c.id not in parents})


def _used(coder: str | None, lang: Language = "de") -> list[str]:
    """The names of the codes in the report's tables (those with codings), in ``lang`` (English:
    the codebook's ``name_en``, as the English report names them)."""
    from toolkit.code_labels import path_names

    with open_store(DEMO[0]) as store:
        data = analysis.load_codings(store, coder=coder)
        shown = path_names(store, lang)
    freq = analysis.frequencies(data, "code")
    return sorted({shown[str(c)].rsplit("/", 1)[-1] for c in freq.loc[freq["codings"] > 0, "code"]})


def test_every_code_name_stands_unbroken_in_a_cell(
    rendered: dict[str, Rendered], code_names: list[str]
) -> None:
    for name in ("guide_de", "agreement_de"):
        blocks = [b for p in rendered[name].pages for b in p.blocks]
        broken = [n for n in code_names if not any(n in b for b in blocks)]
        assert broken == [], f"{name}: code names broken or missing: {broken[:5]}"
    for name, coder, lang in (("report_de", None, "de"), ("report_en", "anna", "en")):
        blocks = [b for p in rendered[name].pages for b in p.blocks]
        used = _used(coder, lang)
        broken = [n for n in used if not any(n in b for b in blocks)]
        assert len(used) > 30 and broken == [], f"{name}: code names broken or missing: {broken[:5]}"


def test_no_table_runs_off_the_page(rendered: dict[str, Rendered]) -> None:
    for name, doc in rendered.items():
        for number, page in enumerate(doc.pages, start=1):
            assert page.right <= page.width - 28, f"{name} page {number}: text reaches {page.right:.0f} pt"


def test_german_files_have_no_english_keys_iso_stamps_or_decimal_points(
    rendered: dict[str, Rendered],
) -> None:
    for name in ("report_de", "agreement_de", "guide_de"):
        text = rendered[name].text
        assert not ISO_STAMP.search(text), name
        assert not ENGLISH_KEYS.search(text), f"{name}: {ENGLISH_KEYS.search(text)}"
    tables = rendered["report_de"].text.split("Zitate je Code")[0]  # the quotes are the interviews' text
    for text in (tables, rendered["agreement_de"].text):
        assert not DECIMAL_POINT.search(text), DECIMAL_POINT.search(text)
    assert "Erstellt am 1. " in rendered["report_de"].text or "Erstellt am " in rendered["report_de"].text
    assert "gepoolt: Codierungen von anna, ben" in rendered["report_de"].text
    assert re.search(r"\d,\d\d %", tables)


def test_english_report_speaks_english(rendered: dict[str, Rendered]) -> None:
    text = rendered["report_en"].text
    assert "Share %" in text and "codings of anna" in text and "Created on " in text
    assert not ISO_STAMP.search(text) and "Codierungen" not in text
