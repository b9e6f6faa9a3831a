"""The toggle "fertig kodiert" on the Dokumente page (AppTest)."""

from __future__ import annotations

from pathlib import Path

from _factories import add_text, run_page, store_with_codebook

from toolkit.progress import done_marks
from toolkit.project import ROOT

PAGE = str(ROOT / "app_pages" / "documents.py")


def test_the_coder_of_the_tab_marks_and_unmarks_a_document(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    add_text(store, "I: Eins zwei drei.\n", "a.txt")
    at = run_page(PAGE, store, app_coder="ben")
    assert not at.exception, at.exception
    toggle = at.toggle[0]
    assert toggle.label == "Fertig kodiert von ben" and toggle.value is False
    toggle.set_value(True).run()
    assert done_marks(store) == {"a": ("ben",)}
    assert any("als fertig kodiert markiert" in s.value for s in at.success)
    at.toggle[0].set_value(False).run()
    assert done_marks(store) == {}
    assert any("Markierung entfernt" in s.value for s in at.success)


def test_without_a_coder_the_page_says_to_choose_one(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    add_text(store, "I: Eins zwei drei.\n", "a.txt")
    at = run_page(PAGE, store)
    assert not at.exception and not at.toggle
    assert any("Kodierer:in wählen" in c.value for c in at.caption)
