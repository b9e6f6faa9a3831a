"""Sentence units inside turns with blank spaCy pipelines (nothing downloaded)."""

from __future__ import annotations

from toolkit.model import Turn
from toolkit.nlp import sentence_pipeline, sentence_units

TEXT = "I: Wie geht es? Gut.\n\nB: Die E-Akte ist da. Sie ist langsam!\n"


def test_sentences_stay_inside_turns_and_offsets_point_into_the_text() -> None:
    turns = [Turn("I", 3, 20), Turn("B", 25, 61)]
    units = sentence_units(TEXT, turns, "de")
    assert [TEXT[s:e] for s, e in units] == ["Wie geht es?", "Gut.", "Die E-Akte ist da.", "Sie ist langsam!"]
    assert all(t.start <= s < e <= t.end for s, e in units for t in turns if t.start <= s < t.end)


def test_without_turns_the_whole_text_is_split() -> None:
    text = "First sentence. Second one?"
    assert [text[s:e] for s, e in sentence_units(text, [], "en")] == ["First sentence.", "Second one?"]


def test_pipeline_is_cached_per_language_and_blank() -> None:
    assert sentence_pipeline("de") is sentence_pipeline("de")
    assert sentence_pipeline("en") is not sentence_pipeline("de")
    assert sentence_pipeline("de").pipe_names == ["sentencizer"]
    assert sentence_pipeline("xx").lang == "de"  # unknown languages fall back to German


def test_empty_and_blank_turns_give_no_units() -> None:
    assert sentence_units("   \n", [Turn("I", 0, 3)], "de") == []
    assert sentence_units("", [], "de") == []
