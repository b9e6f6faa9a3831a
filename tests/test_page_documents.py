"""The Dokumente page's table: a document without case attributes shows dashes, never "None"."""

from __future__ import annotations

from pathlib import Path

from _factories import INTERVIEW, ROOT, add_text, run_page, store_with_codebook

from toolkit.documents import set_attributes


def test_missing_values_show_as_a_dash(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    add_text(store, INTERVIEW, "a.txt")
    second = add_text(store, INTERVIEW.replace("langsam", "schnell"), "b.txt")
    set_attributes(store, second, {"municipality_type": "Die Optimierer"}, actor="t")
    at = run_page(ROOT / "app_pages" / "documents.py", store)
    assert not at.exception
    table = at.dataframe[0].value
    cells = [str(v) for v in table.to_numpy().ravel()]
    assert "None" not in cells and "nan" not in cells
    assert "–" in cells  # a.txt has no municipality type
