"""The blank spaCy pipelines per language (nothing downloaded); sentence units: tests/test_units.py."""

from __future__ import annotations

from toolkit.nlp import sentence_pipeline


def test_pipeline_is_cached_per_language_and_blank() -> None:
    assert sentence_pipeline("de") is sentence_pipeline("de")
    assert sentence_pipeline("en") is not sentence_pipeline("de")
    assert sentence_pipeline("de").pipe_names == ["sentencizer"]
    assert sentence_pipeline("xx").lang == "de"  # unknown languages fall back to German
