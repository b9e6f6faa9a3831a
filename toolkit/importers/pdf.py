"""PDF transcripts with a text layer (.pdf), read with pypdf (pure Python).

Per page the text layer is extracted; lines that repeat at the top or bottom of most pages (running
headers and footers, digits ignored) and page-number lines (``3``, ``Seite 3 von 9``, ``- 3 -``) are
removed; a word hyphenated at a line end (``Kolle-`` / ``ginnen``) is joined. A PDF without text
(a scan) is refused with a message that it needs OCR; an encrypted PDF that does not open with an
empty password is refused too.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from toolkit.errors import ImportFailed
from toolkit.importers.normalize import check_text, normalize_text

MAX_PAGES = 3000
_PAGE_NUMBER = re.compile(
    r"^(?:(?:Seite|Page|S\.)\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:von|of|/)\s*\d{1,4})?$", re.I
)
_HYPHEN = re.compile(r"([a-zäöüß])-\n([a-zäöüß])")
_EDGE = 2  # lines at the top and bottom of a page that may be running headers or footers


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _pages(data: bytes, path: str) -> list[list[str]]:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                raise ImportFailed("import.pdf_encrypted", file=path)
        if len(reader.pages) > MAX_PAGES:
            raise ImportFailed(
                "import.pdf_too_many_pages", file=path, pages=len(reader.pages), limit=MAX_PAGES
            )
        return [[line.rstrip() for line in (page.extract_text() or "").split("\n")] for page in reader.pages]
    except ImportFailed:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise ImportFailed("import.pdf_unreadable", file=path, reason=type(exc).__name__) from None


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without running headers/footers and page numbers."""
    edges: Counter[str] = Counter()
    for lines in pages:
        filled = [line for line in lines if line.strip()]
        edges.update({_key(line) for line in filled[:_EDGE] + filled[-_EDGE:]})
    running = {key for key, n in edges.items() if len(pages) >= 2 and n >= max(2, 0.6 * len(pages))}
    result = []
    for lines in pages:
        numbers = [i for i, line in enumerate(lines) if line.strip()]
        edge = set(numbers[:_EDGE] + numbers[-_EDGE:])
        result.append(
            [
                line
                for i, line in enumerate(lines)
                if not (i in edge and (_key(line) in running or _PAGE_NUMBER.match(line.strip())))
            ]
        )
    return result


PAGE_MARK = "\ue000"  # a private-use character put where each page begins, taken out again


def read_pdf_pages(data: bytes, path: str) -> tuple[str, tuple[int, ...]]:
    """The stored text of a PDF's text layer and where each page begins in it (page 1 at 0)."""
    pages = _pages(data, path)
    if not any(line.strip() for lines in pages for line in lines):
        raise ImportFailed("import.pdf_no_text", file=path)
    kept = _strip_running_lines(pages)
    marked = "\n".join(
        ("" if i == 0 else PAGE_MARK) + "\n".join(line.replace(PAGE_MARK, "") for line in lines)
        for i, lines in enumerate(kept)
    )
    marked = _HYPHEN.sub(r"\1\2", normalize_text(marked)).strip("\n")
    parts = marked.split(PAGE_MARK)
    starts, at = [0], 0
    for part in parts[:-1]:
        at += len(part)
        starts.append(at)
    text = check_text("".join(parts) + "\n", path)
    return text, tuple(min(s, len(text)) for s in starts)


def read_pdf(data: bytes, path: str) -> str:
    """The stored text of a PDF's text layer."""
    return read_pdf_pages(data, path)[0]
