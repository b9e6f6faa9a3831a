"""Subtitle transcripts (.srt, .vtt), as written by Whisper, Teams, Zoom or subtitle editors.

Each cue becomes a turn with the cue's start time. Speakers come from WebVTT voice tags
(``<v Anna>``) or a ``Name:`` prefix; consecutive cues of the same speaker form one turn. The
stored text has one line per turn: ``Name: text`` or just the text when no speaker is known.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from toolkit.errors import ImportFailed
from toolkit.importers.normalize import check_text, decode, normalize_text
from toolkit.importers.turns import parse_timestamp
from toolkit.model import Turn

_CUE_TIME = re.compile(
    r"^\s*(?P<start>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*"
    r"(?P<end>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})"
)
# Applied to the inside of one tag (no ``>`` in it), so it cannot backtrack across the cue.
_VOICE = re.compile(r"v(?:\.[\w.-]+)?\s+(.+)", re.S)
_PREFIX = re.compile(r"^(?P<speaker>[^\s:][^:]{0,40}?):\s+(?P<text>.+)$", re.S)


@dataclass(frozen=True)
class SubtitleText:
    text: str
    turns: tuple[Turn, ...]


def _is_tag(inner: str) -> bool:
    """Whether the text between ``<`` and ``>`` is a tag (``b``, ``/i``, ``v Anna``, ...)."""
    name = inner[1:] if inner.startswith("/") else inner
    return bool(name) and name[0].isascii() and name[0].isalpha()


def _strip_tags(body: str) -> tuple[str, str]:
    """The first voice tag's name and the body without tags, in one left-to-right pass.

    A tag runs from ``<`` plus a letter (or ``/`` and a letter) to the next ``>``. Each character
    is looked at a bounded number of times, so a cue of 60,000 unclosed ``<v `` stays linear
    (regular expressions for voice and tag took 20 s there, issue 16)."""
    parts: list[str] = []
    speaker: str | None = None
    pos = 0
    gt = -1
    while True:
        lt = body.find("<", pos)
        if lt < 0:
            break
        if gt < lt:  # the first '>' after this '<' (still the last one found while it lies ahead)
            gt = body.find(">", lt + 1)
            if gt < 0:
                break  # no tag can close: the rest is text
        inner = body[lt + 1 : gt]
        if not _is_tag(inner):
            parts.append(body[pos : lt + 1])
            pos = lt + 1
            continue
        parts.append(body[pos:lt])
        if speaker is None:
            voice = _VOICE.fullmatch(inner)
            if voice:
                speaker = voice.group(1).strip()
        pos = gt + 1
    parts.append(body[pos:])
    return speaker or "", "".join(parts)


@dataclass(frozen=True)
class _Cue:
    start: float
    speaker: str
    text: str


def _cues(text: str, path: str) -> list[_Cue]:
    cues: list[_Cue] = []
    blocks = re.split(r"\n[ \t]*\n", text)
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        for i, line in enumerate(lines):
            m = _CUE_TIME.match(line)
            if not m:
                continue
            body = "\n".join(lines[i + 1 :]).strip()
            speaker, body = _strip_tags(body)
            body = html.unescape(body)
            body = " ".join(body.split())
            if not speaker:
                pm = _PREFIX.match(body)
                if pm and len(pm.group("speaker").split()) <= 4:
                    speaker, body = pm.group("speaker").strip(), pm.group("text").strip()
            if body:
                cues.append(_Cue(parse_timestamp(m.group("start")), speaker, body))
            break
    if not cues:
        raise ImportFailed("import.no_cues", file=path)
    return cues


def read_subtitles(data: bytes, path: str) -> SubtitleText:
    """Stored text and turns of an .srt or .vtt file."""
    cues = _cues(check_text(normalize_text(decode(data, path)), path), path)
    merged: list[_Cue] = []
    for cue in cues:
        if merged and cue.speaker and merged[-1].speaker == cue.speaker:
            last = merged[-1]
            merged[-1] = _Cue(last.start, last.speaker, f"{last.text} {cue.text}")
        else:
            merged.append(cue)
    parts: list[str] = []
    turns: list[Turn] = []
    pos = 0
    for cue in merged:
        prefix = f"{cue.speaker}: " if cue.speaker else ""
        line = prefix + cue.text
        turns.append(Turn(cue.speaker, pos + len(prefix), pos + len(line), cue.start))
        parts.append(line)
        pos += len(line) + 1
    return SubtitleText("\n".join(parts) + "\n", tuple(turns))
