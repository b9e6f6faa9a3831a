"""The learned suggestion model: units and context, training on blank pipelines, storage, runs."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from _factories import add_text, events_of, new_store

from toolkit.codebook import parse_codebook
from toolkit.codes_merge import load_codebook_into
from toolkit.codings import add_coding
from toolkit.documents import document_text
from toolkit.errors import NotFound
from toolkit.model import Turn
from toolkit.store import Store
from toolkit.suggest.classifier import fit, predict
from toolkit.suggest.features import ALL_FEATURES, feature_words, overlaps
from toolkit.suggest.feedback import reject
from toolkit.suggest.rank import suggest
from toolkit.suggest.registry import current_model_guid, load_model, model_rows
from toolkit.suggest.training import run_status, start_background, train
from toolkit.suggest.training_data import training_data
from toolkit.suggest.units import units

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
    keywords: {de: [Schulung], en: [training]}
"""
PAUSE, SCHULUNG = "Alltag/Pause", "Alltag/Schulung"
KAFFEE = "Wir trinken morgens Kaffee in der Küche."
SCHULE = "Die Schulung am Montag war lang."
OTHER = "Das Wetter war gestern schön."


def transcript(i: int) -> str:
    return (
        f"I: Wie war Woche {i}?\n\n"
        f"B: {KAFFEE} {OTHER}\n\n"
        "I: Und sonst?\n\n"
        f"B: {SCHULE} Danach gingen alle nach Hause.\n"
    )


def project(tmp_path: Path, documents: int = 4) -> Store:
    """Documents in which coder anna coded every coffee sentence Pause and every training sentence
    Schulung; the other sentences she saw and left uncoded."""
    store = new_store(tmp_path)
    load_codebook_into(store, parse_codebook(CODEBOOK, "cb.yaml"), actor="t")
    for i in range(documents):
        name = add_text(store, transcript(i), f"woche{i}.txt", language="de")
        text = document_text(store, name)
        for sentence, code in ((KAFFEE, PAUSE), (SCHULE, SCHULUNG)):
            start = text.index(sentence)
            add_coding(store, name, start, start + len(sentence), code, coder="anna")
    return store


def test_units_split_lines_and_carry_question_heading_neighbours_and_speaker() -> None:
    text = "1 Read the home tab\n  1.a Was it clear?\n  Yes it was.\n  I liked it.\nMODERATOR: Go on."
    (u1, u2, u3, u4, u5) = units(text, [], "en", "doc")
    assert [u.text for u in (u1, u2, u3, u4, u5)] == [
        "1 Read the home tab",
        "1.a Was it clear?",
        "Yes it was.",
        "I liked it.",
        "MODERATOR: Go on.",
    ]
    assert (u3.question, u3.heading, u3.previous, u3.next) == (
        "1.a Was it clear?",
        "1 Read the home tab",
        "1.a Was it clear?",
        "I liked it.",
    )
    assert u5.speaker == "interviewer"
    words = feature_words(u3, ALL_FEATURES)
    assert words[:3] == ["yes", "it", "was"]
    assert {"q:clear", "h:home", "p:clear", "n:liked", "s:none"} <= set(words)
    assert feature_words(u3, ()) == ["yes", "it", "was"]


def test_interviewer_turns_are_the_question_of_the_answers_after_them() -> None:
    text = "I: Wie war es?\n\nB: Gut. Sehr gut.\n"
    turns = [Turn("I", 3, 14), Turn("B", 19, 33)]
    found = units(text, turns, "de")
    assert [(u.text, u.speaker, u.question) for u in found] == [
        ("Wie war es?", "interviewer", ""),
        ("Gut.", "respondent", "Wie war es?"),
        ("Sehr gut.", "respondent", "Wie war es?"),
    ]


@pytest.mark.parametrize(
    ("coding", "expected"),
    [((0, 10), True), ((5, 14), True), ((6, 14), False), ((2, 4), True), ((10, 20), False)],
)
def test_a_unit_is_positive_when_a_coding_covers_half_of_it_or_lies_inside_it(
    coding: tuple[int, int], expected: bool
) -> None:
    assert overlaps(0, 10, *coding) is expected
    assert overlaps(2, 4, 0, 10) is True  # a unit inside a coding


def test_the_model_learns_an_obvious_pattern(tmp_path: Path) -> None:
    store = project(tmp_path)
    model = train(store, "anna", actor="anna")
    assert set(model.labels) == {PAUSE, SCHULUNG}
    probe = units("Alle trinken Kaffee in der Küche. Es regnet heute sehr.", [], "de")
    scores = predict(model.nlp, probe, model.settings["features"])
    pause = list(model.labels).index(PAUSE)
    assert scores[0, pause] > 0.5 > scores[1, pause]


def test_training_records_provenance_and_the_model_is_loaded_from_the_store(tmp_path: Path) -> None:
    store = project(tmp_path)
    model = train(store, "anna", documents=["woche0", "woche1", "woche2"], actor="lead")
    (row,) = model_rows(store)
    assert row["status"] == "ready"
    assert (row["coder"], row["language"], row["codings_count"]) == ("anna", "de", 6)
    assert row["codes_revision"] == store.setting("codes_revision")
    assert row["documents"] == ["woche0", "woche1", "woche2"]
    assert len(row["codings_hash"]) == 64
    assert set(row["metrics"]["calibration"]) == {"model", "rule", "rule_score", "bias"}
    assert 0 < row["metrics"]["threshold"] < 1
    assert (row["epoch"], row["epochs"]) == (16, 16)  # calibration run + final run
    stored = json.loads(store.one("SELECT codings FROM suggestion_models")["codings"])  # type: ignore[index]
    assert len(stored) == 6
    assert current_model_guid(store, "de") == model.guid
    assert current_model_guid(store, "en") is None
    loaded = load_model(store, model.guid)
    assert loaded.labels == model.labels
    assert load_model(store, model.guid) is loaded  # loaded once per process
    assert [e["action"] for e in events_of(store, "ready", "suggestion_model")] == ["ready"]
    assert len(events_of(store, "progress", "suggestion_model")) == 16


def test_a_new_model_supersedes_the_old_one_of_its_language(tmp_path: Path) -> None:
    store = project(tmp_path)
    first = train(store, "anna", epochs=2)
    second = train(store, "anna", epochs=2)
    assert current_model_guid(store, "de") == second.guid
    statuses = {r["guid"]: r["status"] for r in model_rows(store)}
    assert statuses == {first.guid: "superseded", second.guid: "ready"}
    assert store.one("SELECT model FROM suggestion_models WHERE guid = ?", (first.guid,)) == {"model": None}


def test_a_failed_run_keeps_the_last_good_model(tmp_path: Path) -> None:
    store = project(tmp_path)
    good = train(store, "anna", epochs=2)

    def crash(epoch: int, total: int, loss: float) -> None:
        if epoch == 2:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        train(store, "anna", epochs=2, progress=crash)
    failed = model_rows(store)[0]
    assert failed["status"] == "failed"
    assert "disk full" in failed["message"]
    assert run_status(store, failed["guid"])["status"] == "failed"
    assert current_model_guid(store, "de") == good.guid
    assert any(s.model == good.guid for s in suggest(store, "woche0"))


def test_a_killed_run_is_reported_failed_and_changes_nothing(tmp_path: Path) -> None:
    store = project(tmp_path)
    good = train(store, "anna", epochs=2)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with store.write("t") as w:
        w.execute(
            "INSERT INTO suggestion_models (guid, created_at, coder, language, codes_revision, status, "
            "pid, heartbeat, epochs, epoch) "
            "VALUES ('RUN', '2026-01-01', 'anna', 'de', '0', 'running', ?, ?, 8, 3)",
            (dead.pid, "2026-01-01T00:00:00+00:00"),
        )
    status = run_status(store, "RUN")
    assert status["status"] == "failed"
    assert "stopped" in status["message"]
    assert current_model_guid(store, "de") == good.guid


def test_training_in_the_background_reports_progress_until_ready(tmp_path: Path) -> None:
    store = project(tmp_path)
    guid = start_background(store, "anna", epochs=2)
    assert run_status(store, guid)["status"] in ("running", "ready")
    deadline = time.monotonic() + 120
    while run_status(store, guid)["status"] == "running" and time.monotonic() < deadline:
        time.sleep(0.2)
    status = run_status(store, guid)
    assert (status["status"], status["fraction"], status["current"]) == ("ready", 1.0, True)


def test_nothing_to_learn_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    store = project(tmp_path)
    with pytest.raises(NotFound, match="no codings to learn from"):
        train(store, "ben")
    assert model_rows(store) == []


def test_fit_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    found = units(f"{KAFFEE} {OTHER} {SCHULE}", [], "de")
    labels = [{PAUSE}, set(), {SCHULUNG}]
    a = predict(fit(found, labels, "de", epochs=3), found)
    b = predict(fit(found, labels, "de", epochs=3), found)
    assert (a == b).all()


def test_rejected_units_are_negatives_and_uncoded_documents_add_only_those(tmp_path: Path) -> None:
    store = project(tmp_path, documents=2)
    extra = add_text(store, transcript(9), "woche9.txt", language="de")
    start = document_text(store, extra).index(KAFFEE)
    reject(store, "anna", extra, start, start + len(KAFFEE), PAUSE)
    data = training_data(store, "anna")
    assert data.documents == ["woche0", "woche1", "woche9"]
    from_extra = [
        (u.text, labels) for u, labels in zip(data.units, data.labels, strict=True) if u.document == extra
    ]
    assert from_extra == [(KAFFEE, set())]
    assert sum(1 for u in data.units if u.document == "woche0") == 6  # every unit of a coded document


def test_the_speaker_prior_and_softmax_companions_learn_who_gets_which_code() -> None:
    from toolkit.suggest.units import Unit

    said = [
        Unit("d", i, i + 1, f"Satz {w} hier", speaker=role)
        for i, (w, role) in enumerate(
            [("eins", "interviewer"), ("zwei", "interviewer"), ("drei", "respondent"), ("vier", "respondent")]
            * 5
        )
    ]
    labels = [{"Moderation"} if u.speaker == "interviewer" else {"Antwort"} for u in said]
    probe = [Unit("d", 0, 1, "ganz neue Worte", speaker="interviewer")]
    with_companions = fit(said, labels, "de", epochs=2)
    without = fit(said, labels, "de", epochs=2, companions=False)
    assert "companions" in with_companions.meta and "companions" not in without.meta
    order = list(with_companions.get_pipe("textcat_multilabel").labels)
    scores = predict(with_companions, probe)[0]
    assert scores[order.index("Moderation")] > scores[order.index("Antwort")] + 0.2


def test_a_stored_model_scores_like_the_trained_one_companions_included(tmp_path: Path) -> None:
    store = project(tmp_path)
    model = train(store, "anna", epochs=2)
    loaded = load_model(store, model.guid)
    probe = units(f"{KAFFEE} {OTHER} {SCHULE}", [], "de")
    assert loaded.nlp.meta["companions"]["labels"] == list(model.labels)
    features = model.settings["features"]
    assert (predict(loaded.nlp, probe, features) == predict(model.nlp, probe, features)).all()


def test_character_ngrams_carry_a_code_to_forms_of_its_words_never_seen() -> None:
    from toolkit.suggest.companions import blend_companions, fit_companions
    from toolkit.suggest.units import Unit

    said = [Unit("d", i, i + 1, text) for i, text in enumerate(["Das war verwirrend", "Sehr verwirrt"] * 4)]
    said += [Unit("d", i, i + 1, text) for i, text in enumerate(["Das war hilfreich", "Sehr hilfreiche"] * 4)]
    labels = [{"Verwirrung"}] * 8 + [{"Hilfe"}] * 8
    probe = [Unit("d", 0, 1, "Verwirrungen überall"), Unit("d", 0, 1, "Hilfreicher geht es nicht")]
    order = ["Hilfe", "Verwirrung"]
    flat = np.full((2, 2), 0.5)

    def scores(grams: tuple[int, int] | None) -> np.ndarray:
        extra = fit_companions(said, labels, order, (), grams)
        return blend_companions(extra, flat, probe, ())

    with_grams, words_only = scores((3, 5)), scores(None)
    assert with_grams[0, 1] > with_grams[0, 0] + 0.1  # "Verwirrungen" ~ "verwirrend", "verwirrt"
    assert with_grams[1, 0] > with_grams[1, 1] + 0.1  # "Hilfreicher" ~ "hilfreich"
    assert abs(words_only[0, 1] - words_only[0, 0]) < 0.05  # whole words: never seen, no preference


def test_models_stored_before_the_product_blend_still_score_as_they_did() -> None:
    from toolkit.suggest.companions import blend_companions, fit_companions
    from toolkit.suggest.units import Unit

    said = [Unit("d", i, i + 1, f"Satz {w}") for i, w in enumerate(["eins", "zwei"] * 4)]
    labels = [{"A"} if "eins" in u.text else {"B"} for u in said]
    new = fit_companions(said, labels, ["A", "B"], (), None)
    coef = np.frombuffer(base64.b64decode(new["coef_f32"]), dtype="<f4").reshape(-1, 2)
    old = {k: v for k, v in new.items() if k not in ("coef_f32", "char_ngrams")}
    old |= {"coef": coef.round(5).tolist(), "weights": {"textcat": 0.4, "speaker_prior": 0.2, "softmax": 0.4}}
    raw = np.array([[0.9, 0.1], [0.2, 0.7]])
    probe = said[:2]
    got = blend_companions(old, raw, probe, ())
    prior = np.array(new["overall"])
    soft = blend_companions(
        old | {"weights": {"textcat": 0.0, "speaker_prior": 0.0, "softmax": 1.0}}, raw, probe, ()
    )
    assert np.allclose(got, 0.4 * raw + 0.2 * prior + 0.4 * soft)
    assert soft[0, 0] > soft[0, 1] and soft[1, 1] > soft[1, 0]
    # the current form: how likely coded at all (best classifier score) times which code
    product = blend_companions(new, raw, probe, ())
    assert product[0].sum() < 0.9**0.5 + 1e-6 and product[0, 0] > product[0, 1]
