"""Transcript importers: one module per format, one entry point choosing by file extension."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from pathlib import Path

from toolkit.errors import ImportFailed
from toolkit.model import ParsedDocument, SkippedLabel

MAX_FILE_BYTES = 50 * 1024 * 1024
FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".pdf": "pdf",
    ".srt": "srt",
    ".vtt": "vtt",
}

__all__ = ["FORMATS", "MAX_FILE_BYTES", "parse_bytes", "parse_file"]


def parse_bytes(
    data: bytes,
    filename: str,
    *,
    speaker_pattern: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> ParsedDocument:
    """Parse the content of a transcript file named ``filename`` (its extension picks the format)."""
    suffix = Path(filename).suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        known = sorted(FORMATS)
        raise ImportFailed("import.unknown_type", file=filename, suffix=suffix or "(none)", choices=known)
    if len(data) > max_bytes:
        raise ImportFailed("import.too_large", file=filename, size=len(data), limit=max_bytes)
    if not data:
        raise ImportFailed("import.empty_file", file=filename)
    # The format modules are imported here, when a file is parsed: listing documents or coding
    # (which import this package through toolkit.documents) then starts without them.
    from toolkit.importers.docx import read_docx
    from toolkit.importers.markdown import read_markdown_lines
    from toolkit.importers.odt import read_odt
    from toolkit.importers.pdf import read_pdf_pages
    from toolkit.importers.rtf import read_rtf
    from toolkit.importers.subtitles import read_subtitles
    from toolkit.importers.text import read_text
    from toolkit.importers.turns import detect_turns_report

    sha = hashlib.sha256(data).hexdigest()
    name = Path(filename).stem
    if fmt in ("srt", "vtt"):
        sub = read_subtitles(data, filename)
        return ParsedDocument(name, sub.text, sub.turns, fmt, sha)
    known_labels: frozenset[str] = frozenset()
    lines_above = 0
    page_starts: tuple[int, ...] = ()
    if fmt in ("docx", "odt", "rtf"):
        parsed = {"docx": read_docx, "odt": read_odt, "rtf": read_rtf}[fmt](data, filename)
        text, known_labels = parsed.text, parsed.bold_labels
    elif fmt == "md":
        text, lines_above = read_markdown_lines(data, filename)
    elif fmt == "pdf":
        text, page_starts = read_pdf_pages(data, filename)
    else:
        text = read_text(data, filename)
    found = detect_turns_report(text, speaker_pattern=speaker_pattern, known_labels=known_labels)
    skipped = tuple(SkippedLabel(s.line + lines_above, s.text) for s in found.skipped)
    pages = tuple(bisect_right(page_starts, t.start) for t in found.turns) if page_starts else ()
    return ParsedDocument(name, text, tuple(found.turns), fmt, sha, skipped, pages)


def parse_file(
    path: str | Path,
    *,
    speaker_pattern: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> ParsedDocument:
    """Read and parse a transcript file; errors name the file."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise ImportFailed("import.too_large", file=str(p), size=size, limit=max_bytes)
        data = p.read_bytes()
    except FileNotFoundError:
        raise ImportFailed("import.no_such_file", file=str(p)) from None
    except IsADirectoryError:
        raise ImportFailed("import.is_folder", file=str(p)) from None
    except PermissionError:
        raise ImportFailed("import.permission", file=str(p)) from None
    try:
        doc = parse_bytes(data, p.name, speaker_pattern=speaker_pattern, max_bytes=max_bytes)
    except ImportFailed as exc:
        raise exc.at(str(p)) from None
    return doc
