"""Accepting and rejecting suggestions: only an accept writes a coding; a rejection is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import add_text, events_of, store_with_codebook

from toolkit.blind import set_blind_coding
from toolkit.codings import add_coding, list_codings
from toolkit.errors import Conflict, InvalidValue, PermissionDenied
from toolkit.store import Store
from toolkit.suggest import Suggestion, suggest
from toolkit.suggest.feedback import (
    accept,
    accept_all,
    in_view,
    model_for,
    open_suggestions,
    origin_of,
    preview_accept_all,
    reject,
    suggestions_state,
)
from toolkit.suggest.rejections import drop_rejected, rejections
from toolkit.suggest.types import Rejection

LUECKEN = "Information/Herausforderungen/Lücken"
TEXT = (
    "I: Wie erfahren Sie von Neuerungen?\n\n"
    "B: Meist über Flurfunk. Offiziell bekommt man selten Bescheid. Das Wetter war gut.\n"
)


@pytest.fixture()
def project(tmp_path: Path) -> tuple[Store, str]:
    store = store_with_codebook(tmp_path)
    return store, add_text(store, TEXT, "interview.txt", language="de")


def codings_rows(store: Store) -> list[dict[str, object]]:
    return store.query("SELECT * FROM codings ORDER BY id")


def test_suggestions_exist_for_the_fixture(project: tuple[Store, str]) -> None:
    store, doc = project
    found = suggest(store, doc, coder="anna")
    assert {s.code_path for s in found} == {LUECKEN}
    assert {s.unit for s in found} == {"sentence", "turn"}


def test_computing_suggestions_writes_nothing(project: tuple[Store, str]) -> None:
    store, doc = project
    before_codings, before_events = codings_rows(store), len(store.query("SELECT id FROM events"))
    found = suggest(store, doc, coder="anna")
    drop_rejected(store, "anna", doc, found)
    preview_accept_all(found, LUECKEN, 0.0)
    assert codings_rows(store) == before_codings
    assert len(store.query("SELECT id FROM events")) == before_events


def test_accept_creates_exactly_one_coding_with_provenance(project: tuple[Store, str]) -> None:
    store, doc = project
    first = suggest(store, doc, coder="anna", units=["sentence"])[0]
    guid = accept(store, "anna", doc, first)
    codings = list_codings(store, document=doc)
    assert [(c.guid, c.start, c.end, c.code_path, c.coder) for c in codings] == [
        (guid, first.start, first.end, LUECKEN, "anna")
    ]
    row = store.one("SELECT origin FROM codings WHERE guid = ?", (guid,))
    assert row == {"origin": "suggestion:rule"}
    assert events_of(store, "accept", "suggestion")[0]["payload"]["origin"] == "suggestion:rule"
    # the accepted unit is no longer suggested to anna, but still to ben
    assert not [s for s in suggest(store, doc, coder="anna") if s.start == first.start]
    assert [s for s in suggest(store, doc, coder="ben") if s.start == first.start]


def test_accept_names_the_model(project: tuple[Store, str]) -> None:
    store, doc = project
    s = suggest(store, doc, units=["sentence"])[0]
    model_suggestion = Suggestion(s.start, s.end, s.code_path, 0.9, "model", (), "sentence")
    guid = accept(store, "anna", doc, model_suggestion, model_id="m7")
    assert store.one("SELECT origin FROM codings WHERE guid = ?", (guid,)) == {
        "origin": "suggestion:model:m7"
    }
    assert origin_of("rule+model", "m7") == "suggestion:rule+model:m7"
    # the model that scored a suggestion travels with it
    both = Suggestion(s.start, s.end, s.code_path, 0.8, "rule+model", ("x",), "sentence", model="G1")
    guid = accept(store, "ben", doc, both)
    assert store.one("SELECT origin FROM codings WHERE guid = ?", (guid,)) == {
        "origin": "suggestion:rule+model:G1"
    }
    assert store.query("SELECT origin FROM suggestion_feedback ORDER BY id") == [
        {"origin": "suggestion:model:m7"},
        {"origin": "suggestion:rule+model:G1"},
    ]


def test_accept_twice_is_a_conflict_and_changes_nothing(project: tuple[Store, str]) -> None:
    store, doc = project
    s = suggest(store, doc, units=["sentence"])[0]
    accept(store, "anna", doc, s)
    before = codings_rows(store)
    with pytest.raises(Conflict, match="already coded"):
        accept(store, "anna", doc, s)
    assert codings_rows(store) == before


def test_accept_outside_the_document_writes_nothing(project: tuple[Store, str]) -> None:
    store, doc = project
    with pytest.raises(InvalidValue, match="outside document"):
        accept(store, "anna", doc, Suggestion(5, 10_000, LUECKEN, 0.5, "rule", (), "sentence"))
    assert codings_rows(store) == []
    assert store.query("SELECT * FROM suggestion_feedback") == []


def test_rejected_suggestion_is_not_shown_again_to_that_coder(project: tuple[Store, str]) -> None:
    store, doc = project
    s = suggest(store, doc, coder="anna", units=["sentence"])[0]
    reject(store, "anna", doc, s.start, s.end, s.code_path)
    reject(store, "anna", doc, s.start, s.end, s.code_path)  # idempotent
    assert rejections(store, coder="anna") == [Rejection(doc, s.start, s.end, LUECKEN, "anna")]
    assert len(events_of(store, "reject", "suggestion")) == 1
    shown = drop_rejected(store, "anna", doc, suggest(store, doc))
    assert (s.start, s.end, s.code_path) not in {(x.start, x.end, x.code_path) for x in shown}
    assert len(shown) == len(suggest(store, doc)) - 1
    # ben still sees it, and no coding was written
    assert s in drop_rejected(store, "ben", doc, suggest(store, doc, coder="ben"))
    assert codings_rows(store) == []


def test_reject_unknown_code_changes_nothing(project: tuple[Store, str]) -> None:
    store, doc = project
    with pytest.raises(Exception, match="Nichtda"):
        reject(store, "anna", doc, 3, 10, "Nichtda")
    assert rejections(store) == []


def test_preview_accept_all_keeps_one_of_overlapping_units_over_threshold() -> None:
    items = [
        Suggestion(0, 50, "A", 0.75, "rule", ("x", "y"), "turn"),
        Suggestion(0, 20, "A", 0.5, "rule", ("x",), "sentence"),
        Suggestion(21, 50, "A", 0.5, "rule", ("y",), "sentence"),
        Suggestion(60, 80, "A", 0.5, "rule", ("x",), "sentence"),
        Suggestion(90, 99, "A", 0.25, "model", (), "sentence"),
        Suggestion(60, 80, "B", 0.9, "rule", ("z",), "sentence"),
    ]
    assert preview_accept_all(items, "A", 0.5) == [items[0], items[3]]
    assert preview_accept_all(items, "A", 0.8) == []
    with pytest.raises(InvalidValue, match="threshold"):
        preview_accept_all(items, "A", 1.5)


def test_accept_all_only_over_threshold_in_one_transaction(project: tuple[Store, str]) -> None:
    store, doc = project
    found = suggest(store, doc, coder="anna", units=["sentence"])
    assert len(found) == 2
    low = found[0]
    reject(store, "anna", doc, low.start, low.end, low.code_path)
    guids = accept_all(store, "anna", doc, LUECKEN, 0.5, found)
    assert len(guids) == 1
    coded = list_codings(store, document=doc, coder="anna")
    assert [(c.start, c.end) for c in coded] == [(found[1].start, found[1].end)]
    assert accept_all(store, "anna", doc, LUECKEN, 0.99, suggest(store, doc, coder="anna")) == []


def test_accept_all_skips_units_already_coded(project: tuple[Store, str]) -> None:
    store, doc = project
    found = suggest(store, doc, units=["sentence"])
    add_coding(store, doc, found[0].start, found[0].end, LUECKEN, coder="anna")
    guids = accept_all(store, "anna", doc, LUECKEN, 0.0, found)
    assert len(guids) == 1
    assert len(list_codings(store, document=doc, coder="anna")) == 2


def test_team_mode_a_coder_cannot_accept_for_another(project: tuple[Store, str]) -> None:
    store, doc = project
    with store.write("t") as w:
        w.set_setting("team_mode", "1")
    s = suggest(store, doc, units=["sentence"])[0]
    with pytest.raises(PermissionDenied):
        accept(store, "anna", doc, s, actor="ben")
    with pytest.raises(PermissionDenied):
        reject(store, "anna", doc, s.start, s.end, s.code_path, actor="ben")
    assert codings_rows(store) == []


def test_open_suggestions_hide_rejected_and_coded_units(project: tuple[Store, str]) -> None:
    store, doc = project
    raw = suggest(store, doc)
    sentences = [s for s in raw if s.unit == "sentence"]
    accept(store, "anna", doc, sentences[0])
    reject(store, "anna", doc, sentences[1].start, sentences[1].end, LUECKEN)
    # the turn around both sentences overlaps anna's new coding of the same code, so it goes too
    assert open_suggestions(store, "anna", doc, raw) == []
    assert open_suggestions(store, "ben", doc, raw) == raw


def test_suggestions_state_ignores_codings_but_not_the_codebook(project: tuple[Store, str]) -> None:
    store, doc = project
    before = suggestions_state(store, doc)
    accept(store, "anna", doc, suggest(store, doc)[0])
    assert suggestions_state(store, doc) == before
    with store.write("t") as w:
        w.execute("UPDATE codes SET keywords_de = '[\"Wetter\"]' WHERE name = 'Offenheit'")
        w.event("update", "code", None, {"keywords_de": ["Wetter"]})
    assert suggestions_state(store, doc) != before


def _ready_model(store: Store, guid: str, coder: str) -> None:
    with store.write("t") as w:
        w.insert(
            "suggestion_models",
            {
                "guid": guid,
                "created_at": "now",
                "coder": coder,
                "language": "de",
                "codes_revision": "1",
                "status": "ready",
            },
        )
        w.event("add", "suggestion_model", guid, {"coder": coder})


def test_each_coder_gets_their_own_model_first_and_under_blind_coding_only_their_own(
    project: tuple[Store, str],
) -> None:
    store, _ = project
    assert model_for(store, "anna", "de") is None  # no model yet: rules only
    _ready_model(store, "M1", "ben")
    assert model_for(store, "anna", "de") == "M1"  # not blind: the project's newest serves everyone
    _ready_model(store, "M2", "anna")
    assert model_for(store, "anna", "de") == "M2"
    assert model_for(store, "ben", "de") == "M1"  # his own, though anna's is newer
    assert model_for(store, "carla", "de") == "M2"  # no own model: the newest
    set_blind_coding(store, True, actor="t")
    assert model_for(store, "carla", "de") is None
    assert model_for(store, "ben", "de") == "M1"
    assert model_for(store, "anna", "en") is None  # no model for English


def test_in_view_keeps_suggestions_of_shown_turns_and_codes() -> None:
    items = [
        Suggestion(0, 10, "A/B", 0.5, "rule", (), "sentence"),
        Suggestion(12, 20, "A", 0.5, "rule", (), "sentence"),
        Suggestion(12, 20, "AB", 0.5, "rule", (), "sentence"),
        Suggestion(30, 40, "C", 0.5, "rule", (), "turn"),
    ]
    assert in_view(items, [(0, 25)]) == items[:3]
    assert in_view(items, [(30, 40), (0, 25)], ["A"]) == items[:2]
    assert in_view(items, [(0, 40)], ["C", "A/B"]) == [items[0], items[3]]
    assert in_view(items, []) == []
