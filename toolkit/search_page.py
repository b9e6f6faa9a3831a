"""A page of search hits with the counts of all of them: :func:`search_page`.

For a word, a word with ``*`` at its end, an OR of words (a lemma query) and a phrase, the counts
per document and speaker come from the index alone (see :mod:`toolkit.search_index`), and only
the documents that the requested page falls into are read and searched. Every other query is
searched through the texts, and only the page's hits get their context.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from toolkit import search_index
from toolkit.search import (
    Hit,
    Place,
    Plan,
    SearchOptions,
    _documents,
    folded_words,
    index_tokens,
    places,
    plan,
    unit_spans,
)
from toolkit.search_query import Or, Term
from toolkit.store import Store

PAGE = 50


@dataclass(frozen=True)
class SearchResult:
    """``total`` hits, of which ``hits`` are those from ``offset`` on (at most ``limit``);
    counts per document (in document order) and per speaker; ``from_index`` when they were
    counted in the index without reading the texts."""

    total: int
    per_document: dict[str, int]
    per_speaker: dict[str, int]
    hits: tuple[Hit, ...]
    offset: int = 0
    limit: int | None = PAGE
    from_index: bool = field(default=False, compare=False)

    def counts(self) -> dict[str, object]:
        return {"total": self.total, "documents": self.per_document, "speakers": self.per_speaker}


def _index_words(store: Store, p: Plan) -> tuple[list[tuple[str, bool]], list[str]] | None:
    """``(words, phrase)`` the index can count for the plan exactly, or None."""
    o = p.options
    if p.node is None or o.case_sensitive or o.codes:
        return None
    terms = p.node.items if isinstance(p.node, Or) else (p.node,)
    words: list[tuple[str, bool]] = []
    for t in terms:
        if not isinstance(t, Term):
            return None
        if o.fold:
            folded = folded_words(store, t)
            if folded is None:
                return None
            words += [(w, False) for w in folded]
            continue
        found = index_tokens(t)
        if found is None:
            return None
        tokens, prefix = found
        if len(tokens) > 1:
            if len(terms) > 1 or prefix or search_index.self_overlapping(tokens):
                return None
            return [], tokens
        words.append((tokens[0], prefix))
    return words, []


def _allowed(store: Store, p: Plan, voices: dict[int, tuple[int, str]]) -> dict[int, tuple[int, str]]:
    """The voices that the filters keep."""
    o = p.options
    docs = {int(str(d["id"])) for d in _documents(store, o, {d for d, _s in voices.values()}, text=False)}
    kept = {v: ds for v, ds in voices.items() if ds[0] in docs}
    if o.speakers:
        kept = {v: (d, s) for v, (d, s) in kept.items() if s in o.speakers}
    if o.roles:
        marks = ",".join("?" for _ in o.roles)
        with_role = {
            (int(r[0]), str(r[1]))
            for r in store.conn.execute(
                "SELECT document_id, speaker FROM speaker_attributes WHERE name = 'speaker_role' "
                f"AND value IN ({marks})",
                o.roles,
            )
        }
        kept = {v: ds for v, ds in kept.items() if ds in with_role}
    if o.speakers or o.roles:  # a document without turns has no speaker to keep
        kept = {v: (d, s) for v, (d, s) in kept.items() if s}
    return kept


def _count(conn: sqlite3.Connection, words: list[tuple[str, bool]], phrase: list[str]) -> Counter[int]:
    return search_index.phrase_counts(conn, phrase) if phrase else search_index.word_counts(conn, words)


def _indexed_counts(store: Store, p: Plan) -> tuple[dict[int, int], dict[str, int], dict[int, str]] | None:
    """Hits per document id and per speaker, counted in the index (None when it cannot count)."""
    query = _index_words(store, p)
    if query is None:
        return None
    words, phrase = query
    conn = store.conn
    per_voice = _count(conn, words, phrase)
    voices = _allowed(store, p, search_index.voices_of(conn, per_voice))
    per_doc: Counter[int] = Counter()
    per_speaker: Counter[str] = Counter()
    for voice, (doc, speaker) in voices.items():
        per_doc[doc] += per_voice[voice]
        per_speaker[speaker] += per_voice[voice]
    names = {
        int(r[0]): str(r[1])
        for r in conn.execute(
            f"SELECT id, name FROM documents WHERE id IN ({','.join(str(d) for d in per_doc)})"
        )
    }
    return dict(per_doc), dict(per_speaker), names


def search_page(
    store: Store,
    query: str,
    options: SearchOptions | None = None,
    *,
    limit: int | None = PAGE,
    offset: int = 0,
) -> SearchResult:
    """The hits ``offset`` to ``offset + limit`` of ``query`` (all from ``offset`` when ``limit`` is
    None) and the counts of all hits. Raises :class:`InvalidValue` for a bad query."""
    p = plan(store, query, options)
    offset = max(0, offset)
    counted = _indexed_counts(store, p)
    if counted is None:
        return _scanned(store, p, limit, offset)
    per_doc, per_speaker, names = counted
    order = sorted(per_doc, key=lambda d: names[d])
    total = sum(per_doc.values())
    wanted: set[int] = set()
    skip, seen = offset, 0
    for doc in order:
        n = per_doc[doc]
        if seen + n > offset and (limit is None or seen < offset + limit):
            if not wanted:
                skip = offset - seen
            wanted.add(doc)
        seen += n
    hits: list[Hit] = []
    if wanted:
        for i, place in enumerate(places(store, p, wanted)):
            if i < skip:
                continue
            if limit is not None and len(hits) >= limit:
                break
            hits.append(place.hit())
    return SearchResult(
        total,
        {names[d]: per_doc[d] for d in order},
        dict(sorted(per_speaker.items())),
        tuple(hits),
        offset,
        limit,
        from_index=True,
    )


def _scanned(store: Store, p: Plan, limit: int | None, offset: int) -> SearchResult:
    """Counts and page of a query the index cannot count: every unit searched, context cut only
    for the page's hits."""
    per_doc: Counter[str] = Counter()
    per_speaker: Counter[str] = Counter()
    page: list[Place] = []
    total = 0
    for name, text, unit, spans in unit_spans(store, p):
        n = len(spans)
        if (limit is None or len(page) < limit) and total + n > offset:
            for s, e in spans[max(0, offset - total) :]:
                if limit is not None and len(page) >= limit:
                    break
                page.append(Place(name, text, unit, s, e))
        total += n
        per_doc[name] += n
        per_speaker[unit.speaker] += n
    return SearchResult(
        total, dict(per_doc), dict(sorted(per_speaker.items())), tuple(x.hit() for x in page), offset, limit
    )
