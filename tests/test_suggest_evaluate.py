"""Measuring suggestions: top-1 / top-3 per gold coding, micro-F1, pooling folds, on known answers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from _factories import add_text, new_store

from toolkit.codebook import parse_codebook
from toolkit.codes_merge import load_codebook_into
from toolkit.codings import add_coding
from toolkit.documents import document_text
from toolkit.errors import InvalidValue
from toolkit.model import Coding
from toolkit.store import Store
from toolkit.suggest.calibration import best_threshold, micro_f1, span_hits
from toolkit.suggest.evaluate import Quality, evaluate, pooled
from toolkit.suggest.units import Unit

UNITS = [Unit("d", 0, 10, "a"), Unit("d", 11, 20, "b"), Unit("d", 21, 30, "c")]
LABELS = ["A", "B", "C"]
SCORES = np.array([[0.9, 0.2, 0.0], [0.1, 0.8, 0.0], [0.6, 0.0, 0.3]])


def coding(start: int, end: int, code: str, document: str = "d") -> Coding:
    return Coding("G", document, code, start, end, "", "anna")


def test_top1_and_top3_pool_the_units_overlapping_each_coding() -> None:
    codings = [
        coding(0, 10, "A"),  # A first: both hits
        coding(11, 30, "C"),  # pooled: B .8, A .6, C .3 -> top-3 hit only
        coding(11, 20, "B"),  # B first: both hits
        coding(11, 20, "A"),  # same span as B: the top code B is right there; A second
        coding(0, 5, "A", document="other"),  # no unit at all: a miss
    ]
    assert span_hits(UNITS, SCORES, LABELS, codings) == (3, 4, 1)


def test_codes_at_or_below_the_floor_are_not_suggested() -> None:
    assert span_hits(UNITS, SCORES, LABELS, [coding(21, 30, "C")], min_score=0.3) == (0, 0, 0)
    assert span_hits(UNITS, SCORES, LABELS, [coding(21, 30, "C")], min_score=0.7) == (0, 0, 1)


def test_micro_f1_and_the_best_threshold() -> None:
    gold = np.array([[True, False], [False, True]])
    assert micro_f1(np.array([[True, False], [True, True]]), gold) == pytest.approx(0.8)
    assert micro_f1(np.zeros_like(gold), gold) == 0.0
    threshold, f1 = best_threshold(np.array([[0.9, 0.2], [0.3, 0.7]]), gold)
    assert f1 == 1.0 and 0.3 < threshold <= 0.7


def test_folds_are_pooled_by_counting_hits() -> None:
    a = Quality(0.5, 1.0, 0.4, 0.3, 2, 1, 2, 0)
    b = Quality(1.0, 1.0, 0.8, 0.5, 8, 8, 8, 1)
    (q,) = pooled([{"model": a}, {"model": b}]).values()
    assert (q.top1, q.top3, q.codings, q.without_suggestion) == (0.9, 1.0, 10, 1)
    assert q.micro_f1 == pytest.approx(0.6)


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
"""
KAFFEE = "Wir trinken morgens Kaffee in der Küche."
SCHULE = "Die Schulung am Montag war lang."


def project(tmp_path: Path) -> Store:
    """Four documents; anna coded the coffee sentence Pause (no keyword) and the training sentence
    Schulung (its keyword)."""
    store = new_store(tmp_path)
    load_codebook_into(store, parse_codebook(CODEBOOK, "cb.yaml"), actor="t")
    for i in range(4):
        text = (
            f"I: Wie war Woche {i}?\n\nB: {KAFFEE} Das Wetter war schön.\n\nI: Und?\n\nB: {SCHULE} Nichts.\n"
        )
        name = add_text(store, text, f"woche{i}.txt", language="de")
        stored = document_text(store, name)
        for sentence, code in ((KAFFEE, "Alltag/Pause"), (SCHULE, "Alltag/Schulung")):
            start = stored.index(sentence)
            add_coding(store, name, start, start + len(sentence), code, coder="anna")
    return store


@pytest.mark.slow
def test_evaluation_of_rules_model_and_both_on_a_known_answer(tmp_path: Path) -> None:
    store = project(tmp_path)
    result = evaluate(store, "anna", ["woche0", "woche1", "woche2"], ["woche3"])
    rules, model, combined = result["rules"], result["model"], result["combined"]
    # rules know only Schulung: one of the two codings, and one of two gold units (precision 1)
    assert (rules.codings, rules.top1, rules.top3, rules.without_suggestion) == (2, 0.5, 0.5, 1)
    assert rules.micro_f1 == pytest.approx(2 / 3)
    # the model learned both
    assert (model.top1, model.top3) == (1.0, 1.0)
    assert (combined.top1, combined.top3) == (1.0, 1.0)
    assert combined.micro_f1 > rules.micro_f1
    assert store.query("SELECT * FROM suggestion_models") == []  # nothing stored


def test_training_and_test_documents_must_differ(tmp_path: Path) -> None:
    store = project(tmp_path)
    with pytest.raises(InvalidValue, match="both a training and a test document"):
        evaluate(store, "anna", ["woche0"], ["woche0"])
