"""Rule and model suggestions combined per unit: sources, calibrated scores, orders, feedback."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import add_text, new_store

from toolkit.codebook import parse_codebook
from toolkit.codes_merge import load_codebook_into
from toolkit.codings import add_coding
from toolkit.documents import document_text
from toolkit.errors import InvalidValue
from toolkit.store import Store
from toolkit.suggest.feedback import reject
from toolkit.suggest.rank import ordered, suggest
from toolkit.suggest.training import train
from toolkit.suggest.types import Suggestion

CODEBOOK = """\
format: 1
title: Test
fields_of_action: [{name: Alltag}]
codes:
  - {id: alltag, name: Alltag, field_of_action: Alltag, definition: A}
  - {id: pause, parent: alltag, name: Pause, definition: Pausen}
  - id: schulung
    parent: alltag
    name: Schulung
    definition: Lernen
    keywords: {de: [Schulung]}
  - id: wetter
    parent: alltag
    name: Wetter
    definition: Wetter
    keywords: {de: [Regen]}
"""
PAUSE, SCHULUNG, WETTER = "Alltag/Pause", "Alltag/Schulung", "Alltag/Wetter"
KAFFEE = "Wir trinken morgens Kaffee in der Küche."
SCHULE = "Die Schulung am Montag war lang."


def project(tmp_path: Path, *, trained: bool = True) -> Store:
    store = new_store(tmp_path)
    load_codebook_into(store, parse_codebook(CODEBOOK, "cb.yaml"), actor="t")
    for i in range(4):
        text = f"I: Wie war Woche {i}?\n\nB: {KAFFEE} Es gab Regen.\n\nI: Und?\n\nB: {SCHULE} Sonst nichts.\n"
        name = add_text(store, text, f"woche{i}.txt", language="de")
        stored = document_text(store, name)
        for sentence, code in ((KAFFEE, PAUSE), (SCHULE, SCHULUNG)):
            start = stored.index(sentence)
            add_coding(store, name, start, start + len(sentence), code, coder="anna")
    if trained:
        train(store, "anna", epochs=4)
    return store


def sentence(store: Store, items: list[Suggestion], needle: str) -> dict[str, Suggestion]:
    text = document_text(store, "woche0")
    return {s.code_path: s for s in items if s.unit == "sentence" and needle in text[s.start : s.end]}


def test_model_rule_and_both_are_combined_with_calibrated_scores(tmp_path: Path) -> None:
    store = project(tmp_path)
    items = suggest(store, "woche0")
    coffee = sentence(store, items, "Kaffee")
    assert coffee[PAUSE].source == "model"
    assert coffee[PAUSE].model is not None
    assert "kaffee" in coffee[PAUSE].evidence
    training = sentence(store, items, "Schulung")[SCHULUNG]
    assert (training.source, training.evidence) == ("rule+model", ("Schulung",))
    rain = sentence(store, items, "Regen")[WETTER]
    assert (rain.source, rain.score, rain.model) == ("rule", 0.5, None)  # a code the model never saw
    assert all(0 < s.score < 1 for s in items)
    assert coffee[PAUSE].score > max((s.score for s in sentence(store, items, "nichts").values()), default=0)

    # a turn gets the best model score of its sentences, and the rules' codes of the whole turn
    text = document_text(store, "woche0")
    turn = {s.code_path: s for s in items if s.unit == "turn" and "Kaffee" in text[s.start : s.end]}
    assert text[turn[PAUSE].start : turn[PAUSE].end] == f"{KAFFEE} Es gab Regen."
    assert (turn[PAUSE].source, turn[PAUSE].score) == ("model", coffee[PAUSE].score)
    assert (turn[WETTER].source, turn[WETTER].score) == ("rule", 0.5)
    only_turns = suggest(store, "woche0", units=("turn",))
    assert {s.unit for s in only_turns} == {"turn"}
    assert [s for s in items if s.unit == "turn"] == only_turns


def test_without_a_model_or_with_use_model_off_only_rules_suggest(tmp_path: Path) -> None:
    store = project(tmp_path, trained=False)
    assert {s.source for s in suggest(store, "woche0")} == {"rule"}
    store = project(tmp_path / "b")
    assert {s.source for s in suggest(store, "woche0", use_model=False)} == {"rule"}


def test_orders_by_position_score_and_uncertainty(tmp_path: Path) -> None:
    store = project(tmp_path)
    by_position = suggest(store, "woche0")
    assert [s.start for s in by_position] == sorted(s.start for s in by_position)
    by_score = suggest(store, "woche0", order="score")
    assert [s.score for s in by_score] == sorted((s.score for s in by_score), reverse=True)
    uncertain = suggest(store, "woche0", order="uncertainty")
    distance = [abs(s.score - 0.5) for s in uncertain]
    assert distance == sorted(distance)
    assert sorted(by_position, key=id) != [] and len(uncertain) == len(by_position)
    with pytest.raises(InvalidValue, match="unknown order 'random'"):
        suggest(store, "woche0", order="random")
    assert ordered([], "score") == []


def test_a_coder_does_not_see_what_she_coded_or_rejected(tmp_path: Path) -> None:
    store = project(tmp_path)
    text = document_text(store, "woche0")
    assert PAUSE not in sentence(store, suggest(store, "woche0", coder="anna"), "Kaffee")
    for_ben = suggest(store, "woche0", coder="ben")
    coffee = sentence(store, for_ben, "Kaffee")[PAUSE]
    reject(store, "ben", "woche0", coffee.start, coffee.end, PAUSE, source="model", model_id=coffee.model)
    assert PAUSE not in sentence(store, suggest(store, "woche0", coder="ben"), "Kaffee")
    assert PAUSE in sentence(store, suggest(store, "woche0"), "Kaffee")  # others still see it
    assert text[coffee.start : coffee.end] == KAFFEE


def test_text_outside_turns_such_as_task_headings_gets_sentence_units(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    load_codebook_into(store, parse_codebook(CODEBOOK, "cb.yaml"), actor="t")
    name = add_text(store, "1 Schulung am Montag\nDie Schulung war gut.\n\nI: Und?\n\nB: Regen.\n", "h.txt")
    text = document_text(store, name)
    units = {text[s.start : s.end] for s in suggest(store, name, units=("sentence",))}
    assert {"1 Schulung am Montag", "Die Schulung war gut.", "Regen."} <= units
