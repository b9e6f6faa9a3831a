"""Thematic summaries per document x code x coder: writing, the grid, changed segments, permissions,
the event log and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import AGREEMENT_TEXT, LUECKEN, OFFENHEIT, add_text, events_of, two_coder_project

from toolkit.accounts import add_user, set_team_mode
from toolkit.codings import add_coding, delete_coding, list_codings
from toolkit.errors import InvalidValue, NotFound, PermissionDenied
from toolkit.qca.summaries import (
    get_summary,
    list_summaries,
    redo_summary,
    set_summary,
    summary_grid,
    undo_summary,
)
from toolkit.store import open_store

PASSWORD = "geheim-genug-1"


def test_write_change_and_delete_a_summary_each_logged(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    s = set_summary(store, "t", "Information", "Lücken im Informationsfluss.", coder="anna")
    assert s is not None and s.text == "Lücken im Informationsfluss." and not s.changed
    set_summary(store, "t", "Information", "Geändert.", coder="anna")
    assert get_summary(store, "t", "Information", "anna").text == "Geändert."  # type: ignore[union-attr]
    assert get_summary(store, "t", "Information", "ben") is None  # per coder
    assert set_summary(store, "t", "Information", "  ", coder="anna") is None
    assert get_summary(store, "t", "Information", "anna") is None
    assert [len(events_of(store, a, "summary")) for a in ("add", "update", "delete")] == [1, 1, 1]
    update = events_of(store, "update", "summary")[0]["payload"]
    assert (update["before"], update["after"], update["coder"]) == (
        "Lücken im Informationsfluss.",
        "Geändert.",
        "anna",
    )


def test_bad_input_names_the_fix_and_changes_nothing(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    with pytest.raises(NotFound, match="no document 'nope'"):
        set_summary(store, "nope", "Information", "x", coder="anna")
    with pytest.raises(NotFound):
        set_summary(store, "t", "Gibt/Es/Nicht", "x", coder="anna")
    with pytest.raises(InvalidValue, match="shorten"):
        set_summary(store, "t", "Information", "x" * 20_001, coder="anna")
    assert list_summaries(store) == []


def test_grid_shows_segments_and_marks_changed_segments(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    add_text(store, "I: Nichts hier.\n", "leer.txt")
    grid = summary_grid(store, "Information", "anna")
    assert [r.document for r in grid] == ["t"]  # only documents with segments of the code
    assert {s.code_path for s in grid[0].segments} == {LUECKEN, "Information/Treiber/Transparenz"}
    assert len(summary_grid(store, "Information", "anna", all_documents=True)) == 2
    set_summary(store, "t", "Information", "Zusammenfassung", coder="anna")
    assert summary_grid(store, "Information", "anna")[0].summary.changed is False  # type: ignore[union-attr]
    coding = next(c for c in list_codings(store, code=LUECKEN, coder="ben"))
    delete_coding(store, coding.guid, actor="ben")
    row = summary_grid(store, "Information", "anna")[0]
    assert row.summary is not None and row.summary.changed  # ben's segment went (single-user: all)
    assert list_summaries(store, code="Information")[0].changed
    set_summary(store, "t", "Information", "Neu geschrieben", coder="anna")
    assert not summary_grid(store, "Information", "anna")[0].summary.changed  # type: ignore[union-attr]
    # a coding of another code does not touch the summary of this one
    add_coding(store, "t", 0, 2, OFFENHEIT, coder="anna")
    assert not list_summaries(store, code="Information")[0].changed


def test_undo_and_redo_restore_the_text_before(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    set_summary(store, "t", "Information", "eins", coder="anna")
    set_summary(store, "t", "Information", "zwei", coder="anna")
    set_summary(store, "t", "Mensch", "drei", coder="ben")
    assert undo_summary(store, "anna") is not None
    assert get_summary(store, "t", "Information", "anna").text == "eins"  # type: ignore[union-attr]
    assert get_summary(store, "t", "Mensch", "ben") is not None  # ben's work untouched
    undo_summary(store, "anna")
    assert get_summary(store, "t", "Information", "anna") is None
    assert undo_summary(store, "anna") is None
    redo_summary(store, "anna")
    redo_summary(store, "anna")
    assert get_summary(store, "t", "Information", "anna").text == "zwei"  # type: ignore[union-attr]
    assert redo_summary(store, "anna") is None
    assert len(events_of(store, "undo", "summary")) == 2


def test_team_mode_coders_write_only_their_own_on_their_own_segments(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    for name, role in (("lena", "lead"), ("anna", "coder"), ("ben", "coder")):
        add_user(store, name, role=role, actor="setup", password=PASSWORD)
    set_team_mode(store, True, actor="lena")
    with pytest.raises(PermissionDenied):
        set_summary(store, "t", "Information", "fremd", coder="ben", actor="anna")
    with pytest.raises(PermissionDenied):
        set_summary(store, "t", "Information", "x", coder="mallory")
    set_summary(store, "t", "Information", "von der Leitung", coder="ben", actor="lena")
    assert get_summary(store, "t", "Information", "ben").text == "von der Leitung"  # type: ignore[union-attr]
    grid = summary_grid(store, "Information", "anna")
    assert {s.coder for s in grid[0].segments} == {"anna"}  # own segments only in team mode


def test_pseudonymisation_finds_and_replaces_names_in_summaries(tmp_path: Path) -> None:
    from toolkit.pseudonyms import add_pseudonym, apply, propose

    store = two_coder_project(tmp_path)
    set_summary(store, "t", "Information", "Frau Annegret Sommerfeld beklagt Lücken.", coder="anna")
    found = {c.original for c in propose(store)}
    assert "Annegret Sommerfeld" in found
    add_pseudonym(store, "Annegret Sommerfeld", "Person A", actor="anna")
    apply(store, ["t"], actor="anna")
    assert get_summary(store, "t", "Information", "anna").text == "Frau Person A beklagt Lücken."  # type: ignore[union-attr]
    assert AGREEMENT_TEXT  # the transcript itself named no one


def test_a_backup_keeps_the_summaries(tmp_path: Path) -> None:
    from toolkit.backup import backup, restore

    store = two_coder_project(tmp_path)
    set_summary(store, "t", "Information", "gesichert", coder="anna")
    backup(store, tmp_path / "b.db")
    set_summary(store, "t", "Information", "", coder="anna")
    store.close()
    restore(tmp_path / "b.db", tmp_path / "p.db", actor="anna")
    reopened = open_store(tmp_path / "p.db")
    assert get_summary(reopened, "t", "Information", "anna").text == "gesichert"  # type: ignore[union-attr]
