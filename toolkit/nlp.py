"""spaCy pipelines per language (blank + sentencizer, nothing downloaded) and sentence units."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import spacy

from toolkit.anchoring import strip_span
from toolkit.model import Turn

LANGUAGES = ("de", "en")


@functools.lru_cache(maxsize=8)
def sentence_pipeline(language: str) -> Any:
    """A blank spaCy pipeline for ``language`` with the rule-based sentencizer, built once."""
    lang = language if language in LANGUAGES else "de"
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


def sentence_units(text: str, turns: Sequence[Turn], language: str) -> list[tuple[int, int]]:
    """Sentences inside each turn as ``(start, end)`` offsets into ``text``, whitespace trimmed.

    A sentence never crosses a turn boundary; without turns the whole text is one turn."""
    nlp = sentence_pipeline(language)
    spans = [(s, e) for s, e in ((t.start, t.end) for t in turns) if text[s:e].strip()]
    if not turns and text.strip():
        spans = [(0, len(text))]
    out: list[tuple[int, int]] = []
    for (start, _), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True):
        for sent in doc.sents:
            s, e = strip_span(text, start + sent.start_char, start + sent.end_char)
            if e > s:
                out.append((s, e))
    return out
