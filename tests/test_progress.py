"""Done marks ("fertig kodiert"): a coder's document counts as coded without a coding."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import add_text, events_of, store_with_codebook

from toolkit.accounts import add_user, set_team_mode
from toolkit.codings import add_coding
from toolkit.errors import NotFound, PermissionDenied
from toolkit.progress import coded_by, done_marks, set_done
from toolkit.store import Store


@pytest.fixture()
def project(tmp_path: Path) -> Store:
    store = store_with_codebook(tmp_path)
    add_text(store, "I: Eins zwei drei.\n", "a.txt")
    add_text(store, "I: Vier fünf sechs.\n", "b.txt")
    return store


def test_mark_and_unmark_with_events(project: Store) -> None:
    assert set_done(project, "a", "anna", actor="anna") is True
    assert set_done(project, "a", "anna", actor="anna") is False  # already marked: no second event
    assert done_marks(project) == {"a": ("anna",)}
    assert set_done(project, "a", "anna", actor="anna", done=False) is True
    assert done_marks(project) == {}
    marks = events_of(project, "mark", "done_mark")
    assert len(marks) == 1 and marks[0]["payload"] == {"document": "a", "coder": "anna"}
    assert len(events_of(project, "unmark", "done_mark")) == 1


def test_coded_by_joins_codings_and_marks(project: Store) -> None:
    add_coding(project, "a", 3, 7, "Mensch/Treiber/Offenheit", coder="anna")
    set_done(project, "b", "ben", actor="ben")
    set_done(project, "a", "ben", actor="ben")
    assert coded_by(project, ["anna", "ben"]) == {"a": {"anna", "ben"}, "b": {"ben"}}
    assert coded_by(project, ["anna"]) == {"a": {"anna"}}


def test_unknown_document_is_refused(project: Store) -> None:
    with pytest.raises(NotFound, match="no document 'zzz'"):
        set_done(project, "zzz", "anna", actor="anna")
    assert done_marks(project) == {}


def test_in_team_mode_a_coder_marks_only_their_own(project: Store) -> None:
    add_user(project, "lea", role="lead", actor="lea", password="ein langes Passwort")
    add_user(project, "anna", role="coder", actor="lea", password="ein langes Passwort")
    add_user(project, "ben", role="coder", actor="lea", password="ein langes Passwort")
    set_team_mode(project, True, actor="lea")
    with pytest.raises(PermissionDenied, match="only their own"):
        set_done(project, "a", "ben", actor="anna")
    assert set_done(project, "a", "anna", actor="anna")
