"""The Memos page and the code memo panel on Codebuch through AppTest."""

from __future__ import annotations

from pathlib import Path

from _factories import ROOT, run_page, two_coder_project
from streamlit.testing.v1 import AppTest

from toolkit.memos import code_memo, set_code_memo, set_document_memo
from toolkit.qca.summaries import set_summary
from toolkit.store import Store

PAGE = str(ROOT / "app_pages" / "memos.py")


def project(tmp_path: Path) -> Store:
    store = two_coder_project(tmp_path)
    set_document_memo(store, "t", "anna", "Gespräch war kurz.")
    set_code_memo(store, "Mensch", "Menschen, nicht Rollen.", coder="ben")
    set_summary(store, "t", "Information", "Lücken bei beiden.", coder="anna")
    return store


def test_every_memo_is_listed_and_filters_narrow_it(tmp_path: Path) -> None:
    at: AppTest = run_page(PAGE, project(tmp_path), app_coder="anna")
    assert not at.exception, at.exception
    assert at.title[0].value == "Memos"
    texts = [m.value for m in at.markdown]
    assert {"Gespräch war kurz\\.", "Menschen, nicht Rollen\\.", "Lücken bei beiden\\."} <= set(texts)
    at.selectbox(key="memos_author").select("ben").run()
    assert "1 von 3 Memos" in [c.value for c in at.caption]
    at.selectbox(key="memos_author").select("").run()
    at.text_input(key="memos_search").input("kurz").run()
    assert "1 von 3 Memos" in [c.value for c in at.caption]


def test_writing_a_code_memo_on_the_memo_page(tmp_path: Path) -> None:
    store = project(tmp_path)
    at: AppTest = run_page(PAGE, store, app_coder="anna", memos_cm_code="Information")
    at.text_area[0].input("Nur Informationsflüsse.")
    at.button[0].click().run()  # the panel's form button
    assert not at.exception, at.exception
    assert at.success[0].value == "Memo gespeichert."
    assert code_memo(store, "Information", "anna") == "Nur Informationsflüsse."


def test_codebook_page_has_the_code_memo_panel(tmp_path: Path) -> None:
    store = project(tmp_path)
    at: AppTest = run_page(
        str(ROOT / "app_pages" / "codebook.py"), store, app_coder="ben", codebook_memo_code="Mensch"
    )
    assert not at.exception, at.exception
    assert [t.value for t in at.text_area if t.label == "Ihr Memo zu Mensch"] == ["Menschen, nicht Rollen."]
