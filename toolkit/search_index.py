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

import functools
import json
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is loaded only for a whole transcript: light commands start without it
    import numpy as np
    from numpy.typing import NDArray

_NON_WORD = re.compile(r"[^\w\s]+")
# blanks outside ASCII (str.isspace): the tokenizer would keep them in words
_WIDE = "\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
_WIDE_SPACE = re.compile(f"[{_WIDE}]+")
MARK = "_"
_SHORT = 2_000  # characters below which the regular expressions are faster than numpy
_ODD, _SIGN, _BLANK = 0, 1, ord(" ")  # what the table gives for those characters that are no letter


def body_text(text: str) -> str:
    """What ``search_body`` indexes of ``text``: its words in lower case, other signs as ``_``."""
    if len(text) >= _SHORT:
        import numpy as np

        try:
            codes = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
        except UnicodeEncodeError:  # a lone surrogate
            return _body_text_re(text)
        fast = _body_text_np(codes)
        if fast is not None:
            return fast
    return _body_text_re(text)


def _body_text_re(text: str) -> str:
    text = _NON_WORD.sub(" _ ", text)
    if not text.isascii() and any(c in text for c in _WIDE):  # `in` is far faster than a regex
        text = _WIDE_SPACE.sub(" ", text)
    return text.lower()


@functools.cache
def _table() -> NDArray[np.uint16]:
    r"""Per UTF-16 code unit: its lower case if ``re`` sees a word character (``\w``) in it, a
    space for a blank (``\s``), 1 for any other sign, and 0 for what the table cannot say: İ (the
    one character of the plane whose lower case is longer), Σ (whose lower case depends on the
    letters around it: ς at a word's end) and the halves of characters beyond the plane."""
    import numpy as np

    table = np.empty(0x10000, dtype=np.uint16)
    for point in range(0x10000):
        char = chr(point)
        low = char.lower()
        if 0xD800 <= point < 0xE000 or len(low) != 1 or char == "Σ":
            table[point] = _ODD
        elif char.isalnum() or char == "_":
            table[point] = ord(low)
        else:
            table[point] = _BLANK if char.isspace() else _SIGN
    return table


def _body_text_np(codes: NDArray[np.uint16]) -> str | None:
    """:func:`_body_text_re`'s tokens (not its blanks) from the text's UTF-16 code units, several
    times faster on a whole transcript: each run of signs becomes `` _ ``, each blank a space.
    None when the text holds a character the table cannot say (then the regular expressions do)."""
    import numpy as np

    out = _table().take(codes)
    sign = out <= _SIGN
    if sign.any():
        if (out == _ODD).any():
            return None
        again = sign[1:] & sign[:-1]  # a sign after a sign: its run is one ``_`` already
        if again.any():
            out = out[np.concatenate(([True], ~again))]
    return out.tobytes().decode("utf-16-le").replace(chr(_SIGN), f" {MARK} ")


def _content(text: str, spans: Sequence[Sequence[int]]) -> str:
    """A voice's row: its turns, joined by a sign (which becomes a ``_`` token)."""
    return body_text("\x00".join(text[s:e] for s, e in spans))


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


def _varint(blob: bytes) -> int:
    """The first of SQLite's variable-length integers in ``blob`` (FTS5 stores row sizes so)."""
    value = 0
    for i, byte in enumerate(blob[:9]):
        if i == 8:
            return (value << 8) | byte
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            break
    return value


_K1, _B = 1.2, 0.75  # FTS5's bm25 constants


def bm25_counts(conn: sqlite3.Connection, fts_query: str) -> Counter[int] | None:
    """Instances per voice of one phrase (``"word"``, ``"word"*``, ``"two words"``), read back
    from FTS5's bm25 score of each matching row: the score is a known function of the phrase's
    frequency in the row, the row's length, the mean length and how many rows match, so the
    frequency follows from it. Far faster than listing the instances; None when a frequency does
    not come out a whole number (then the caller counts the instances)."""
    rows = conn.execute(
        "SELECT rowid, bm25(search_body) FROM search_body WHERE search_body MATCH ?", (fts_query,)
    ).fetchall()
    if not rows:
        return Counter()
    sizes = {int(i): _varint(bytes(sz)) for i, sz in conn.execute("SELECT id, sz FROM search_body_docsize")}
    n_rows, n_tokens = len(sizes), sum(sizes.values())
    if not n_rows or not n_tokens:
        return None
    idf = math.log((n_rows - len(rows) + 0.5) / (len(rows) + 0.5))
    idf = idf if idf > 0 else 1e-6
    mean = n_tokens / n_rows
    found: Counter[int] = Counter()
    for rowid, score in rows:
        size = sizes.get(int(rowid))
        if size is None:
            return None
        a = -float(score) / idf
        k = _K1 * (1 - _B + _B * size / mean)
        if a >= _K1 + 1:
            return None
        f = a * k / (_K1 + 1 - a)
        n = round(f)
        if n < 1 or abs(f - n) > 0.01:
            return None
        found[int(rowid)] = n
    return found


def _quoted(token: str, prefix: bool = False) -> str:
    return f'"{token}"' + ("*" if prefix else "")


def word_counts(conn: sqlite3.Connection, words: Sequence[tuple[str, bool]]) -> Counter[int]:
    """Instances per voice of any of ``words`` (each ``(token, is_prefix)``), each place once."""
    prefixes = [w for w, prefix in words if prefix]
    if len(prefixes) <= 1 and (not prefixes or len(words) == 1):  # no place found twice
        found: Counter[int] = Counter()
        for word, prefix in dict.fromkeys(words):
            counted = bm25_counts(conn, _quoted(word, prefix))
            if counted is None:
                counted = _instances(conn, word, prefix)
            found.update(counted)
        return found
    places: set[tuple[int, int]] = set()
    for token, prefix in words:
        places.update(_places(conn, token, prefix))
    return Counter(doc for doc, _offset in places)


def _places(conn: sqlite3.Connection, token: str, prefix: bool) -> sqlite3.Cursor:
    if prefix:
        return conn.execute(
            "SELECT doc, offset FROM search_body_vocab WHERE term >= ? AND term < ?",
            (token, token + "\U0010ffff"),
        )
    return conn.execute("SELECT doc, offset FROM search_body_vocab WHERE term = ?", (token,))


def _instances(conn: sqlite3.Connection, token: str, prefix: bool) -> Counter[int]:
    if prefix:
        return Counter(doc for doc, _offset in _places(conn, token, prefix))
    return Counter(
        dict(
            conn.execute("SELECT doc, count(*) FROM search_body_vocab WHERE term = ? GROUP BY doc", (token,))
        )
    )


def phrase_counts(conn: sqlite3.Connection, tokens: Sequence[str]) -> Counter[int]:
    """Instances per voice of ``tokens`` at consecutive positions."""
    counted = bm25_counts(conn, _quoted(" ".join(tokens)))
    if counted is not None:
        return counted
    sql = "SELECT doc * 4294967296 + offset - ? FROM search_body_vocab WHERE term = ?"
    starts: set[int] | None = None
    for i, token in enumerate(tokens):  # each word's places, moved back to where the phrase starts
        places = {k for (k,) in conn.execute(sql, (i, token))}
        starts = places if starts is None else starts & places
    return Counter(k >> 32 for k in starts or ())


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
