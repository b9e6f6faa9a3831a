"""spaCy pipelines per language (blank + sentencizer, nothing downloaded); the sentence units built on
them: :mod:`toolkit.units`."""

from __future__ import annotations

import functools
from typing import Any

import spacy

LANGUAGES = ("de", "en")


@functools.lru_cache(maxsize=8)
def sentence_pipeline(language: str) -> Any:
    """A blank spaCy pipeline for ``language`` with the rule-based sentencizer, built once."""
    lang = language if language in LANGUAGES else "de"
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp
