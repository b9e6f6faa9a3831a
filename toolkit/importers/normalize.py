"""Bytes to stored text: encoding detection and the one normalisation every offset refers to.

Stored text is NFC, has no BOM and uses ``\\n`` line ends. Every importer ends here.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from toolkit.errors import ImportFailed

_LINE_ENDS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
# C0/C1 controls other than tab and newline say "binary", not "transcript".
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# Bytes that Windows-1252 leaves undefined; a file that has them is not cp1252.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _looks_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from the pattern of zero bytes in ASCII-heavy text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, path: str) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16/32 (BOM or zero-byte pattern), else
    Windows-1252. Raises ImportFailed for empty or binary content."""
    if not data.strip():
        raise ImportFailed("import.empty_text", file=path)
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding, path)
    utf16 = _looks_utf16(data)
    if utf16:
        return _decode_as(data, utf16, path)
    if b"\x00" in data:
        raise ImportFailed("import.binary", file=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if any(b in _CP1252_UNDEFINED for b in data):
        raise ImportFailed("import.encoding_unknown", file=path)
    return data.decode("cp1252")


def _decode_as(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFailed("import.encoding_invalid", file=path, encoding=encoding, byte=exc.start) from None


def normalize_text(text: str) -> str:
    """The stored form: BOM removed, line ends as ``\\n``, NFC."""
    text = text.lstrip("\ufeff")
    text = _LINE_ENDS.sub("\n", text)
    return unicodedata.normalize("NFC", text)


def check_text(text: str, path: str) -> str:
    """Refuse text that is empty or full of control characters (a binary file decoded as text)."""
    if not text.strip():
        raise ImportFailed("import.no_text", file=path)
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(3, len(text[:20000]) // 200):
        raise ImportFailed("import.binary", file=path)
    return _CONTROL.sub("", text) if controls else text
