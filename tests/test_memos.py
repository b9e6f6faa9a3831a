"""Document memos per coder."""

from __future__ import annotations

from pathlib import Path

from _factories import INTERVIEW, add_text, events_of, store_with_codebook

from toolkit.memos import document_memo, set_document_memo


def test_memo_lifecycle_is_per_coder_and_logged(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    add_text(store, INTERVIEW, "interview.txt")
    assert document_memo(store, "interview", "anna") == ""
    set_document_memo(store, "interview", "anna", "Erster Eindruck: <b>skeptisch</b>")
    set_document_memo(store, "interview", "ben", "anders")
    assert document_memo(store, "interview", "anna") == "Erster Eindruck: <b>skeptisch</b>"
    set_document_memo(store, "interview", "anna", "geändert")
    assert document_memo(store, "interview", "anna") == "geändert"
    set_document_memo(store, "interview", "anna", "  ")
    assert document_memo(store, "interview", "anna") == ""
    assert document_memo(store, "interview", "ben") == "anders"
    assert [e["action"] for e in events_of(store, "add", "memo")] == ["add", "add"]
    assert len(events_of(store, "update", "memo")) == 1
    assert len(events_of(store, "delete", "memo")) == 1
