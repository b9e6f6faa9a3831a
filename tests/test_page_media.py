"""The Dokumente page's recordings panel and the Pseudonyme page's note (AppTest)."""

from __future__ import annotations

from pathlib import Path

from _factories import ROOT, add_text, run_page, store_with_codebook
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
