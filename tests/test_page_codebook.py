"""The Codebuch page shows a code's path exactly: no Markdown escape inside the inline code
("Digitale Lots:innen", not "Digitale Lots\\:innen")."""

from __future__ import annotations

from pathlib import Path

from _factories import ROOT, run_page, store_with_codebook

from toolkit.codes_edit import add_code


def test_code_path_is_shown_without_escapes(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    add_code(store, "Mensch/Treiber/Digitale Lots:innen (`IT`)", actor="t", definition="Lotsen")
    at = run_page(ROOT / "app_pages" / "codebook.py", store)
    assert not at.exception
    shown = [m.value for m in at.markdown if "Lots" in m.value]
    assert "``Mensch/Treiber/Digitale Lots:innen (`IT`)``" in shown
    assert not any("\\:" in m for m in shown)
