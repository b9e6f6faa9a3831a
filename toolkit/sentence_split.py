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
import itertools
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from toolkit.anchoring import strip_span

WORD, PUNCT, PERIOD = 0, 1, 2  # a token's part in the sentencizer's rule
MAX_CHUNKS = 200_000  # chunks remembered per language before the memory is cleared
KEY = sys.maxunicode + 1  # two characters as one number: first * KEY + second
Flags = NDArray[np.bool_]
Offsets = NDArray[np.int64]


@functools.cache
def _character_classes() -> tuple[Flags, Flags]:
    """Per code point: whitespace (``str.isspace``, where the tokenizer splits) and punctuation
    (Unicode category P)."""
    space = np.zeros(KEY, dtype=bool)
    punct = np.zeros(KEY, dtype=bool)
    for point in range(KEY):
        char = chr(point)
        if char.isspace():
            space[point] = True
        elif unicodedata.category(char)[0] == "P":
            punct[point] = True
    return space, punct


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
        self._space, self._punct = _character_classes()
        self._period = np.zeros(KEY, dtype=bool)
        self._period[[ord(c) for c in periods]] = True
        self._chunks: dict[str, tuple[tuple[int, int], ...]] = {}
        self._joins = _joins(nlp)
        self._join_keys = np.array(sorted(ord(a) * KEY + ord(b) for a, b in self._joins), dtype=np.int64)

    def sentences(self, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences inside each of ``spans`` (in their order; a sentence never crosses a span),
        whitespace trimmed, empty ones left out."""
        ordered = all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
        if not ordered:  # overlapping or unsorted spans: each on its own
            return [s for span in spans for s in self.sentences(text, [span])]
        if not spans:
            return []
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        space = self._space[codes]
        begins = ~space
        begins[1:] &= space[:-1]
        starts = np.array([s for s, _ in spans], dtype=np.int64)
        stops = np.array([e for _, e in spans], dtype=np.int64)
        begins[starts[(starts < stops) & (starts < len(text))]] = True  # a span starts a chunk ...
        begins &= ~space
        begin_at = np.flatnonzero(begins)
        span_of = np.searchsorted(starts, begin_at, side="right") - 1
        inside = span_of >= 0
        span_of = np.maximum(span_of, 0)
        inside &= begin_at < stops[span_of]
        space_at = np.append(np.flatnonzero(space), len(text))  # ... and ends at whitespace or its end
        end_at = np.minimum(space_at[np.searchsorted(space_at, begin_at)], stops[span_of])
        # chunks that can move a sentence start: beginning with punctuation, or holding a period
        chosen = np.zeros(len(begin_at), dtype=bool)
        chosen[self._punct[codes[begin_at]]] = True
        chosen[np.searchsorted(begin_at, np.flatnonzero(self._period[codes]), side="right") - 1] = True
        chosen &= inside
        risky = self._risky(text, codes, begin_at, end_at, span_of, inside, chosen)
        index = np.flatnonzero(chosen)
        firsts, ends = begin_at[index].tolist(), end_at[index].tolist()
        lows = np.searchsorted(begin_at[index], starts).tolist()
        highs = np.searchsorted(begin_at[index], stops).tolist()
        out: list[tuple[int, int]] = []
        for number, ((start, stop), low, high) in enumerate(zip(spans, lows, highs, strict=True)):
            if number in risky:
                found = self._pipeline_starts(text, start, stop)
            else:
                found = self._starts(text, start, stop, firsts[low:high], ends[low:high])
            cuts = [start, *found, stop]
            for a, b in itertools.pairwise(cuts):
                s, e = strip_span(text, a, b)
                if e > s:
                    out.append((s, e))
        return out

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
        keys = codes[np.maximum(end_at[:-1] - 1, 0)].astype(np.int64) * KEY + codes[begin_at[1:]]
        gaps = np.flatnonzero(pairs & np.isin(keys, self._join_keys)).tolist()
        return {
            int(span_of[g])
            for g in gaps
            if self._joined(text[begin_at[g] : end_at[g]], text[begin_at[g + 1] : end_at[g + 1]])
        }

    def _joined(self, left: str, right: str) -> bool:
        """Whether a special case might run from chunk ``left`` across whitespace into ``right``
        (maybe beyond either: then the chunk is all of that side of the cut)."""
        return any(
            (left.endswith(a) if len(left) >= len(a) else a.endswith(left))
            and (right.startswith(b) if len(right) >= len(b) else b.startswith(right))
            for a, b in self._joins.get((left[-1], right[0]), ())
        )

    def _tokens(self, chunk: str) -> tuple[tuple[int, int], ...]:
        """``(offset in the chunk, part)`` of each token of ``chunk``."""
        found = self._chunks.get(chunk)
        if found is None:
            if len(self._chunks) >= MAX_CHUNKS:
                self._chunks.clear()
            found = tuple(
                (t.idx, PERIOD if t.text in self._periods else PUNCT if t.is_punct else WORD)
                for t in self._tokenizer(chunk)
            )
            self._chunks[chunk] = found
        return found

    def _starts(self, text: str, start: int, stop: int, firsts: list[int], ends: list[int]) -> list[int]:
        """Where sentences after the first start in ``text[start:stop]``, given the chunks there that
        can move a start (a token's start; before whitespace, possibly another place in it)."""
        out: list[int] = []
        seen = False  # the sentencizer's "seen_period"
        end = start  # where the last of these chunks ended
        for first, last in zip(firsts, ends, strict=True):
            if seen and text[end:first] != " ":  # a token between: a word or whitespace
                out.append(end)
                seen = False
            for offset, part in self._tokens(text[first:last]):
                if part == PERIOD:
                    seen = True
                elif part == WORD and seen:
                    out.append(first + offset)
                    seen = False
            end = last
        if seen and text[end:stop] not in ("", " "):
            out.append(end)
        return out

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
