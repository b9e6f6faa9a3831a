"""OpenDocument transcripts (.odt, LibreOffice): paragraphs and headings in order, bold speaker
labels, lists, sections and tables of turns.

The file is untrusted: it is checked as a zip like a .docx (not encrypted, not truncated, no member
or total size beyond the limits, no absurd compression ratio), and ``content.xml``/``styles.xml`` are
parsed with defusedxml (no DTDs, no entity expansion, no external entities). Nested elements are
walked with an explicit stack, so 5,000 nested spans cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from toolkit.errors import ImportFailed
from toolkit.importers.docx import DocxText, bold_label, check_zip, table_lines
from toolkit.importers.normalize import check_text, normalize_text

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_PARAGRAPHS = {f"{_TEXT}p", f"{_TEXT}h"}
_CONTAINERS = {
    f"{_TEXT}list",
    f"{_TEXT}list-item",
    f"{_TEXT}list-header",
    f"{_TEXT}section",
    f"{_TEXT}index-body",
    f"{_TEXT}soft-page-break",
    f"{_OFFICE}text",
}
_NOT_SAID = {f"{_TEXT}note", f"{_OFFICE}annotation", f"{_TEXT}tracked-changes", f"{_TEXT}bookmark"}
_ROWS = {f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group"}
_MIMETYPES = {b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template"}

Styles = dict[str, tuple[bool | None, str | None]]  # name -> (bold, parent style)


def _parse(archive: zipfile.ZipFile, name: str, path: str) -> Element:
    from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

    try:
        root: Element = fromstring(archive.read(name))
    except Exception as exc:  # ParseError, DTDForbidden, EntitiesForbidden, zlib and CRC errors
        raise ImportFailed(
            "import.odt_part_unreadable", file=path, part=name, reason=type(exc).__name__
        ) from None
    return root


def _styles(roots: list[Element]) -> Styles:
    styles: Styles = {}
    for root in roots:
        for style in root.iter(f"{_STYLE}style"):
            name = style.get(f"{_STYLE}name")
            if not name:
                continue
            bold: bool | None = None
            props = style.find(f"{_STYLE}text-properties")
            if props is not None and props.get(f"{_FO}font-weight"):
                weight = props.get(f"{_FO}font-weight", "")
                bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
            styles[name] = (bold, style.get(f"{_STYLE}parent-style-name"))
    return styles


def _is_bold(styles: Styles, name: str | None) -> bool | None:
    for _ in range(10):  # parent chains are short; a cycle stops here
        if not name or name not in styles:
            return None
        bold, name = styles[name]
        if bold is not None:
            return bold
    return None


def _runs(paragraph: Element, styles: Styles) -> list[tuple[str, bool]]:
    """The paragraph's text as ``(text, bold)`` runs, walked with an explicit stack."""
    runs: list[tuple[str, bool]] = []
    base = bool(_is_bold(styles, paragraph.get(f"{_TEXT}style-name")))
    stack: list[tuple[str | Element, bool]] = [(child, base) for child in reversed(paragraph)]
    if paragraph.text:
        stack.append((paragraph.text, base))
    while stack:
        item, bold = stack.pop()
        if isinstance(item, str):
            runs.append((item, bold))
            continue
        tail = [(item.tail, bold)] if item.tail else []
        if item.tag in _NOT_SAID:
            stack.extend(tail)
            continue
        if item.tag == f"{_TEXT}s":
            count = item.get(f"{_TEXT}c", "1")
            stack.extend(tail)
            stack.append((" " * min(int(count) if count.isdigit() else 1, 100), bold))
            continue
        if item.tag == f"{_TEXT}tab":
            stack.extend([*tail, ("\t", bold)])
            continue
        if item.tag == f"{_TEXT}line-break":
            stack.extend([*tail, ("\n", bold)])
            continue
        own = _is_bold(styles, item.get(f"{_TEXT}style-name"))
        inner = bold if own is None else own
        stack.extend(tail)
        stack.extend((child, inner) for child in reversed(item))
        if item.text:
            stack.append((item.text, inner))
    return runs


def _cell_text(cell: Element, styles: Styles) -> str:
    parts = []
    for paragraph in cell.iter():
        if paragraph.tag in _PARAGRAPHS:
            text = "".join(t for t, _ in _runs(paragraph, styles)).strip()
            if text:
                parts.append(text)
    return " ".join(parts)


def _table(table: Element, styles: Styles) -> list[str]:
    rows: list[list[str]] = []
    pending = list(reversed(table))
    while pending:
        element = pending.pop()
        if element.tag in _ROWS:
            pending.extend(reversed(element))
        elif element.tag == f"{_TABLE}table-row":
            cells = [_cell_text(c, styles) for c in element if c.tag == f"{_TABLE}table-cell"]
            rows.append(cells)
    return table_lines(rows)


def _blocks(body: Element, styles: Styles) -> Iterator[tuple[str, str | None]]:
    """Lines of the body in order, each with its bold speaker label (or None)."""
    stack = list(reversed(body))
    while stack:
        element = stack.pop()
        if element.tag in _PARAGRAPHS:
            runs = _runs(element, styles)
            yield "".join(text for text, _ in runs), bold_label(runs)
        elif element.tag == f"{_TABLE}table":
            for line in _table(element, styles):
                yield line, None
        elif element.tag in _CONTAINERS:
            stack.extend(reversed(element))


def read_odt(data: bytes, path: str) -> DocxText:
    """Stored text of an OpenDocument text file and the speaker labels set in bold."""
    archive = check_zip(data, path, kind=".odt", app="LibreOffice", part="content.xml")
    names = set(archive.namelist())
    if "mimetype" in names and archive.read("mimetype").strip() not in _MIMETYPES:
        raise ImportFailed("import.odt_not_text", file=path)
    if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
        raise ImportFailed("import.odt_encrypted", file=path)
    content = _parse(archive, "content.xml", path)
    roots = [content] + ([_parse(archive, "styles.xml", path)] if "styles.xml" in names else [])
    styles = _styles(roots)
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise ImportFailed("import.odt_no_body", file=path)
    lines: list[str] = []
    labels: set[str] = set()
    for line, label in _blocks(body, styles):
        lines.append(line)
        if label:
            labels.add(label)
    text = normalize_text("\n".join(lines)).strip("\n") + "\n"
    return DocxText(check_text(text, path), frozenset(labels))
