"""The Zusammenfassungen page through AppTest: segments beside the summary, saving, the mark of
changed segments, navigation over documents, undo and the table export."""

from __future__ import annotations

from pathlib import Path

from _factories import ROOT, TWO_CODERS, add_text, run_page, two_coder_project
from streamlit.testing.v1 import AppTest

from toolkit.codings import add_coding, list_codings
from toolkit.qca.summaries import get_summary, set_summary
from toolkit.store import Store

PAGE = str(ROOT / "app_pages" / "summaries.py")


def project(tmp_path: Path) -> Store:
    store = two_coder_project(tmp_path, TWO_CODERS)
    second = add_text(store, "I: Zweites Interview.\n\nB: Ganz ohne Lücken.\n", "zwei.txt")
    add_coding(store, second, 26, 44, "Information/Herausforderungen/Lücken", coder="anna")
    return store


def opened(store: Store, code: str = "Information") -> AppTest:
    at: AppTest = run_page(PAGE, store, app_coder="anna", summaries_code=code)
    assert not at.exception, at.exception
    return at


def test_segments_show_beside_an_empty_summary_and_saving_stores_it(tmp_path: Path) -> None:
    store = project(tmp_path)
    at = opened(store)
    assert at.selectbox(key="summaries_doc").value == "t"
    assert at.subheader[0].value == "Codierte Segmente (5)"
    assert r"Eins zwei drei\." in [m.value for m in at.markdown]  # escaped: shown literally
    at.text_area[0].input("Informationslücken bei allen.")
    at.button[2].click().run()  # the form's Speichern (after Vorheriges, Nächstes)
    assert not at.exception, at.exception
    assert at.success[0].value == "Zusammenfassung gespeichert."
    assert get_summary(store, "t", "Information", "anna").text == "Informationslücken bei allen."  # type: ignore[union-attr]
    assert "1 von 2 Dokumenten" in at.caption[1].value


def test_next_goes_to_the_following_document_and_changed_segments_are_marked(tmp_path: Path) -> None:
    store = project(tmp_path)
    set_summary(store, "zwei", "Information", "Alt.", coder="anna")
    coding = list_codings(store, document="zwei")[0]
    from toolkit.codings import delete_coding

    delete_coding(store, coding.guid, actor="anna")
    at = opened(store)
    at.button(key="summaries_next").click().run()
    assert at.selectbox(key="summaries_doc").value == "zwei"
    assert "Dokument 2 von 2 · ⚠ Segmente geändert" in at.caption[2].value
    assert at.warning and "Segmente haben sich geändert" in at.warning[0].value
    assert at.text_area[0].value == "Alt."


def test_undo_takes_back_the_newest_summary(tmp_path: Path) -> None:
    store = project(tmp_path)
    set_summary(store, "t", "Information", "eins", coder="anna")
    set_summary(store, "t", "Information", "zwei", coder="anna")
    at = opened(store)
    at.button(key="summaries_undo").click().run()
    assert at.success[0].value == "Letzte Änderung zurückgenommen."
    assert at.text_area[0].value == "eins"


def test_the_page_speaks_english_in_an_english_tab(tmp_path: Path) -> None:
    at: AppTest = run_page(PAGE, project(tmp_path), app_coder="anna", ui_language="en")
    assert not at.exception, at.exception
    assert at.title[0].value == "Summaries"
    assert at.subheader[0].value.startswith("Coded segments")


def test_export_offers_a_download(tmp_path: Path) -> None:
    store = project(tmp_path)
    set_summary(store, "t", "Information", "eins", coder="anna")
    at = opened(store)
    at.button[-1].click().run()  # the export form's button
    assert not at.exception, at.exception
    assert at.session_state["summaries_export"][0] == "docx"
    assert at.session_state["summaries_export"][1][:2] == b"PK"


def test_compare_section_shows_groups_side_by_side(tmp_path: Path) -> None:
    from toolkit.documents import set_attributes

    store = project(tmp_path)
    set_attributes(store, "t", {"municipality_type": "Die Optimierer"}, actor="t")
    set_attributes(store, "zwei", {"municipality_type": "Die Bedächtigen"}, actor="t")
    at = opened(store)
    at.toggle(key="compare_on").set_value(True).run()
    assert at.selectbox(key="compare_by").value == "attribute:municipality_type"
    counts = at.dataframe[0].value
    assert list(counts["Gruppe"]) == ["Die Bedächtigen", "Die Optimierer"]
    assert list(counts["Segmente"]) == [1, 5]
    assert "**Die Bedächtigen**" in [m.value for m in at.markdown]
    at.button(key="compare_make").click().run()
    assert at.session_state["compare_docx"][2][:2] == b"PK"
    assert at.get("download_button")  # offered for this code and variable


def test_compare_section_groups_by_document_sets(tmp_path: Path) -> None:
    from toolkit.document_sets import create_set

    store = project(tmp_path)
    create_set(store, "Großstädte", ["t"], actor="anna")
    at = opened(store)
    at.toggle(key="compare_on").set_value(True).run()
    at.selectbox(key="compare_by").set_value("set").run()
    assert not at.exception, at.exception
    counts = at.dataframe[0].value
    assert list(counts["Gruppe"]) == ["Großstädte", "(in keiner Dokumentgruppe)"]
    assert list(counts["Segmente"]) == [5, 1]
