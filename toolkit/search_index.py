"""The search index: one row per voice (the turns of one speaker in one document, or the whole text
of a document without turns) in the contentless FTS5 table ``search_body``.

A row holds the words exactly as the search's regular expressions see them: every run of word
characters (``\\w``) in lower case is one token, every run of other non-blank characters one ``_``
token, and turns are joined by a ``_`` token. So a word query's hits are exactly the index's
instances of that token, a phrase's hits are instances of its words at consecutive positions, a
folded word's hits are instances of the indexed words that fold to it, and the counts per document
and speaker come from the index without reading a text (:func:`word_counts`, :func:`phrase_counts`).

The store keeps the index in step: triggers (migration ``m013a_search_voices``) note each
document whose text or turns change in ``search_stale`` (with the text the index was built from,
which a contentless table needs to remove rows), and :func:`flush_stale` re-indexes those
documents before the store's transaction commits.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence

_NON_WORD = re.compile(r"[^\w\s]+")
_WIDE_SPACE = re.compile(r"[^\S\t\n\v\f\r ]+")  # blanks outside ASCII: the tokenizer would keep them
MARK = "_"


def body_text(text: str) -> str:
    """What ``search_body`` indexes of ``text``: its words in lower case, other signs as ``_``."""
    text = _NON_WORD.sub(" _ ", text)
    if not text.isascii():
        text = _WIDE_SPACE.sub(" ", text)
    return text.lower()


def _content(text: str, spans: Sequence[Sequence[int]]) -> str:
    return f" {MARK} ".join(body_text(text[s:e]) for s, e in spans)


def _voices(conn: sqlite3.Connection, doc_id: int, text: str) -> list[tuple[str, list[list[int]]]]:
    """The document's voices: each speaker with the spans of their turns (in order of the speaker's
    first turn), or one voice ``""`` for the whole text of a document without turns."""
    rows = conn.execute(
        'SELECT speaker, start, "end" FROM turns WHERE document_id = ? ORDER BY start', (doc_id,)
    ).fetchall()
    if not rows:
        return [("", [[0, len(text)]])]
    voices: dict[str, list[list[int]]] = {}
    for speaker, start, end in rows:
        voices.setdefault(str(speaker), []).append([int(start), min(int(end), len(text))])
    return list(voices.items())


def _remove(conn: sqlite3.Connection, doc_id: int, text: str | None) -> None:
    rows = conn.execute("SELECT id, spans FROM search_voices WHERE document_id = ?", (doc_id,)).fetchall()
    if not rows:
        return
    if text is None:  # cannot happen while the triggers note the old text; repair rather than corrupt
        rebuild(conn)
        return
    conn.executemany(
        "INSERT INTO search_body (search_body, rowid, body) VALUES ('delete', ?, ?)",
        [(voice_id, _content(text, json.loads(spans))) for voice_id, spans in rows],
    )
    conn.execute("DELETE FROM search_voices WHERE document_id = ?", (doc_id,))


def _add(conn: sqlite3.Connection, doc_id: int, text: str) -> None:
    rows = []
    for speaker, spans in _voices(conn, doc_id, text):
        cursor = conn.execute(
            "INSERT INTO search_voices (document_id, speaker, spans) VALUES (?, ?, ?)",
            (doc_id, speaker, json.dumps(spans)),
        )
        rows.append((cursor.lastrowid, _content(text, spans)))
    conn.executemany("INSERT INTO search_body (rowid, body) VALUES (?, ?)", rows)


def flush_stale(conn: sqlite3.Connection) -> int:
    """Re-index every document noted in ``search_stale`` (inside the caller's transaction);
    returns how many. Cheap when none is."""
    try:
        stale = conn.execute("SELECT document_id, old_text FROM search_stale").fetchall()
    except sqlite3.OperationalError:  # a store before migration m013a
        return 0
    for doc_id, old_text in stale:
        row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        current = None if row is None else str(row[0])
        _remove(conn, doc_id, old_text if old_text is not None else current)
        if current is not None:
            _add(conn, doc_id, current)
    if stale:
        conn.execute("DELETE FROM search_stale")
    return len(stale)


def rebuild(conn: sqlite3.Connection) -> int:
    """Build the index anew from the stored texts (inside the caller's transaction)."""
    conn.execute("INSERT INTO search_body (search_body) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_voices")
    conn.execute("DELETE FROM search_stale")
    conn.execute("INSERT INTO search_stale (document_id, old_text) SELECT id, NULL FROM documents")
    return flush_stale(conn)


def stale(conn: sqlite3.Connection) -> bool:
    try:
        return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM search_stale)").fetchone()[0])
    except sqlite3.OperationalError:
        return False


# -- queries over the index ----------------------------------------------------------------------


def match_voices(conn: sqlite3.Connection, fts_query: str) -> set[int]:
    rows = conn.execute("SELECT rowid FROM search_body WHERE search_body MATCH ?", (fts_query,))
    return {int(r[0]) for r in rows}


def voice_documents(conn: sqlite3.Connection, voices: Iterable[int]) -> set[int]:
    ids = ",".join(str(int(v)) for v in voices)
    if not ids:
        return set()
    rows = conn.execute(f"SELECT DISTINCT document_id FROM search_voices WHERE id IN ({ids})")
    return {int(r[0]) for r in rows}


def terms_like(conn: sqlite3.Connection, pattern: re.Pattern[str], first: Iterable[str]) -> list[str]:
    """The indexed words that begin with one of the letters ``first`` and that ``pattern`` matches
    whole (used for folded spellings: the words whose spelling folds to the query's)."""
    found = []
    for letter in sorted(set(first)):
        rows = conn.execute(
            "SELECT term FROM search_body_terms WHERE term >= ? AND term < ?", (letter, chr(ord(letter) + 1))
        )
        found += [str(t) for (t,) in rows if pattern.fullmatch(t)]
    return found


def word_counts(conn: sqlite3.Connection, words: Sequence[tuple[str, bool]]) -> Counter[int]:
    """Instances per voice of any of ``words`` (each ``(token, is_prefix)``), each place once."""
    if not any(prefix for _w, prefix in words):  # different words never share a place
        found: Counter[int] = Counter()
        for word in dict.fromkeys(w for w, _p in words):
            found.update(
                r[0] for r in conn.execute("SELECT doc FROM search_body_vocab WHERE term = ?", (word,))
            )
        return found
    places: set[tuple[int, int]] = set()
    for token, prefix in words:
        if prefix:
            rows = conn.execute(
                "SELECT doc, offset FROM search_body_vocab WHERE term >= ? AND term < ?",
                (token, token + "\U0010ffff"),
            )
        else:
            rows = conn.execute("SELECT doc, offset FROM search_body_vocab WHERE term = ?", (token,))
        places.update(rows)
    return Counter(doc for doc, _offset in places)


def phrase_counts(conn: sqlite3.Connection, tokens: Sequence[str]) -> Counter[int]:
    """Instances per voice of ``tokens`` at consecutive positions."""
    lists = [
        conn.execute("SELECT doc, offset FROM search_body_vocab WHERE term = ?", (t,)).fetchall()
        for t in tokens
    ]
    order = sorted(range(len(tokens)), key=lambda i: len(lists[i]))
    first = order[0]  # the rarest word leads; the others are looked up at their distance from it
    rest = [(i - first, set(lists[i])) for i in order[1:]]
    found: Counter[int] = Counter()
    for doc, offset in lists[first]:
        if all((doc, offset + shift) in places for shift, places in rest):
            found[doc] += 1
    return found


def self_overlapping(tokens: Sequence[str]) -> bool:
    """True when the phrase's end can be its own start (``ja ja``): then two instances can
    overlap, and the text search counts them once."""
    return any(list(tokens[-k:]) == list(tokens[:k]) for k in range(1, len(tokens)))


def voices_of(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, tuple[int, str]]:
    """``voice id -> (document id, speaker)``."""
    wanted = ",".join(str(int(v)) for v in ids)
    if not wanted:
        return {}
    rows = conn.execute(f"SELECT id, document_id, speaker FROM search_voices WHERE id IN ({wanted})")
    return {int(i): (int(d), str(s)) for i, d, s in rows}
