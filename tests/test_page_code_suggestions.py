"""Suggestions on the Kodieren page through AppTest: the side list, accept, reject, accept-all after a
preview, and that merely looking at suggestions writes nothing. The dashed outlines in the text are
checked in a real browser (test_browser_suggestions.py); here the data sent to the component."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _factories import add_text, run_page, store_with_codebook
from streamlit.testing.v1 import AppTest

from app_pages.components.transcript import compact_suggestions
from toolkit.blind import set_blind_coding
from toolkit.codings import add_coding, delete_coding, list_codings
from toolkit.project import ROOT
from toolkit.store import Store
from toolkit.suggest import Suggestion
from toolkit.suggest.feedback import accept
from toolkit.suggest.rejections import rejections

PAGE = str(ROOT / "app_pages" / "code.py")
LUECKEN = "Information/Herausforderungen/Lücken"
# two sentences with a keyword of "Lücken" each (Flurfunk, Bescheid), one with both in one turn
TEXT = (
    "I: Wie erfahren Sie von Neuerungen?\n\n"
    "B: Meist über Flurfunk. Offiziell bekommt man selten Bescheid. Das Wetter war gut.\n\n"
    "I: Und sonst?\n\n"
    "B: Flurfunk, und nie Bescheid.\n"
)


@pytest.fixture()
def project(tmp_path: Path) -> tuple[Store, str]:
    store = store_with_codebook(tmp_path)
    return store, add_text(store, TEXT, "interview.txt", language="de")


def page(store: Store, coder: str = "anna", **state: object) -> AppTest:
    at: AppTest = run_page(PAGE, store, app_coder=coder, **state)
    assert not at.exception, at.exception
    return at


def with_suggestions(store: Store, coder: str = "anna", units: str = "sentence") -> AppTest:
    at = page(store, coder)
    at.toggle(key="code_sug_on").set_value(True).run()
    if units != "sentence":
        at.radio(key="code_sug_units").set_value(units).run()
    assert not at.exception, at.exception
    return at


def buttons(at: AppTest, prefix: str) -> list[Any]:
    return [b for b in at.button if b.key and b.key.startswith(prefix)]


def snapshot(store: Store) -> tuple[list[dict[str, Any]], int]:
    codings = store.query("SELECT * FROM codings ORDER BY id")
    return codings, len(store.query("SELECT id FROM events"))


def test_suggestions_are_off_until_switched_on(project: tuple[Store, str]) -> None:
    store, _ = project
    at = page(store)
    assert buttons(at, "code_sug_acc_") == []
    assert not any(m.value == "##### Vorschläge" for m in at.markdown)


def test_the_list_appears_best_first_and_viewing_writes_nothing(project: tuple[Store, str]) -> None:
    store, _ = project
    before = snapshot(store)
    at = with_suggestions(store)
    assert any(m.value == "##### Vorschläge" for m in at.markdown)
    assert len(buttons(at, "code_sug_acc_")) == len(buttons(at, "code_sug_rej_")) == 3
    assert any("3 offene Vorschläge" in c.value for c in at.caption)
    assert any("Belege: Flurfunk, Bescheid" in c.value for c in at.caption)
    # the sentence with two keywords scores highest and comes first
    assert "0.75" in next(m.value for m in at.markdown if "Lücken" in m.value)
    at.radio(key="code_sug_units").set_value("both").run()
    at.radio(key="code_sug_order").set_value("uncertainty").run()
    at.slider(key="code_sug_threshold").set_value(0.3).run()
    assert not at.exception
    assert snapshot(store) == before


def test_accept_creates_the_coding_with_provenance_and_it_shows(project: tuple[Store, str]) -> None:
    store, doc = project
    at = with_suggestions(store)
    first = buttons(at, "code_sug_acc_")[0]
    first.click().run()
    assert not at.exception
    codings = list_codings(store, document=doc)
    assert [(c.code_path, c.coder, c.text) for c in codings] == [
        (LUECKEN, "anna", "Flurfunk, und nie Bescheid.")
    ]
    assert store.query("SELECT origin FROM codings") == [{"origin": "suggestion:rule"}]
    assert "1 Codierungen sichtbar" in at.caption[0].value
    assert len(buttons(at, "code_sug_acc_")) == 2
    assert first.key not in {b.key for b in buttons(at, "code_sug_acc_")}


def test_reject_removes_it_for_good(project: tuple[Store, str]) -> None:
    store, doc = project
    at = with_suggestions(store)
    gone = buttons(at, "code_sug_rej_")[0]
    gone.click().run()
    assert not at.exception
    assert len(buttons(at, "code_sug_acc_")) == 2
    assert list_codings(store) == []
    assert [(r.code_path, r.coder) for r in rejections(store, document=doc)] == [(LUECKEN, "anna")]
    again = with_suggestions(store)  # a new session: still gone
    assert gone.key not in {b.key for b in buttons(again, "code_sug_rej_")}
    assert len(buttons(again, "code_sug_rej_")) == 2
    # another coder still gets it
    assert len(buttons(with_suggestions(store, "ben"), "code_sug_rej_")) == 3


def test_accept_all_shows_a_preview_and_codes_only_after_confirming(project: tuple[Store, str]) -> None:
    store, doc = project
    at = with_suggestions(store, units="both")
    at.selectbox(key="code_sug_all_code").set_value(LUECKEN)
    at.slider(key="code_sug_threshold").set_value(0.5)
    at.button(key="code_sug_all_preview").click().run()
    assert not at.exception
    # both turns score 0.75 and hold all three sentences: the two turns win, nothing overlaps
    assert any(m.value.startswith("**2** Codierungen") for m in at.markdown)
    assert list_codings(store) == []
    at.button(key="code_sug_all_confirm").click().run()
    assert not at.exception
    coded = list_codings(store, document=doc, coder="anna")
    assert len(coded) == 2
    assert {c.text.split(".")[0] for c in coded} == {"Meist über Flurfunk", "Flurfunk, und nie Bescheid"}
    assert {r["origin"] for r in store.query("SELECT origin FROM codings")} == {"suggestion:rule"}
    assert buttons(at, "code_sug_acc_") == []


def test_accept_all_above_the_threshold_only(project: tuple[Store, str]) -> None:
    store, _ = project
    at = with_suggestions(store)
    at.selectbox(key="code_sug_all_code").set_value(LUECKEN)
    at.slider(key="code_sug_threshold").set_value(0.7)
    at.button(key="code_sug_all_preview").click().run()
    assert any(m.value.startswith("**1** Codierungen") for m in at.markdown)
    at.button(key="code_sug_all_confirm").click().run()
    assert [c.text for c in list_codings(store)] == ["Flurfunk, und nie Bescheid."]


def test_suggestions_are_per_coder_under_blind_coding(project: tuple[Store, str]) -> None:
    store, doc = project
    set_blind_coding(store, True, actor="t")
    s = next(s for s in with_suggestions_data(store, doc) if s.unit == "sentence")
    accept(store, "ben", doc, s)
    at = with_suggestions(store, "anna")
    assert len(buttons(at, "code_sug_acc_")) == 3  # ben's accept neither hides nor shows for anna
    assert "0 Codierungen sichtbar" in at.caption[0].value


def with_suggestions_data(store: Store, doc: str) -> list[Suggestion]:
    from toolkit.suggest import suggest

    return suggest(store, doc)


def test_component_data_groups_suggestions_by_unit() -> None:
    items = [
        Suggestion(3, 10, "A/B", 0.5, "rule", ("x",), "sentence"),
        Suggestion(3, 10, "C", 0.75, "model", ("y", "z"), "sentence"),
        Suggestion(0, 20, "A/B", 0.5, "rule", ("x",), "turn"),
    ]
    data = compact_suggestions(items, (3, 10))
    assert data["sugCodes"] == ["A/B", "C"]
    assert data["sugs"] == [
        [0, 20, [[0, 0.5, "rule", "x"]]],
        [3, 10, [[0, 0.5, "rule", "x"], [1, 0.75, "model", "y, z"]]],
    ]
    assert data["sugFocus"] == [3, 10]
    assert compact_suggestions(items, None)["sugKey"] != data["sugKey"]
    assert compact_suggestions([], None)["sugs"] == []


def test_a_unit_clicked_in_the_text_comes_first_in_the_list(project: tuple[Store, str]) -> None:
    store, doc = project
    last = max(with_suggestions_data(store, doc), key=lambda s: s.start)
    at = page(store, code_sug_focus=(last.start, last.end))
    at.toggle(key="code_sug_on").set_value(True).run()
    titles = [m.value for m in at.markdown if "Lücken" in m.value]
    assert titles[0].startswith("➤ ")
    assert sum(t.startswith("➤ ") for t in titles) == 1
    assert at.text[0].value == TEXT[last.start : last.end]


def test_ten_at_a_time(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    sentences = " ".join(f"Satz {i} kam über Flurfunk." for i in range(23))
    add_text(store, f"I: Und?\n\nB: {sentences}\n", "lang.txt", language="de")
    at = with_suggestions(store)
    assert len(buttons(at, "code_sug_acc_")) == 10
    at.button(key="code_sug_more").click().run()
    assert len(buttons(at, "code_sug_acc_")) == 20
    at.button(key="code_sug_more").click().run()
    assert len(buttons(at, "code_sug_acc_")) == 23
    assert not [b for b in at.button if b.key == "code_sug_more"]


def test_undo_of_an_accept_offers_the_suggestion_again(project: tuple[Store, str]) -> None:
    store, _ = project
    at = with_suggestions(store)
    accepted = buttons(at, "code_sug_acc_")[0].key
    at.button(key=accepted).click().run()
    assert accepted not in {b.key for b in buttons(at, "code_sug_acc_")}
    at.button(key="code_undo").click().run()
    assert not at.exception
    assert list_codings(store) == []
    assert accepted in {b.key for b in buttons(at, "code_sug_acc_")}


def test_model_suggestions_show_their_source_and_keep_the_model_on_accept(
    project: tuple[Store, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = project
    calls: list[dict[str, Any]] = []
    unit = TEXT.index("Das Wetter")

    def fake_suggest(_store: Store, document: str, **kwargs: Any) -> list[Suggestion]:
        calls.append(kwargs)
        end = TEXT.index("\n", unit)
        return [
            Suggestion(unit, end, LUECKEN, 0.62, "model", (), "sentence", model="G9"),
            Suggestion(unit, end, "Mensch/Treiber/Offenheit", 0.4, "model", (), "sentence", model="G9"),
        ]

    monkeypatch.setattr("toolkit.suggest.suggest", fake_suggest)
    at = with_suggestions(store)
    assert calls == [{"use_model": False, "model": None}]  # no trained model: rules only
    assert any(m.value.endswith("· 0.62 · Modell") for m in at.markdown)
    buttons(at, "code_sug_acc_")[0].click().run()
    assert store.query("SELECT origin, text FROM codings") == [
        {"origin": "suggestion:model:G9", "text": "Das Wetter war gut."}
    ]
    buttons(at, "code_sug_rej_")[0].click().run()
    assert store.query("SELECT decision, origin FROM suggestion_feedback ORDER BY id") == [
        {"decision": "accept", "origin": "suggestion:model:G9"},
        {"decision": "reject", "origin": "suggestion:model:G9"},
    ]


def test_speaker_and_code_filters_apply_to_suggestions(project: tuple[Store, str]) -> None:
    store, _ = project
    at = with_suggestions(store)
    at.multiselect(key="code_speakers").set_value(["I"]).run()
    assert buttons(at, "code_sug_acc_") == []
    at.multiselect(key="code_speakers").set_value([]).run()
    at.multiselect(key="code_codes").set_value(["Mensch"]).run()
    assert buttons(at, "code_sug_acc_") == []
    at.multiselect(key="code_codes").set_value(["Information"]).run()
    assert len(buttons(at, "code_sug_acc_")) == 3


def test_a_deleted_coding_brings_its_suggestion_back(project: tuple[Store, str]) -> None:
    store, doc = project
    unit = next(s for s in with_suggestions_data(store, doc) if s.unit == "sentence")
    coding = add_coding(store, doc, unit.start, unit.end, LUECKEN, coder="anna")
    at = with_suggestions(store)
    assert len(buttons(at, "code_sug_acc_")) == 2
    delete_coding(store, coding.guid, actor="anna")
    at.run()
    assert len(buttons(at, "code_sug_acc_")) == 3
