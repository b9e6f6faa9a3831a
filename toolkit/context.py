"""Where a span sits in its transcript: the speaker turn around it, its speaker and time stamp, and
the turn's text before and after the span (shortened to a readable length), for lists of segments
that show a coding with its context (Konsens cards)."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.analysis.data import format_seconds
from toolkit.documents import document_text, document_turns
from toolkit.errors import InvalidValue
from toolkit.store import Store


@dataclass(frozen=True)
class SpanContext:
    """A span with the turn around it: ``before + text + after`` is (a part of) the turn."""

    document: str
    start: int
    end: int
    speaker: str  # "" when the span lies outside every turn
    timestamp: float | None
    time: str  # hh:mm:ss, "" without a time stamp
    before: str  # "…" in front when the turn was cut
    text: str
    after: str  # "…" at the end when the turn was cut


def _cut_left(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    space = cut.find(" ")
    return "… " + (cut[space + 1 :] if 0 <= space < limit // 3 else cut)


def _cut_right(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 2 // 3 else cut) + " …"


def span_context(store: Store, document: str, start: int, end: int, *, around: int = 300) -> SpanContext:
    """The turn(s) the span ``start``-``end`` of ``document`` lies in: speaker and time of the first,
    and at most ``around`` characters of turn text on each side of the span."""
    text = document_text(store, document)
    if not 0 <= start <= end <= len(text):
        raise InvalidValue("span.outside", start=start, end=end, document=document, length=len(text))
    turns = [t for t in document_turns(store, document) if t.start < max(end, start + 1) and t.end > start]
    first = turns[0] if turns else None
    lo = min(first.start, start) if first else start
    hi = max(turns[-1].end, end) if turns else end
    return SpanContext(
        document=document,
        start=start,
        end=end,
        speaker=first.speaker if first else "",
        timestamp=first.timestamp if first else None,
        time=format_seconds(first.timestamp) if first else "",
        before=_cut_left(text[lo:start], around),
        text=text[start:end],
        after=_cut_right(text[end:hi], around),
    )
