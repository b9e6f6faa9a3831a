"""Selection positions of REFI-QDA files, converted once to offsets into the stored text.

The standard counts 0-based Unicode code points of the plain text; MAXQDA and qc do so. NVivo for
Windows counts UTF-16 code units (a character beyond U+FFFF counts two), with the BOM stripped and
CRLF counted as two. Either way the positions refer to the source text as written, before this
toolkit's normalisation (``\\n`` line ends, NFC, control characters removed); :class:`PositionMap`
maps them onto the stored text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right

from toolkit.importers.normalize import check_text, normalize_text

CODEPOINTS = "codepoints"
UTF16 = "utf16"

_LINE_END = re.compile(r"\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def position_unit(origin: str) -> str:
    """How the writing tool (``Project@origin``) counts positions: NVivo for Windows in UTF-16
    units, everybody else (and NVivo for Mac) in code points."""
    o = origin.casefold()
    if "nvivo" in o and "mac" not in o:
        return UTF16
    return CODEPOINTS


class PositionMap:
    """Maps positions in the raw source text (decoded, BOM stripped) to stored-text offsets."""

    def __init__(self, raw: str, unit: str = CODEPOINTS, path: str = "<source>") -> None:
        raw = raw.lstrip("\ufeff")
        self.raw = raw
        self.unit = unit
        self.text = check_text(normalize_text(raw), path)
        # utf-16 unit -> code point index (only when the text has characters beyond the BMP)
        self._astral: list[int] | None = None
        if unit == UTF16 and _ASTRAL.search(raw):
            self._astral = [m.start() for m in _ASTRAL.finditer(raw)]
        self.length = len(raw) + (len(self._astral) if self._astral is not None else 0)
        self._lo: list[int] | None = None
        self._hi: list[int] | None = None
        self.exact = True
        if self.text != raw:
            self._build()

    def _build(self) -> None:
        """Offsets for every raw code point: line ends and control characters first, then NFC by
        clusters (a starter and the combining marks after it)."""
        step: list[int] = []  # raw index -> index in the text with line ends and controls fixed
        pieces: list[str] = []
        pos = 0
        i = 0
        raw = self.raw
        for m in _LINE_END.finditer(raw):
            for ch in raw[i : m.start()]:
                step.append(pos)
                if not _CONTROL.match(ch):
                    pieces.append(ch)
                    pos += 1
            for _ in range(m.end() - m.start()):
                step.append(pos)
            pieces.append("\n")
            pos += 1
            i = m.end()
        for ch in raw[i:]:
            step.append(pos)
            if not _CONTROL.match(ch):
                pieces.append(ch)
                pos += 1
        step.append(pos)
        fixed = "".join(pieces)
        if unicodedata.is_normalized("NFC", fixed):
            lo = hi = step
            composed = fixed
        else:
            starts = [k for k, ch in enumerate(fixed) if k == 0 or unicodedata.combining(ch) == 0]
            starts.append(len(fixed))
            cl_lo, cl_hi, out = [], [], 0
            parts = []
            for a, b in itertools.pairwise(starts):
                piece = unicodedata.normalize("NFC", fixed[a:b])
                parts.append(piece)
                cl_lo.extend([out] * (b - a))
                cl_hi.extend([out] + [out + len(piece)] * (b - a - 1))
                out += len(piece)
            cl_lo.append(out)
            cl_hi.append(out)
            composed = "".join(parts)
            lo = [cl_lo[s] for s in step]
            hi = [cl_hi[s] for s in step]
        if composed != self.text:
            self.exact = False  # e.g. Hangul jamo composing across clusters: positions approximate
        self._lo, self._hi = lo, hi

    def _codepoint(self, position: int) -> int:
        if self._astral is None:
            return position
        # each astral character before the position took two units
        k = 0
        while True:
            n = bisect_right(self._astral, position - k - 1)
            if n == k:
                return position - k
            k = n

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The stored-text span of a selection, or None when it lies outside the source or is
        empty once normalised."""
        if not 0 <= start < end <= self.length:
            return None
        a, b = self._codepoint(start), self._codepoint(end)
        if self._lo is not None and self._hi is not None:
            a, b = self._lo[a], self._hi[b]
        a, b = min(a, len(self.text)), min(b, len(self.text))
        return (a, b) if a < b else None


def utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))
