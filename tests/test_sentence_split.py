"""The fast sentence split (toolkit.sentence_split) gives exactly the sentences of spaCy's pipeline
(blank tokenizer + sentencizer, run over each turn as a spaCy Doc, the way toolkit.units split them
before): on the real German and English transcripts, and on random texts made of punctuation,
tokenizer exceptions, emoticons, abbreviations and unusual whitespace, with random turns."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from _factories import CORPORA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.anchoring import strip_span
from toolkit.model import Turn
from toolkit.nlp import sentence_pipeline
from toolkit.sentence_split import splitter
from toolkit.units import sentence_units

SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def pipeline_sentences(text: str, spans: list[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    """The reference: spaCy's pipeline over each span, its sentences whitespace trimmed."""
    nlp = sentence_pipeline(language)
    out = []
    for (start, _), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True):
        for sent in doc.sents:
            s, e = strip_span(text, start + sent.start_char, start + sent.end_char)
            if e > s:
                out.append((s, e))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _corpus_files() -> list[Path]:
    return sorted(p for p in CORPORA.glob("*/*") if p.suffix in (".txt", ".md") and p.name != "index.md")


def test_real_transcripts_split_as_the_pipeline_splits_them() -> None:
    files = _corpus_files()
    if not files:
        pytest.skip("../shared/corpora is absent")
    checked = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        language = "en" if path.parent.name.startswith("en_") else "de"
        for spans in (_lines(text), [(0, len(text))]):
            found = splitter(language).sentences(text, spans)
            assert found == pipeline_sentences(text, spans, language), path
            checked += len(spans)
    assert checked > 100


# pieces that make the tokenizer and the sentencizer work: sentence ends (also other scripts'),
# quotes and brackets, exceptions (abbreviations, emoticons), numbers, and whitespace of every kind
PIECES = [
    *("Wort", "Akte", "z", "B", "ne", "s", "n", "usw", "Dr", "e.g", "U.S", "8", "3.5", "1990er"),
    *(".", "..", "...", "!", "?", "?!", "。", "！", "？", "‽", "।", ",", ";", ":", "-", "–", "—"),
    *("(", ")", "[", "]", "„", "“", "”", '"', "'", "«", "»", "(.)", "(...)", "#00:01:02-3#", "/"),
    *("z.B.", "z. B.", "d.h.", "Dr.", "usw.", "bzw.", "ca.", "Nr.", "e.g.", "i.e.", "Mr.", "U.S.", "St."),
    *(":)", ":-)", ";)", ":(", "(:", "):", "<3", "^_^", "(^_^)", ":'(", "'s", "'ne", "''", "o.O", "-_-"),
    *("E-Mail", "www.example.org", "a@b.de", "C++", "10:30", "1.", "2.)", "a.", "B.", "&", "%", "§"),
    *(" ", " ", " ", "  ", "\n", "\t", "\xa0", "\u2003", " \n ", "\n\n"),
]
# and every special case of both tokenizers (abbreviations, emoticons, contractions), cut up too
RULES = sorted({*sentence_pipeline("de").tokenizer.rules, *sentence_pipeline("en").tokenizer.rules})
texts = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.sampled_from(RULES),
        st.tuples(st.sampled_from(RULES), st.integers(1, 5)).map(lambda r: r[0][: r[1]]),
        st.tuples(st.sampled_from(RULES), st.integers(1, 5)).map(lambda r: r[0][r[1] :]),
    ),
    min_size=0,
    max_size=60,
).map("".join)


@SETTINGS
@given(text=texts, cuts=st.lists(st.integers(0, 400), max_size=6), language=st.sampled_from(["de", "en"]))
def test_random_texts_split_as_the_pipeline_splits_them(text: str, cuts: list[int], language: str) -> None:
    points = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    spans = [(a, b) for a, b in itertools.pairwise(points) if text[a:b].strip()]
    assert splitter(language).sentences(text, spans) == pipeline_sentences(text, spans, language)
    assert splitter(language).sentences(text, [(0, len(text))]) == pipeline_sentences(
        text, [(0, len(text))] if text else [], language
    )


def test_overlapping_turns_are_split_each_on_its_own() -> None:
    text = "Erster Satz. Zweiter Satz! Dritter?"
    spans = [(0, 26), (13, len(text))]
    assert splitter("de").sentences(text, spans) == pipeline_sentences(text, spans, "de")
    assert [text[s:e] for s, e in sentence_units(text, [Turn("I", s, e) for s, e in spans], "de")] == [
        "Erster Satz.",
        "Zweiter Satz!",
        "Zweiter Satz!",
        "Dritter?",
    ]


def test_a_full_memory_is_cleared_between_texts_and_the_sentences_stay_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import random

    import toolkit.sentence_split as split

    monkeypatch.setattr(split, "MAX_CHUNKS", 4)  # fewer than the kinds of chunk of one text
    fresh = split.Splitter(sentence_pipeline("de"))
    rng = random.Random(1)
    pieces = ["Akte.", "Nr.", "(lacht)", "gut!", "so", "Ja", "...", "(.)", "Dr.", "usw.", "Wort", "?"]
    for _ in range(100):
        text = " ".join(rng.choice(pieces) for _ in range(12))
        spans = [(0, len(text) // 2), (len(text) // 2, len(text))]
        assert fresh.sentences(text, spans) == pipeline_sentences(text, spans, "de"), text
