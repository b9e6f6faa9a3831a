"""The Dokumente page's recordings panel and the Pseudonyme page's note (AppTest)."""

from __future__ import annotations

from pathlib import Path

from _factories import ROOT, add_text, run_page, store_with_codebook, two_coder_project
from _media import TIMED, write_wav

from toolkit.media import attach_media, document_media


def test_detach_and_undo_on_the_documents_page(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    doc = add_text(store, TIMED, "gespraech.txt")
    attach_media(store, doc, write_wav(tmp_path / "a.wav", 1.0), actor="t")
    at = run_page(ROOT / "app_pages" / "documents.py", store, app_coder="t")
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert any("a.wav (WAV, 16 kB)" in c for c in captions), captions
    at.button(key="documents_media_detach").click().run()
    assert document_media(store, doc) is None
    assert any("gelöst" in s.value for s in at.success)
    at.button(key="documents_media_undo").click().run()
    assert document_media(store, doc) is not None
    assert any("Rückgängig" in s.value for s in at.success)


def test_the_pseudonyms_page_says_recordings_are_not_pseudonymised(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    doc = add_text(store, TIMED, "gespraech.txt")
    at = run_page(ROOT / "app_pages" / "pseudonyms.py", store, app_coder="t")
    assert not any("nicht** pseudonymisiert" in w.value for w in at.warning)
    attach_media(store, doc, write_wav(tmp_path / "a.wav", 1.0), actor="t")
    at = run_page(ROOT / "app_pages" / "pseudonyms.py", store, app_coder="t")
    assert any("nicht** pseudonymisiert" in w.value and "`p.media`" in w.value for w in at.warning)


def test_konsens_cards_of_a_recorded_document_have_a_play_button(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    at = run_page(ROOT / "app_pages" / "consensus.py", store, app_coder="anna")
    assert not [b for b in at.button if b.label == "▶ Abspielen"]
    attach_media(store, "t", write_wav(tmp_path / "a.wav", 1.0), actor="t")
    at = run_page(ROOT / "app_pages" / "consensus.py", store, app_coder="anna")
    assert [b for b in at.button if b.label == "▶ Abspielen"]


def test_search_offers_to_play_hits_of_recorded_documents(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    doc = add_text(store, TIMED, "gespraech.txt")

    at = run_page(ROOT / "app_pages" / "search.py", store, app_coder="t")
    at.text_input(key="search_query").input("Scanner")
    at = next(b for b in at.button if b.label == "Suchen").click().run()
    assert not [t for t in at.toggle if "abspielen" in t.label]
    attach_media(store, doc, write_wav(tmp_path / "a.wav", 1.0), actor="t")
    at = at.run()
    assert [t for t in at.toggle if "abspielen" in t.label]
