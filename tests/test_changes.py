"""Recent changes of codings with the place each concerns (for history lists with links)."""

from __future__ import annotations

from pathlib import Path

from tests._factories import INTERVIEW, LUECKEN, TRANSPARENZ, add_text, store_with_codebook
from toolkit import history
from toolkit.changes import coding_changes
from toolkit.codings import add_coding, coding_version, delete_coding, update_coding


def test_changes_name_the_place_now_or_the_place_a_deleted_coding_had(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    doc = add_text(store, INTERVIEW, "interview.txt")
    first = add_coding(store, doc, 3, 10, LUECKEN, coder="anna")
    update_coding(
        store, first.guid, actor="anna", expected_version=coding_version(store, first.guid), start=5
    )
    gone = add_coding(store, doc, 20, 30, TRANSPARENZ, coder="ben")
    delete_coding(store, gone.guid, actor="ben")
    history.undo(store, "anna")  # back to 3-10
    changes = coding_changes(store)
    assert [(c.action, c.actor) for c in changes] == [
        ("undo", "anna"),
        ("delete", "ben"),
        ("add", "ben"),
        ("update", "anna"),
        ("add", "anna"),
    ]
    undo, deleted, added, updated, created = changes
    for c in (undo, updated, created):  # the coding as it is now
        assert (c.document, c.start, c.end, c.code, c.coder, c.exists) == (doc, 3, 10, LUECKEN, "anna", True)
    for c in (deleted, added):  # deleted since: where it was
        assert (c.document, c.start, c.end, c.code, c.coder, c.exists) == (
            doc,
            20,
            30,
            TRANSPARENZ,
            "ben",
            False,
        )
    assert len(coding_changes(store, limit=2)) == 2
    assert coding_changes(store, document=doc)[0].action == "undo"
