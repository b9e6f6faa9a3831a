"""Plain-text transcripts (.txt): decoded, normalised, turns detected."""

from __future__ import annotations

from toolkit.importers.normalize import check_text, decode, normalize_text


def read_text(data: bytes, path: str) -> str:
    """The stored text of a plain-text file."""
    return check_text(normalize_text(decode(data, path)), path)
