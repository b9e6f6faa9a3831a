"""Sentence units kept per document, so that the sentence split (spaCy's tokenizer over the whole
text, the costly part of agreement with sentence units) runs once per text instead of on every run.

The rule stays :func:`toolkit.units.sentence_units` (it was ``toolkit.nlp.sentence_units``: the
same rule, so :data:`RULE` keeps its name); this module only stores its results in the table
``sentence_cache`` (migration m014), filled on first use. The table's triggers drop a document's row
when its text, language or turns change; :data:`RULE` names the rule that made a row, so a row made by
an older rule is computed again. A row is written only if the document still has the text, language
and turns it was computed from (checked under the write lock), so a change made meanwhile by another
process is never hidden by a stale row."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from toolkit.model import Turn
from toolkit.store import Store
from toolkit.units import sentences_in

RULE = "toolkit.nlp.sentence_units.v1"
FLUSH_EVERY = 50  # computed documents written per transaction
Bounds = NDArray[np.int64]


def _pack(bounds: Bounds) -> bytes:
    return np.ascontiguousarray(bounds, dtype="<i8").tobytes()


def _unpack(blob: bytes) -> Bounds:
    out = np.frombuffer(blob, dtype="<i8").astype(np.int64).reshape(-1, 2)
    out.setflags(write=False)
    return out


def compute(text: str, turns: Sequence[Turn], language: str) -> Bounds:
    """The sentence units of a text as an n x 2 array (read-only), computed now."""
    return _compute(text, _spans(turns), language)


def _compute(text: str, turns: Sequence[tuple[int, int]], language: str) -> Bounds:
    out = np.asarray(sentences_in(text, turns, language), dtype=np.int64).reshape(-1, 2)
    out.setflags(write=False)
    return out


def stored(store: Store, document_id: int) -> Bounds | None:
    """The stored sentence units of a document, or None when there are none made by :data:`RULE`."""
    row = store.conn.execute(
        "SELECT bounds FROM sentence_cache WHERE document_id = ? AND rule = ?", (document_id, RULE)
    ).fetchone()
    return None if row is None else _unpack(row[0])


@dataclass(frozen=True)
class _Computed:
    document_id: int
    text: str
    language: str
    turns: tuple[tuple[int, int], ...]
    bounds: Bounds


def _spans(turns: Sequence[Turn]) -> tuple[tuple[int, int], ...]:
    return tuple((t.start, t.end) for t in turns)


def _stored_spans(store: Store, document_id: int) -> tuple[tuple[int, int], ...]:
    """The document's turns as stored, as ``(start, end)`` pairs in order."""
    rows = store.conn.execute(
        'SELECT start, "end" FROM turns WHERE document_id = ? ORDER BY seq', (document_id,)
    ).fetchall()
    return tuple(rows)  # rows of two integers: tuples, as the turns of a computed row


def _save(store: Store, computed: Sequence[_Computed]) -> None:
    """Store the rows whose document is still as it was read (text, language, turns)."""
    if not computed:
        return
    with store.write("sentence-cache") as w:  # derived data: no event, the project state stays
        conn = w.store.conn
        for item in computed:
            row = conn.execute(  # the text compared by SQLite, not read back
                "SELECT text = ? AND language = ? FROM documents WHERE id = ?",
                (item.text, item.language, item.document_id),
            ).fetchone()
            if row is None or not row[0] or _stored_spans(w.store, item.document_id) != item.turns:
                continue
            conn.execute(
                "INSERT OR REPLACE INTO sentence_cache (document_id, rule, bounds) VALUES (?, ?, ?)",
                (item.document_id, RULE, _pack(item.bounds)),
            )


@dataclass
class SentenceCache:
    """Sentence units of documents read from the store, computed and written back in batches when
    missing. Use :func:`sentence_cache` so that the last batch is written."""

    store: Store
    pending: list[_Computed] = field(default_factory=list)

    def bounds(self, document_id: int, text: str, turns: Sequence[Turn] | None, language: str) -> Bounds:
        """The document's sentence units (``text``, ``turns`` and ``language`` as stored now;
        ``turns`` None: read from the store when the units must be computed)."""
        found = stored(self.store, document_id)
        if found is not None:
            return found
        spans = _stored_spans(self.store, document_id) if turns is None else _spans(turns)
        bounds = _compute(text, spans, language)
        self.pending.append(_Computed(document_id, text, language, spans, bounds))
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()
        return bounds

    def flush(self) -> None:
        """Write the computed rows not yet stored."""
        pending, self.pending = self.pending, []
        _save(self.store, pending)


@contextmanager
def sentence_cache(store: Store) -> Iterator[SentenceCache]:
    """A :class:`SentenceCache` whose computed rows are written when the block ends (also when it
    is interrupted: what was computed is kept)."""
    cache = SentenceCache(store)
    try:
        yield cache
    finally:
        cache.flush()


def sentence_bounds(
    store: Store, document_id: int, text: str, turns: Sequence[Turn], language: str
) -> Bounds:
    """One document's sentence units from the cache, computed and stored when missing."""
    with sentence_cache(store) as cache:
        return cache.bounds(document_id, text, turns, language)
