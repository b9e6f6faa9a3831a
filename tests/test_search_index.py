"""The index's words of a text: the fast path over whole transcripts (numpy over UTF-16 code units)
gives exactly the tokens of the regular expressions the search itself uses, as FTS5 sees them."""

from __future__ import annotations

import sqlite3

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import search_index

# words, umlauts, signs ASCII and not, every kind of blank, a combining accent, digits of other
# kinds, the NUL that joins turns, control characters, İ (longer in lower case), astral letters
PIECES = [
    "Antrag", "BÜRGER", "straße", "ẞ", "x", "_", "__", ",", ".", "...", "„", "“", "–", "-", "(", ")",
    " ", "  ", "\n", "\t", "\r\n", "\x0b", "\x1c", "\x85", "\xa0", "\u2003", "\u202f", "\u3000",
    "\u0301", "½", "²", "٣", "\x00", "\x07", "\x7f", "İ", "𝔄", "😀", "ǅ", "ﬁ", "Σ",
]  # fmt: skip


def _tokens(body: str) -> list[tuple[str, int]]:
    """The tokens FTS5 makes of ``body`` with the index's tokenizer, with their positions."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize=\"ascii tokenchars '_'\")")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    conn.execute("INSERT INTO t (rowid, body) VALUES (1, ?)", (body,))
    return sorted((str(term), int(offset)) for term, offset in conn.execute("SELECT term, offset FROM v"))


def _fast(text: str) -> str | None:
    return search_index._body_text_np(np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_the_fast_path_gives_the_tokens_of_the_regular_expressions(pieces: list[str]) -> None:
    text = "".join(pieces)
    slow = search_index._body_text_re(text)
    assert search_index.body_text(text) == slow  # short texts take the regular expressions
    fast = _fast(text)
    if any(ord(c) > 0xFFFF or c in "İΣ" for c in text):
        assert fast is None  # left to the regular expressions
        return
    assert fast is not None and fast.split() == slow.split()
    assert _tokens(fast) == _tokens(slow)


def test_a_whole_transcript_takes_the_fast_path_with_the_same_tokens() -> None:
    turn = "B: Der Onlinezugang – „schwierig“, sagt die BÜRGERMEISTERIN (Amt 2). Anträge…\u00a0ja\n"
    text = turn * 200
    assert len(text) > search_index._SHORT
    assert search_index.body_text(text) == _fast(text)
    assert _tokens(search_index.body_text(text)) == _tokens(search_index._body_text_re(text))
    # a character the tables do not cover sends the whole text to the regular expressions
    for odd in ("İstanbul", "𝔄kte", "ΣΟΦΟΣ"):
        assert search_index.body_text(text + odd) == search_index._body_text_re(text + odd)
