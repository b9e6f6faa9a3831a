"""The Pseudonyme page through Streamlit's AppTest: leads only, candidates, table, apply."""

from __future__ import annotations

from pathlib import Path

from _factories import ROOT, add_text, run_page, store_with_codebook
from streamlit.testing.v1 import AppTest

from toolkit import pseudonyms as ps
from toolkit.documents import document_text
from toolkit.store import Store

PAGE = str(ROOT / "app_pages" / "pseudonyms.py")
TEXT = (
    "Frau Berger: Wir haben in Musterstadt die E-Akte eingeführt.\n\n"
    "I: Und Herr Yilmaz?\n\n"
    "Frau Berger: Der kommt aus Musterstadt.\n"
)


def _project(tmp_path: Path) -> tuple[Store, str]:
    store = store_with_codebook(tmp_path)
    return store, add_text(store, TEXT, "berger.txt")


def page(store: Store, **state: object) -> AppTest:
    at: AppTest = run_page(PAGE, store, **state)
    assert not at.exception, at.exception
    return at


def test_coders_in_team_mode_see_no_table(tmp_path: Path) -> None:
    store, _ = _project(tmp_path)
    ps.add_pseudonym(store, "Berger", actor="lead")
    with store.write("lead") as w:
        w.set_setting("team_mode", "1")
    at = page(store, app_coder="someone")
    assert "nur die Projektleitung" in at.warning[0].value
    assert not at.dataframe and not at.get("arrow_data_frame")


def test_propose_accept_and_apply(tmp_path: Path) -> None:
    store, doc = _project(tmp_path)
    at = page(store, app_coder="lead")
    at.button(key="pseudonyms_propose").click().run()
    assert not at.exception, at.exception
    at.button(key="pseudonyms_accept").click().run()
    assert not at.exception, at.exception
    originals = {p.original for p in ps.mapping(store, "lead")}
    assert {"Berger", "Musterstadt", "Yilmaz"} <= originals
    at.multiselect(key="pseudonyms_apply_docs").set_value([doc]).run()
    preview = next(d.value for d in at.dataframe if "Ersetzungen" in d.value.columns)
    assert list(preview["Ersetzungen"]) == [5]
    at.checkbox(key="pseudonyms_apply_sure").check().run()
    at.button(key="pseudonyms_apply").click().run()
    assert not at.exception, at.exception
    assert "5 Ersetzungen in 1 Dokumenten" in at.success[0].value
    text = document_text(store, doc)
    assert "Berger" not in text and "Musterstadt" not in text and "Yilmaz" not in text


def test_add_by_hand_and_remove(tmp_path: Path) -> None:
    store, _ = _project(tmp_path)
    at = page(store, app_coder="lead")
    at.text_input(key="pseudonyms_new_original").input("Musterstadt")
    at.selectbox(key="pseudonyms_new_kind").set_value("Ort")
    at.button(key="pseudonyms_new_add").click().run()
    assert not at.exception, at.exception
    assert [(p.original, p.placeholder) for p in ps.mapping(store, "lead")] == [("Musterstadt", "[Ort A]")]
    at.selectbox(key="pseudonyms_remove").set_value("Musterstadt").run()
    at.button(key="pseudonyms_remove_go").click().run()
    assert ps.mapping(store, "lead") == []


def test_a_proposal_from_a_code_memo_says_so_where_the_documents_stand(tmp_path: Path) -> None:
    from toolkit.memos import set_code_memo

    store, doc = _project(tmp_path)
    set_code_memo(
        store, "Information/Herausforderungen/Lücken", "Laut Frau Kellermann gilt das.", coder="lead"
    )
    at = page(store, app_coder="lead")
    at.button(key="pseudonyms_propose").click().run()
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if "Gefunden in" in d.value.columns)
    found = dict(zip(table["Original"], table["Gefunden in"], strict=True))
    assert found["Kellermann"] == "Code-Memo: Information › Herausforderungen › Lücken"
    assert found["Berger"] == doc
