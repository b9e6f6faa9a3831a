"""The one definition of a transcript's units (toolkit.units): sentences inside turns, turns,
paragraphs; agreement and suggestions count by the same units."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import add_text, new_store

from toolkit.agreement.selection import Doc
from toolkit.agreement.units import document_units
from toolkit.codebook import parse_codebook
from toolkit.codes_merge import load_codebook_into
from toolkit.documents import document_row, document_turns
from toolkit.errors import InvalidValue
from toolkit.model import Turn
from toolkit.suggest.rank import suggest
from toolkit.units import UNIT_KINDS, paragraph_units, sentence_units, turn_units, units

TEXT = "I: Wie geht es? Gut.\n\nB: Die E-Akte ist da. Sie ist langsam!\n"


def test_sentences_stay_inside_turns_and_offsets_point_into_the_text() -> None:
    turns = [Turn("I", 3, 20), Turn("B", 25, 61)]
    units = sentence_units(TEXT, turns, "de")
    assert [TEXT[s:e] for s, e in units] == ["Wie geht es?", "Gut.", "Die E-Akte ist da.", "Sie ist langsam!"]
    assert all(t.start <= s < e <= t.end for s, e in units for t in turns if t.start <= s < t.end)


def test_without_turns_the_whole_text_is_split() -> None:
    text = "First sentence. Second one?"
    assert [text[s:e] for s, e in sentence_units(text, [], "en")] == ["First sentence.", "Second one?"]


def test_empty_and_blank_turns_give_no_units() -> None:
    assert sentence_units("   \n", [Turn("I", 0, 3)], "de") == []
    assert sentence_units("", [], "de") == []


def test_turns_are_trimmed_and_a_document_without_turns_has_its_paragraphs() -> None:
    text = "I: Wie war es?  \n\nB:   Gut so.\n\n"
    turns = [Turn("I", 3, text.index("B:")), Turn("B", text.index("B:") + 2, len(text))]
    assert [text[s:e] for s, e in turn_units(text, turns)] == [
        "Wie war es?",
        "Gut so.",
    ]
    plain = "Erster Absatz.\nNoch eine Zeile.\n\n  \n\nZweiter Absatz.  "
    assert [plain[s:e] for s, e in turn_units(plain, [])] == [
        "Erster Absatz.\nNoch eine Zeile.",
        "Zweiter Absatz.",
    ]
    assert turn_units(plain, []) == paragraph_units(plain) == units(plain, [], "de", "paragraph")
    assert turn_units("  \n", [Turn("I", 0, 3)]) == []


def test_an_unknown_kind_is_refused_naming_the_kinds() -> None:
    with pytest.raises(InvalidValue, match="sentence, turn, paragraph"):
        units("Text.", [], "de", "page")
    assert UNIT_KINDS == ("sentence", "turn", "paragraph")


CODEBOOK = """\
format: 1
title: Test
fields_of_action: [{name: Alltag}]
codes:
  - {id: alltag, name: Alltag, field_of_action: Alltag, definition: A}
  - id: wetter
    parent: alltag
    name: Wetter
    definition: Wetter
    keywords: {de: [Regen]}
"""


def test_suggestions_and_agreement_use_the_same_turns_and_sentences(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    load_codebook_into(store, parse_codebook(CODEBOOK, "cb.yaml"), actor="t")
    text = "I: Und das Wetter?   \n\nB: Es gab Regen. Viel Regen!   \n\nI: Danke.\n"
    name = add_text(store, text, "wetter.txt", language="de")
    row = document_row(store, name)
    doc = Doc(name, str(row["text"]), "de", tuple(document_turns(store, name)))
    found = suggest(store, name, units=("turn", "sentence"), use_model=False)
    for kind in ("turn", "sentence"):
        spans = {(s.start, s.end) for s in found if s.unit == kind}
        assert spans and spans <= set(document_units(doc, kind)), kind
    turn = next(s for s in found if s.unit == "turn")
    assert doc.text[turn.start : turn.end] == "Es gab Regen. Viel Regen!"
