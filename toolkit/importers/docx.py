"""Word transcripts (.docx): paragraphs in order, bold speaker labels, tables of turns.

The file is untrusted: it is checked as a zip (not encrypted, not truncated, no member or total
size beyond the limits, no absurd compression ratio) before python-docx parses it; python-docx's
XML parser does not resolve entities.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from toolkit.errors import ImportFailed
from toolkit.importers.normalize import check_text, normalize_text

MAX_MEMBERS = 2000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TIME_CELL = re.compile(r"^\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,-]\d{1,3})?\)?\]?$")
_HEADER_WORDS = {
    "sprecher",
    "sprecherin",
    "speaker",
    "person",
    "name",
    "zeit",
    "time",
    "zeitmarke",
    "timestamp",
    "zeitstempel",
    "text",
    "transkript",
    "transcript",
    "äußerung",
    "inhalt",
    "beitrag",
    "rolle",
    "role",
    "nr",
    "nr.",
    "#",
}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class DocxText:
    """Stored text of a Word file and the speaker labels that were set in bold."""

    text: str
    bold_labels: frozenset[str]


def check_zip(
    data: bytes, path: str, *, kind: str = ".docx", app: str = "Word", part: str = "word/document.xml"
) -> zipfile.ZipFile:
    """Open an Office file as a zip, refusing encrypted, truncated and bomb-like files."""
    if data.startswith(_OLE_MAGIC):
        raise ImportFailed("import.office_encrypted_or_old", file=path, app=app, kind=kind)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise ImportFailed("import.zip_invalid", file=path, kind=kind, app=app) from None
    if len(members) > MAX_MEMBERS:
        raise ImportFailed(
            "import.zip_too_many_parts", file=path, kind=kind, parts=len(members), limit=MAX_MEMBERS
        )
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise ImportFailed("import.zip_encrypted", file=path, kind=kind)
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNCOMPRESSED or (info.file_size > 10 * 1024 * 1024 and ratio > MAX_RATIO):
            raise ImportFailed("import.zip_bomb", file=path, kind=kind)
    if part not in {m.filename for m in members}:
        raise ImportFailed("import.zip_part_missing", file=path, part=part, app=app)
    return archive


def bold_label(runs: list[tuple[str, bool]]) -> str | None:
    """The speaker label when a paragraph's runs ``(text, bold)`` begin with bold text ending in
    ':' (or followed by ':'); also used for .odt and .rtf."""
    prefix = ""
    for text, bold in runs:
        if not text:
            continue
        if bold:
            prefix += text
            continue
        if not prefix:
            return None
        if text.lstrip().startswith(":") or prefix.rstrip().endswith(":"):
            break
        return None
    label = prefix.strip().rstrip(":").strip()
    if label and len(label) <= 40 and "\n" not in label:
        return re.sub(r"\s*[\[(].*$", "", label) or None
    return None


def _bold_label(paragraph: object) -> str | None:
    return bold_label([(run.text, bool(run.bold)) for run in getattr(paragraph, "runs", [])])


def _cell_text(cell: object) -> str:
    return " ".join(p.text.strip() for p in getattr(cell, "paragraphs", []) if p.text.strip())


def _table_lines(table: object) -> list[str]:
    rows = []
    for row in getattr(table, "rows", []):
        cells: list[str] = []
        for cell in row.cells:
            value = _cell_text(cell)
            if not cells or cells[-1] != value:  # merged cells repeat themselves
                cells.append(value)
        rows.append(cells)
    return table_lines(rows)


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table of turns (speaker | [time] | text) as ``Speaker [time]: text`` lines; any other
    table row as its cells joined by tabs (.docx and .odt)."""
    lines = []
    for cells in rows:
        if not any(cells):
            continue
        if all(c.strip().lower().rstrip(":") in _HEADER_WORDS for c in cells if c):
            continue
        if len(cells) in (2, 3) and cells[0] and len(cells[0]) <= 40 and cells[-1]:
            time = cells[1] if len(cells) == 3 else ""
            if len(cells) == 2 or _TIME_CELL.match(time):
                stamp = f" [{time.strip('[]()')}]" if time else ""
                lines.append(f"{cells[0].rstrip(':')}{stamp}: {cells[-1]}")
                continue
        lines.append("\t".join(cells))
    return lines


def read_docx(data: bytes, path: str) -> DocxText:
    """Stored text of a Word file: body paragraphs and tables in document order."""
    check_zip(data, path)
    try:
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged parts
        raise ImportFailed("import.docx_unreadable", file=path, reason=type(exc).__name__) from None
    lines: list[str] = []
    labels: set[str] = set()
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, document)
            label = _bold_label(paragraph)
            if label:
                labels.add(label)
            lines.append(paragraph.text)
        elif child.tag == f"{_W}tbl":
            lines.extend(_table_lines(Table(child, document)))
    text = normalize_text("\n".join(lines)).strip("\n") + "\n"
    return DocxText(check_text(text, path), frozenset(labels))
