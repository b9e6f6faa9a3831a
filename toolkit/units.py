"""The units of a transcript, defined once for every part of the toolkit that counts or suggests
by unit (agreement, consensus, suggestions, autocoding, co-occurrence):

- ``sentence``: sentences found by spaCy's rule-based sentencizer (blank pipeline, nothing
  downloaded) inside each speaker turn, never crossing a turn; without turns, in the whole text.
- ``turn``: each speaker turn, whitespace trimmed; a document without turns has its paragraphs.
- ``paragraph``: blocks of text between blank lines.

Every unit is a ``(start, end)`` pair of offsets into the stored text, whitespace trimmed, never
empty. spaCy loads only when sentences are asked for."""

from __future__ import annotations

import re
from collections.abc import Sequence

from toolkit.anchoring import strip_span
from toolkit.errors import InvalidValue
from toolkit.model import Turn

UNIT_KINDS = ("sentence", "turn", "paragraph")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def paragraph_units(text: str) -> list[tuple[int, int]]:
    """Blocks of text between blank lines, whitespace trimmed."""
    out, pos = [], 0
    for match in [*_BLANK_LINES.finditer(text), None]:
        stop = match.start() if match else len(text)
        s, e = strip_span(text, pos, stop)
        if e > s:
            out.append((s, e))
        pos = match.end() if match else len(text)
    return out


def turn_units(text: str, turns: Sequence[Turn]) -> list[tuple[int, int]]:
    """The speaker turns, whitespace trimmed (empty ones left out); the paragraphs without turns."""
    out = [strip_span(text, t.start, t.end) for t in turns]
    return [(s, e) for s, e in out if e > s] or paragraph_units(text)


def sentence_units(text: str, turns: Sequence[Turn], language: str) -> list[tuple[int, int]]:
    """Sentences inside each turn, whitespace trimmed. A sentence never crosses a turn boundary;
    without turns the whole text is one turn. The sentences are those of spaCy's sentencizer over
    spaCy's tokenizer in each turn (:func:`toolkit.nlp.sentence_pipeline`), computed by
    :mod:`toolkit.sentence_split` without building a spaCy document of every turn."""
    return sentences_in(text, [(t.start, t.end) for t in turns], language)


def sentences_in(text: str, turns: Sequence[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    """:func:`sentence_units` with the turns given as their ``(start, end)`` offsets."""
    from toolkit.sentence_split import splitter  # spaCy: only when sentences are asked for

    spans = [(s, e) for s, e in turns if text[s:e].strip()]
    if not turns and text.strip():
        spans = [(0, len(text))]
    return splitter(language).sentences(text, spans)


def units(text: str, turns: Sequence[Turn], language: str, kind: str) -> list[tuple[int, int]]:
    """The units of one document of ``kind`` (one of :data:`UNIT_KINDS`), in text order."""
    if kind == "sentence":
        return sentence_units(text, turns, language)
    if kind == "turn":
        return turn_units(text, turns)
    if kind == "paragraph":
        return paragraph_units(text)
    raise InvalidValue("option.unknown", option="unit", value=kind, choices=UNIT_KINDS)
