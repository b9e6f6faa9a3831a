"""The units the learned model and the suggestions score: sentences inside speaker turns (and the lines
of text between turns that are more than a label), split again at line breaks, each with the context the
classifier may use (the question it answers, its neighbours, the speaker's role, the task heading)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.anchoring import strip_span
from toolkit.documents import document_row, document_turns
from toolkit.model import Turn
from toolkit.store import Store
from toolkit.units import sentence_units

_HEADING = re.compile(r"^\s*\d{1,2}(\.\w+)*\.?\s+[A-ZÄÖÜ]")
_TOP_HEADING = re.compile(r"^\s*\d{1,2}\.?\s+[A-ZÄÖÜ]")
_INLINE_SPEAKER = re.compile(r"^\s*([A-ZÄÖÜ][\w.\- ]{0,24}):\s")
# speaker labels that name the asking side in any transcript (besides speakers who mostly ask)
INTERVIEWER_LABELS = frozenset(
    {"i", "int", "interviewer", "interviewerin", "moderator", "moderatorin", "frage", "q", "question", "f"}
)
_LABEL_ONLY = re.compile(r"^[\w .\-]{1,30}(\s*\[[\d:.]+\])?:$|^[\w .\-]{1,30}:\s*\[[\d:.]+\]$")
_LETTERS = re.compile(r"[^\W\d_]{2}")


@dataclass(frozen=True)
class Unit:
    """A sentence of a document (``text[start:end]``) with the context the classifier may use."""

    document: str
    start: int
    end: int
    text: str
    question: str = ""
    previous: str = ""
    next: str = ""
    speaker: str = ""
    heading: str = ""


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = strip_span(text, pos, pos + len(line))
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _interviewers(text: str, turns: Sequence[Turn]) -> set[str]:
    """Speakers most of whose turns end with a question mark: the interviewer(s)."""
    asked: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for t in turns:
        total[t.speaker] += 1
        asked[t.speaker] += text[t.start : t.end].rstrip().endswith("?")
    return {s for s in total if len(total) > 1 and asked[s] * 2 >= total[s] and asked[s] > 0}


def regions(text: str, turns: Sequence[Turn]) -> list[tuple[int, int]]:
    """The turns (whitespace trimmed) and the lines of text between them that are more than a speaker
    label or a timestamp (a heading or speech the importer did not recognise as a turn), in order."""
    if not turns:
        s, e = strip_span(text, 0, len(text))
        return [(s, e)] if e > s else []
    out = [strip_span(text, t.start, t.end) for t in turns]
    bounds = [0] + [x for t in turns for x in (t.start, t.end)] + [len(text)]
    for gap_start, gap_end in zip(bounds[::2], bounds[1::2], strict=True):
        for s, e in _line_pieces(text, gap_start, gap_end):
            piece = text[s:e]
            if _LETTERS.search(piece) and not _LABEL_ONLY.match(piece):
                out.append((s, e))
    return sorted((s, e) for s, e in out if e > s)


def units(text: str, turns: Sequence[Turn], language: str, document: str = "") -> list[Unit]:
    """The sentences of ``text`` (inside :func:`regions`, split again at line breaks) with their context.

    A unit's question is the nearest earlier unit that is a numbered task heading ("3.b Are the ...")
    or was said by an interviewer. Speaker roles: ``interviewer`` (a speaker most of whose turns end
    with a question mark, or a label of :data:`INTERVIEWER_LABELS` such as ``MODERATOR``),
    ``respondent``, or ``none`` (text outside turns). A line inside a turn starting with ``NAME:`` is
    said by NAME; further lines of a turn belong to its speaker, unless the document has a single
    speaker (an importer that did not recognise the other side), where they count as respondent.
    A unit's heading is the nearest numbered top-level heading."""
    pseudo = [Turn("", s, e) for s, e in regions(text, turns)]
    spans = [p for s, e in sentence_units(text, pseudo, language) for p in _line_pieces(text, s, e)]
    asking = _interviewers(text, turns)
    several = len({t.speaker for t in turns}) > 1
    starts = [t.start for t in turns]
    out: list[Unit] = []
    question = heading = ""
    raw: list[tuple[int, int, str, str]] = []
    for s, e in spans:
        line_start = text.rfind("\n", 0, s) + 1
        line = text[line_start : text.find("\n", s) if text.find("\n", s) >= 0 else len(text)]
        idx = _turn_at(starts, turns, s)
        inline = _INLINE_SPEAKER.match(line)
        if inline and idx is not None and line_start + inline.start(1) < turns[idx].start:
            inline = None  # the label of the turn itself
        if inline:
            role = _role(inline.group(1), asking)
        elif idx is None:
            role = "none"
        elif turns[idx].start >= line_start or several:
            role = _role(turns[idx].speaker, asking)
        else:  # a further line of the only speaker's turn: the importer did not see who spoke
            role = "respondent"
        raw.append((s, e, role, line))
    for i, (s, e, role, line) in enumerate(raw):
        own = text[s:e]
        prev = text[raw[i - 1][0] : raw[i - 1][1]] if i > 0 else ""
        nxt = text[raw[i + 1][0] : raw[i + 1][1]] if i + 1 < len(raw) else ""
        out.append(Unit(document, s, e, own, question, prev, nxt, role, heading))
        if role == "interviewer" or _HEADING.match(line):
            question = own if not _HEADING.match(line) else line.strip()
        if _TOP_HEADING.match(line):
            heading = line.strip()
    return out


def _role(speaker: str, asking: set[str]) -> str:
    name = speaker.strip().rstrip(".").casefold()
    return "interviewer" if speaker in asking or name in INTERVIEWER_LABELS else "respondent"


def _turn_at(starts: Sequence[int], turns: Sequence[Turn], pos: int) -> int | None:
    i = bisect_right(starts, pos) - 1
    if i >= 0 and turns[i].start <= pos < max(turns[i].end, turns[i].start + 1):
        return i
    return None


def document_units(store: Store, document: str) -> list[Unit]:
    row = document_row(store, document)
    return units(str(row["text"]), document_turns(store, document), str(row["language"]), str(row["name"]))
