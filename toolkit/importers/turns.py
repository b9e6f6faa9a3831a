"""Speaker turns and timestamps in transcript text, as researchers and transcription tools write them.

Recognised at the start of a line (leading blanks and ``**bold**`` markers allowed):

- ``I: text``, ``B1: text``, ``Interviewer:`` alone with the turn on the next lines
- ``FRAGE [00:20:23]: text``, ``I: [00:01] text``, ``[00:01:02] Name: text``
- ``I [00:00:00]`` alone (``**I [00:00:00]**`` in Markdown)
- ``Anna Schmidt  12:05`` alone (speaker name and ``mm:ss``), the turn below; such a name counts
  after a blank line, or inside a paragraph when it is a usual label or recurs, so a hard-wrapped
  line ``Montag 9:00`` is not a speaker
- ``I [00:00:00] text`` (``**I [00:00:00]** text`` in Markdown), the turn on the same line
- f4/f5 timestamps ``#00:01:23-4#`` inside a turn give that turn's time

Conventions are chosen by evidence: the label form (with timestamp, with colon, name and time
alone) that starts most lines of the document wins; near-variants of a label in that form
(``B: [00:28:01]`` among ``I [00:00:00]``, ``B:[..]``, ``B :``) count for it. Lines that look like
labels but were not taken are reported with their line numbers (:func:`detect_turns_report`).
Front matter, titles, legend lines such as ``I = Interviewer``, ``---`` rules and bracketed notes
on a line of their own (``[Ende des Transkripts …]``) are not turns and not part of one.

A label is taken when it is a usual transcript label (I, B, B1, IP, M, Interviewer, Befragte,
FRAGE, ...), carries a timestamp, was bold in a Word file, or starts two or more lines of the
document. Everything before the first
turn is a preamble. A text without any label is split into one turn per paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.anchoring import strip_span
from toolkit.errors import InvalidValue
from toolkit.model import SkippedLabel, Turn

TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,-]\d{1,3})?"
_WORD = r"[A-ZÄÖÜ][\wÄÖÜäöüß.'\-]*"
_MORE = r"(?:[ ](?:[A-ZÄÖÜ][\wÄÖÜäöüß.'\-]*|\d{1,2}|\([\wÄÖÜäöüß .\-]{1,30}\)))"
LABEL = rf"{_WORD}{_MORE}{{0,3}}"

_NAME_TIME_LINE = re.compile(rf"^[ \t]*(?:\*\*)?(?P<label>{LABEL})[ \t]+(?P<ts>{TIME})(?:\*\*)?[ \t]*$")
_LABEL_LINE = re.compile(
    rf"^[ \t]*(?:\[(?P<ts0>{TIME})\][ \t]*)?(?:\*\*)?(?P<label>{LABEL})(?:\*\*)?"
    rf"(?:[ \t]*[\[(](?P<ts1>{TIME})[\])])?(?:\*\*)?"
    rf"(?:(?P<colon>[ \t]*:(?:\*\*)?[ \t]*(?:[\[(](?P<ts2>{TIME})[\])][ \t]*)?(?:\*\*)?[ \t]*)"
    rf"|(?P<alone>[ \t]*$)|(?P<inline>[ \t]+))"
)
# Lines that are never part of a turn when they stand alone: rules, bracketed notes, legends.
# Matched against a stripped line, so no blank run is tried twice.
_NOTE_LINE = re.compile(
    r"(?:[-*_=](?:[ \t]*[-*_=]){2,}|\[[^\[\]\n]*\]|\([^()\n]*\)|[A-ZÄÖÜ]\w{0,12}[ \t]*=[ \t]*\S.*)$"
)
_F4 = re.compile(r"#(\d{1,2}:\d{2}:\d{2}(?:[.,-]\d{1,3})?)#")
_TRAILING_F4 = re.compile(r"[ \t]*#\d{1,2}:\d{2}:\d{2}(?:[.,-]\d{1,3})?#[ \t]*$")
_PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*")

_KNOWN = re.compile(
    r"^(?:I|B|B\d{1,2}|IP\d{0,2}|IV|P\d{1,2}|TN\d{0,2}|T\d{1,2}|M|Mod|Q|A|R|INT|"
    r"Interviewer(?:in)?|Interviewende?r?|Interviewee|Befragte[r]?|Moderator(?:in)?|"
    r"Teilnehmer(?:in)? ?\d*|Sprecher(?:in)? ?\d+|Speaker ?\d+|Participant ?\d*|Respondent ?\d*|"
    r"FRAGE|ANTWORT|Frage|Antwort|MODERATOR|MODERATORIN|INTERVIEWER|INTERVIEWERIN|PARTICIPANT)$"
)
# Words that open header lines ("Datum: 3. Mai") and never name a speaker.
_NOT_LABELS = {
    "Datum",
    "Dauer",
    "Ort",
    "Thema",
    "Titel",
    "Legende",
    "Transkript",
    "Transkription",
    "Projekt",
    "Aufnahme",
    "Date",
    "Duration",
    "Location",
    "Title",
    "Note",
    "Notiz",
    "Anmerkung",
    "Hinweis",
    "Quelle",
    "Source",
    "Sprecher",
    "Speakers",
    "Teilnehmende",
    "Interview",
    "Beispiel",
    "Zum Beispiel",
    "Also",
    "Und",
    "Aber",
    "Ja",
    "Nein",
    "Fazit",
    "Ziel",
    "Stand",
    "Uhrzeit",
    "Zeit",
    "Time",
    "Subject",
    "Topic",
    "Example",
    "Summary",
    "Zusammenfassung",
}


@dataclass(frozen=True)
class _Candidate:
    line_start: int
    content_start: int
    label: str
    timestamp: str | None
    strong: bool
    form: str  # "time" (label with timestamp), "colon" (label: text), "name-time", "pattern"
    line_no: int = 0


@dataclass(frozen=True)
class TurnDetection:
    """The turns of a text and the label-like lines that were not taken."""

    turns: list[Turn]
    skipped: list[SkippedLabel]


def parse_timestamp(value: str) -> float:
    """``48:39`` -> 2919.0, ``01:02:03`` -> 3723.0, ``00:01:23-4`` (f4 tenths) -> 83.4,
    ``00:00:01,500`` (SRT) -> 1.5."""
    main, frac = value, ""
    for sep in ("-", ",", "."):
        if sep in value:
            main, frac = value.split(sep, 1)
            break
    parts = [int(p) for p in main.split(":")]
    if len(parts) == 2:
        seconds = parts[0] * 60 + parts[1]
    elif len(parts) == 3:
        seconds = parts[0] * 3600 + parts[1] * 60 + parts[2]
    else:
        raise InvalidValue("timestamp.invalid", value=value)
    fraction = float(f"0.{frac}") if frac.isdigit() else 0.0
    return float(seconds) + fraction


def _lines(text: str) -> Iterable[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _match_line(line: str, pos: int, line_no: int, previous_blank: bool) -> _Candidate | None:
    nt = _NAME_TIME_LINE.match(line)
    if nt:
        # inside a paragraph, "Montag 9:00" on a hard-wrapped line looks the same: there only
        # a usual or recurring label counts
        label, stamp = nt.group("label"), nt.group("ts")
        return _Candidate(pos, pos + nt.end(), label, stamp, previous_blank, "name-time", line_no)
    m = _LABEL_LINE.match(line)
    if not m:
        return None
    ts = m.group("ts0") or m.group("ts1") or m.group("ts2")
    if m.group("inline") is not None and not m.group("ts1"):
        return None  # "Anna ging ..." is prose; "I [00:00:01] text" is a turn
    if m.group("alone") is not None and not m.group("ts1") and not m.group("ts0"):
        return None  # a bare capitalised line without colon or time is prose
    form = "time" if ts else "colon"
    # "Montag (9:00) ging ich" has the same shape as "I [00:00:01] text": only a usual,
    # recurring or bold label counts there
    strong = ts is not None and m.group("inline") is None
    return _Candidate(pos, pos + m.end(), m.group("label"), ts, strong, form, line_no)


def _candidates(text: str, pattern: re.Pattern[str] | None) -> list[_Candidate]:
    found: list[_Candidate] = []
    after_blank = True
    for line_no, (pos, line) in enumerate(_lines(text), start=1):
        previous_blank, after_blank = after_blank, not line.strip()
        if not line.strip():
            continue
        if pattern is not None:
            m = pattern.match(line)
            if m and m.group("speaker"):
                groups = m.groupdict()
                speaker = m.group("speaker").strip()
                found.append(
                    _Candidate(pos, pos + m.end(), speaker, groups.get("time"), True, "pattern", line_no)
                )
            continue
        cand = _match_line(line, pos, line_no, previous_blank)
        if cand is not None:
            found.append(cand)
    return found


def _plausible(c: _Candidate, counts: Counter[str], known_labels: frozenset[str]) -> bool:
    if c.label in _NOT_LABELS and not c.strong:
        return False
    return bool(
        c.strong
        or c.label in known_labels
        or _KNOWN.match(c.label)
        or (counts[c.label] >= 2 and len(c.label) <= 40)
    )


def _accepted(
    cands: list[_Candidate], known_labels: frozenset[str]
) -> tuple[list[_Candidate], list[_Candidate]]:
    """The candidates taken as turns, and the label-like ones left out.

    The label form that starts most plausible lines wins; a line in another form is taken when
    its speaker also speaks in the winning form (a near-variant such as a stray colon) or is a
    usual transcript label or was bold in Word.
    """
    counts = Counter(c.label for c in cands)
    flags = [_plausible(c, counts, known_labels) for c in cands]
    plausible = [c for c, ok in zip(cands, flags, strict=True) if ok]
    if not plausible:
        return [], [c for c in cands if c.label not in _NOT_LABELS and len(c.label) <= 40]
    forms = Counter(c.form for c in plausible)
    winner = forms.most_common(1)[0][0]
    speakers = {c.label for c in plausible if c.form == winner}
    keep, left = [], []
    for c, ok in zip(cands, flags, strict=True):
        if ok and (
            c.form == winner or c.label in speakers or c.label in known_labels or _KNOWN.match(c.label)
        ):
            keep.append(c)
        elif c.label not in _NOT_LABELS:
            left.append(c)
    return keep, left


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The turn's words: blanks and a trailing f4 timestamp removed."""
    start, end = strip_span(text, start, end)
    if start == end or text[end - 1] != "#":
        return start, end
    # the stamp is at most 14 characters; blanks before it are stripped below anyway
    m = _TRAILING_F4.search(text, max(start, end - 40), end)
    if m and m.end() == end and m.start() > start:
        start, end = strip_span(text, start, m.start())
    return start, end


def paragraph_turns(text: str) -> list[Turn]:
    """One turn without speaker per paragraph (blocks separated by blank lines)."""
    return [Turn("", m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def _turn_end(text: str, start: int, end: int) -> int:
    """The end of a turn's span: rules, bracketed notes and legend lines that stand as their own
    paragraph at its end are not part of it."""
    while True:
        stop = strip_span(text, start, end)[1]
        cut = text.rfind("\n\n", start, stop)
        if cut < 0:
            return end
        if not all(_NOTE_LINE.match(line.strip()) for line in text[cut:stop].split("\n") if line.strip()):
            return end
        end = cut


def detect_turns_report(
    text: str,
    *,
    speaker_pattern: str | None = None,
    known_labels: Iterable[str] = (),
) -> TurnDetection:
    """Find the speaker turns of a normalised transcript text, and the label-like lines left out.

    ``speaker_pattern`` overrides detection: a regular expression matched at the start of each line
    with a named group ``speaker`` and optionally ``time``; the turn text follows the match.
    """
    pattern = None
    if speaker_pattern:
        try:
            pattern = re.compile(speaker_pattern)
        except re.error as exc:
            raise InvalidValue("speaker_pattern.invalid", pattern=speaker_pattern, reason=exc) from None
        if "speaker" not in pattern.groupindex:
            raise InvalidValue("speaker_pattern.no_group", pattern=speaker_pattern)
    cands, left = _accepted(_candidates(text, pattern), frozenset(known_labels))
    skipped = [SkippedLabel(c.line_no, _line_at(text, c.line_start)) for c in left]
    if not cands:
        return TurnDetection(paragraph_turns(text), skipped)
    turns: list[Turn] = []
    for i, c in enumerate(cands):
        end = cands[i + 1].line_start if i + 1 < len(cands) else len(text)
        end = _turn_end(text, c.content_start, end)
        start, stop = _trim(text, c.content_start, end)
        if start >= stop:
            continue
        stamp = c.timestamp
        if stamp is None:
            f4 = _F4.search(text, c.content_start, end)
            stamp = f4.group(1) if f4 else None
        turns.append(Turn(c.label, start, stop, parse_timestamp(stamp) if stamp else None))
    return TurnDetection(turns, skipped)


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)].strip()
    return line if len(line) <= 80 else line[:79] + "…"


def detect_turns(
    text: str,
    *,
    speaker_pattern: str | None = None,
    known_labels: Iterable[str] = (),
) -> list[Turn]:
    """Find the speaker turns of a normalised transcript text (see :func:`detect_turns_report`)."""
    return detect_turns_report(text, speaker_pattern=speaker_pattern, known_labels=known_labels).turns
