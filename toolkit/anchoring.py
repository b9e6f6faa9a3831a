"""Finding a quoted passage in a stored text, up to differences in whitespace.

Other tools and people quote coded text with line breaks, tabs or doubled blanks where the stored
text has others; the passage is found in a folded copy and mapped back to stored offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Folded:
    """Document text with whitespace runs folded to one blank, and where each char came from."""

    text: str
    origin: tuple[int, ...]


def fold(text: str) -> Folded:
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _SPACE.finditer(text):
        chars.append(text[pos : m.start()])
        origin.extend(range(pos, m.start()))
        if origin:  # leading whitespace is dropped, inner runs become one blank
            chars.append(" ")
            origin.append(m.start())
        pos = m.end()
    chars.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return Folded("".join(chars), tuple(origin))


def fold_query(content: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", content)).strip()


def anchor(folded: Folded, content: str, occurrence: int = 0) -> tuple[int, int] | None:
    """Offsets in the original text of the ``occurrence``-th match of ``content`` up to whitespace."""
    needle = fold_query(content)
    if not needle:
        return None
    pos = -1
    for _ in range(occurrence + 1):
        pos = folded.text.find(needle, pos + 1)
        if pos < 0:
            return None
    return folded.origin[pos], folded.origin[pos + len(needle) - 1] + 1


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading and trailing whitespace (``start == end`` when only blanks)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
