"""spaCy's rule-based sentence split (a blank pipeline's tokenizer and sentencizer, see
:func:`toolkit.nlp.sentence_pipeline`) computed without making a spaCy ``Doc`` of every turn.

The sentencizer starts a sentence at the first token that is neither punctuation (``is_punct``) nor
one of its ``punct_chars`` (``.``, ``!``, ``?`` ...), after a token that is one of its
``punct_chars``. Only a token made of Unicode punctuation (category P) can be either. So only two
kinds of whitespace-separated chunks can move a sentence start: those holding one of the
``punct_chars`` and those beginning with punctuation. They go through spaCy's tokenizer one chunk at
a time, remembered by their text (the tokenizer splits each chunk on its own, unless one of its
special cases, such as ``z.B.`` or ``:-)``, is found across whitespace: a span where that may
happen is split from the tokenizer's tokens of the whole span). Every other chunk begins with an
ordinary token, and so does any whitespace other than the one space the tokenizer attaches to the
token before it: there only the first ordinary token's start matters. So this gives the sentences
the pipeline gives, several times faster; ``tests/test_sentence_split.py`` checks it against the
pipeline on the real corpora and on random texts of punctuation, tokenizer exceptions and
whitespace."""

from __future__ import annotations

import functools
import sys
import threading
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

WORD, PUNCT, PERIOD, RESET = 0, 1, 2, 3  # a token's part in the sentencizer's rule; a span's start
SPACE = ord(" ")
MAX_CHUNKS = 200_000  # chunks remembered per language before the memory is cleared
KEY = sys.maxunicode + 1  # two characters as one number: first * KEY + second
Flags = NDArray[np.bool_]
Offsets = NDArray[np.int64]


OTHER, SPACE_CLASS, PUNCT_CLASS, PERIOD_CLASS = 0, 1, 2, 3  # what a character is to the split
BLOCK_BITS = 8  # 256 code points have their classes looked up together, when a text first needs one
BOUNDARY = KEY  # in three characters as one number: no character (a chunk's start)
BASE = KEY + 1  # three characters as one number: (first * BASE + second) * BASE + third


class _Classes:
    """Per code point its class: whitespace (``str.isspace``, where the tokenizer splits), one of
    the sentencizer's ``punct_chars``, other punctuation (Unicode category P) or anything else;
    looked up the first time a text holds a code point of a block (or a later one: most texts stay
    in the first few blocks of the 4,352)."""

    def __init__(self, periods: frozenset[str]) -> None:
        self._periods = periods
        self.table = np.zeros(KEY, dtype=np.uint8)
        self._blocks = 0  # blocks looked up, from the first

    def of(self, codes: NDArray[np.uint32]) -> NDArray[np.uint8]:
        """The class of each of ``codes``."""
        if len(codes):
            top = int(codes.max()) >> BLOCK_BITS
            if top >= self._blocks:
                self._look_up(self._blocks, top + 1)
        return self.table[codes]

    def _look_up(self, first: int, stop: int) -> None:
        for point in range(first << BLOCK_BITS, stop << BLOCK_BITS):
            char = chr(point)
            if char.isspace():
                self.table[point] = SPACE_CLASS
            elif char in self._periods:
                self.table[point] = PERIOD_CLASS
            elif unicodedata.category(char)[0] == "P":
                self.table[point] = PUNCT_CLASS
        self._blocks = stop


def _space_at(codes: NDArray[np.uint32], at: Offsets) -> Flags:
    """Whether each offset of ``at`` holds a space (U+0020; false at the text's end)."""
    found = np.zeros(len(at), dtype=bool)
    inside = at < len(codes)
    found[inside] = codes[at[inside]] == SPACE
    return found


def _in_sorted(sorted_keys: Offsets, keys: Offsets) -> Flags:
    """Which of ``keys`` are in ``sorted_keys``."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    found: Flags = sorted_keys[at] == keys
    return found


def _joins(nlp: Any) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """Where the tokenizer's special cases might be found across whitespace: each special case's
    text cut between two of its tokens (as the affix rules split it: the tokenizer's matcher looks
    for these tokens, whatever the whitespace between them), by the characters either side of the
    cut."""
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    bare = Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    cuts: set[tuple[str, str]] = set()
    for rule in tokenizer.rules:
        tokens = [t.text for t in bare(rule)]
        cuts.update(("".join(tokens[:k]), "".join(tokens[k:])) for k in range(1, len(tokens)))
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for before, after in sorted(cuts):
        out.setdefault((before[-1], after[0]), []).append((before, after))
    return {k: tuple(v) for k, v in out.items()}


class Splitter:
    """The sentences of texts in one language, as the language's sentence pipeline finds them."""

    def __init__(self, nlp: Any) -> None:
        self._tokenizer = nlp.tokenizer
        periods = frozenset(nlp.get_pipe("sentencizer").punct_chars)
        self._periods = periods
        self._period_ids = np.array([nlp.vocab.strings.add(c) for c in sorted(periods)], dtype=np.uint64)
        self._classes = _Classes(periods)
        self._forget()
        self._pairs: dict[tuple[str, str], bool] = {}
        self._lock = threading.Lock()
        self._joins = _joins(nlp)
        # a quick sieve for where a special case may join two chunks: the last two characters of
        # the left chunk (BOUNDARY for a chunk of one) and the first of the right one, or only the
        # last and the first where a special case's left part is one character
        cuts = [cut for found in self._joins.values() for cut in found]
        self._join_any = np.array(
            sorted({ord(a[-1]) * BASE + ord(b[0]) for a, b in cuts if len(a) == 1}), dtype=np.int64
        )
        three = {(BOUNDARY * BASE + ord(a[-1])) * BASE + ord(b[0]) for a, b in cuts}
        three |= {(ord(a[-2]) * BASE + ord(a[-1])) * BASE + ord(b[0]) for a, b in cuts if len(a) > 1}
        self._join_three = np.array(sorted(three), dtype=np.int64)

    def sentences(self, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences inside each of ``spans`` (in their order; a sentence never crosses a span),
        whitespace trimmed, empty ones left out. One call at a time (the app's sessions are threads
        and share the remembered chunks)."""
        with self._lock:
            return self._sentences(text, spans)

    def _sentences(self, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        if not spans:
            return []
        starts = np.array([s for s, _ in spans], dtype=np.int64)
        stops = np.array([e for _, e in spans], dtype=np.int64)
        if np.any(stops[:-1] > starts[1:]):  # overlapping or unsorted spans: each on its own
            return [s for span in spans for s in self._sentences(text, [span])]
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        classes = self._classes.of(codes)
        space = classes == SPACE_CLASS
        solid = ~space
        run_first = solid.copy()  # runs of non-whitespace: their first and last characters
        run_first[1:] &= space[:-1]
        run_last = solid.copy()
        run_last[:-1] &= space[1:]
        run_start, run_end = np.flatnonzero(run_first), np.flatnonzero(run_last) + 1
        if not len(run_start):  # only whitespace
            return []
        begins = run_first.copy()
        begins[starts[(starts < stops) & (starts < len(text))]] = True  # a span starts a chunk ...
        begins &= solid
        begin_at = np.flatnonzero(begins)
        # the span of each chunk: how many span starts lie at or before its beginning, less one
        span_of = np.cumsum(np.bincount(np.searchsorted(begin_at, starts), minlength=len(begin_at) + 1))
        span_of = span_of[: len(begin_at)] - 1
        inside = span_of >= 0
        span_of = np.maximum(span_of, 0)
        inside &= begin_at < stops[span_of]
        run_of = np.cumsum(run_first[begin_at]) - 1  # ... and ends where its run or its span ends
        end_at = np.minimum(run_end[run_of], stops[span_of])
        # chunks that can move a sentence start: beginning with punctuation, or holding a period
        chosen = np.zeros(len(begin_at), dtype=bool)
        chosen[classes[begin_at] >= PUNCT_CLASS] = True
        chosen[np.searchsorted(begin_at, np.flatnonzero(classes == PERIOD_CLASS), side="right") - 1] = True
        chosen &= inside
        risky = self._risky(text, codes, begin_at, end_at, span_of, inside, chosen)
        chosen &= ~np.isin(span_of, list(risky))
        found = [self._chunk_starts(codes, begin_at, end_at, span_of, chosen, starts, stops, text)]
        found += [np.array(self._pipeline_starts(text, *spans[i]), dtype=np.int64) for i in sorted(risky)]
        cuts = np.concatenate(found)
        # the sentences between the cuts, whitespace trimmed; those of only whitespace left out
        lefts = np.sort(np.concatenate([starts, cuts]))
        rights = np.sort(np.concatenate([cuts, stops]))
        runs = len(run_start)
        first = np.searchsorted(run_end, lefts, side="right")  # the first run ending after a left
        last = np.searchsorted(run_start, rights, side="left") - 1  # the last run starting before
        s_at = np.maximum(run_start[np.minimum(first, runs - 1)], lefts)
        e_at = np.minimum(run_end[np.maximum(last, 0)], rights)
        keep = (first < runs) & (last >= 0) & (s_at < rights)
        return list(zip(s_at[keep].tolist(), e_at[keep].tolist(), strict=True))

    def _chunk_starts(
        self,
        codes: NDArray[np.uint32],
        begin_at: Offsets,
        end_at: Offsets,
        span_of: Offsets,
        chosen: Flags,
        starts: Offsets,
        stops: Offsets,
        text: str,
    ) -> Offsets:
        """Sentence starts (other than the spans' starts) from the chosen chunks' tokens: the
        sentencizer's rule over them and one ordinary token wherever something else lies between
        them (a word, or whitespace other than a single space)."""
        index = np.flatnonzero(chosen)
        firsts, lasts, spans = begin_at[index], end_at[index], span_of[index]
        chunks = list(map(text.__getitem__, map(slice, firsts.tolist(), lasts.tolist())))
        if len(self._types) + len(chunks) > MAX_CHUNKS:  # never while a text's numbers are in use
            self._forget()
        known = list(map(self._types.get, chunks))
        if None in known:
            known = [self._type(c) if n is None else n for c, n in zip(chunks, known, strict=True)]
        ids = np.array(known, dtype=np.int64)
        kinds, offsets, first_token, counts = self._arrays()
        lens = counts[ids] if len(ids) else np.zeros(0, dtype=np.int64)
        total = int(lens.sum())
        into = np.arange(total) - np.repeat(np.cumsum(lens) - lens, lens)
        token = np.repeat(first_token[ids] if len(ids) else lens, lens) + into
        token_kind, token_at = kinds[token], np.repeat(firsts, lens) + offsets[token]
        # between two chosen chunks of a span: an ordinary token where the previous one ended
        previous_end = np.concatenate([[0], lasts[:-1]])
        new_span = np.concatenate([[True], spans[1:] != spans[:-1]])
        single = (firsts - previous_end == 1) & _space_at(codes, previous_end)  # attached to the token before
        gap_at = previous_end[~new_span & ~single]
        # after the last chosen chunk of a span: the same, unless only nothing or a space follows
        last_of_span = np.concatenate([spans[1:] != spans[:-1], [True]]) if len(spans) else spans.astype(bool)
        tail_from, tail_span = lasts[last_of_span], spans[last_of_span]
        tail_len = stops[tail_span] - tail_from
        lone_space = (tail_len == 1) & _space_at(codes, tail_from)
        tail_at = tail_from[(tail_len > 0) & ~lone_space]
        at = np.concatenate([starts, gap_at, tail_at, token_at])
        kind = np.concatenate(
            [np.full(len(starts), RESET), np.full(len(gap_at) + len(tail_at), WORD), token_kind]
        )
        rank = np.concatenate([np.zeros(len(starts)), np.ones(len(at) - len(starts))])
        order = np.lexsort((rank, at))
        at, kind = at[order], kind[order]
        period = kind == PERIOD
        plain = np.flatnonzero((kind == WORD) | (kind == RESET))
        seen = np.concatenate([[0], np.cumsum(period)])  # periods before each token
        since = np.concatenate([[0], plain[:-1] + 1])  # after the ordinary token before
        fire = (seen[plain] > seen[since]) & (kind[plain] == WORD)
        found: Offsets = at[plain[fire]].astype(np.int64)
        return found

    def _risky(
        self,
        text: str,
        codes: NDArray[np.uint32],
        begin_at: Offsets,
        end_at: Offsets,
        span_of: Offsets,
        inside: Flags,
        chosen: Flags,
    ) -> set[int]:
        """The spans where a special case might join a chosen chunk to its neighbour across
        whitespace."""
        if len(begin_at) < 2:
            return set()
        pairs = inside[:-1] & inside[1:] & (span_of[:-1] == span_of[1:]) & (chosen[:-1] | chosen[1:])
        gap = np.flatnonzero(pairs)
        last = end_at[gap] - 1  # the left chunk's last character, the right one's first
        before = np.where(last > begin_at[gap], codes[np.maximum(last - 1, 0)].astype(np.int64), BOUNDARY)
        two = codes[last].astype(np.int64) * BASE + codes[begin_at[gap + 1]]
        sieve = _in_sorted(self._join_three, before * BASE * BASE + two) | _in_sorted(self._join_any, two)
        if len(self._pairs) >= MAX_CHUNKS:
            self._pairs.clear()
        return {
            int(span_of[g])
            for g in gap[sieve].tolist()
            if self._joined(text[begin_at[g] : end_at[g]], text[begin_at[g + 1] : end_at[g + 1]])
        }

    def _joined(self, left: str, right: str) -> bool:
        """Whether a special case might run from chunk ``left`` across whitespace into ``right``
        (maybe beyond either: then the chunk is all of that side of the cut); remembered."""
        pair = (left, right)
        found = self._pairs.get(pair)
        if found is None:
            found = self._pairs[pair] = self._joins_across(left, right)
        return found

    def _joins_across(self, left: str, right: str) -> bool:
        return any(
            (left.endswith(a) if len(left) >= len(a) else a.endswith(left))
            and (right.startswith(b) if len(right) >= len(b) else b.startswith(right))
            for a, b in self._joins.get((left[-1], right[0]), ())
        )

    def _type(self, chunk: str) -> int:
        """The number of ``chunk``'s tokenization among those remembered (tokenized now if new)."""
        number = self._types.get(chunk)
        if number is None:
            tokens = [
                (t.idx, PERIOD if t.text in self._periods else PUNCT if t.is_punct else WORD)
                for t in self._tokenizer(chunk)
            ]
            number = self._types[chunk] = len(self._first)
            self._first.append(len(self._kinds))
            self._count.append(len(tokens))
            self._offsets.extend(o for o, _ in tokens)
            self._kinds.extend(k for _, k in tokens)
        return number

    def _forget(self) -> None:
        self._types: dict[str, int] = {}
        self._first: list[int] = []
        self._count: list[int] = []
        self._offsets: list[int] = []
        self._kinds: list[int] = []
        self._tables: tuple[Offsets, ...] = ()

    def _arrays(self) -> tuple[Offsets, Offsets, Offsets, Offsets]:
        """The remembered tokenizations as arrays: tokens' parts and offsets in their chunk, and per
        chunk its first token and how many it has."""
        if not self._tables or len(self._tables[2]) != len(self._first):
            self._tables = tuple(
                np.array(v, dtype=np.int64) for v in (self._kinds, self._offsets, self._first, self._count)
            )
        kinds, offsets, first, count = self._tables
        return kinds, offsets, first, count

    def _pipeline_starts(self, text: str, start: int, stop: int) -> list[int]:
        """Sentence starts from the tokenizer's tokens of the whole span, by the sentencizer's rule."""
        from spacy.attrs import IDX, IS_PUNCT, ORTH

        table = self._tokenizer(text[start:stop]).to_array([IDX, IS_PUNCT, ORTH])
        if not len(table):
            return []
        period = np.isin(table[:, 2], self._period_ids)
        plain = np.flatnonzero(~period & (table[:, 1] == 0))
        seen = np.concatenate([[0], np.cumsum(period)])  # periods before each token
        since = np.concatenate([[0], plain[:-1] + 1])  # after the ordinary token before
        found = plain[seen[plain] > seen[since]]
        return [start + int(i) for i in table[found, 0].tolist()]


@functools.lru_cache(maxsize=8)
def splitter(language: str) -> Splitter:
    """The :class:`Splitter` of ``language``'s sentence pipeline, built once."""
    from toolkit.nlp import sentence_pipeline  # spaCy: only when sentences are asked for

    return Splitter(sentence_pipeline(language))
