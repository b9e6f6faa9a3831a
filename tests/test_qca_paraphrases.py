"""Paraphrases and their groups (Mayring): writing, listing, permissions, the event log, undo and
redo, pseudonymisation and backups. Category building is in test_qca_categories.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import AGREEMENT_TEXT, events_of, two_coder_project

from toolkit.accounts import add_user, set_team_mode
from toolkit.errors import Conflict, InvalidValue, NotFound, PermissionDenied
from toolkit.qca.paraphrases import (
    add_paraphrase,
    delete_group,
    delete_paraphrase,
    get_paraphrase,
    group_paraphrases,
    list_groups,
    list_paraphrases,
    paraphrase_at,
    redo_paraphrase,
    rename_group,
    undo_paraphrase,
    update_paraphrase,
)
from toolkit.store import Store, open_store

PASSWORD = "geheim-genug-1"


def texts(store: Store, viewer: str = "anna", **kw: str) -> list[str]:
    return [p.text for p in list_paraphrases(store, viewer=viewer, **kw)]


def test_write_edit_delete_each_logged_with_the_segment(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    p = add_paraphrase(store, "t", 23, 39, "  Zählt bis sechs. ", coder="anna")
    shown = (p.document, p.start, p.end, p.text, p.coder, p.group)
    assert shown == ("t", 23, 39, "Zählt bis sechs.", "anna", "")
    assert p.segment == AGREEMENT_TEXT[23:39]
    assert paraphrase_at(store, "t", 23, 39, "anna") == p
    assert paraphrase_at(store, "t", 23, 39, "ben") is None
    update_paraphrase(store, p.id, "Zählt weiter.", actor="anna")
    assert get_paraphrase(store, p.guid).text == "Zählt weiter."
    delete_paraphrase(store, str(p.id), actor="anna")
    assert texts(store) == []
    assert [len(events_of(store, a, "paraphrase")) for a in ("add", "update", "delete")] == [1, 1, 1]
    update = events_of(store, "update", "paraphrase")[0]["payload"]
    assert (update["before"], update["after"]) == ("Zählt bis sechs.", "Zählt weiter.")


def test_bad_input_names_the_fix_and_changes_nothing(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    with pytest.raises(InvalidValue, match="empty"):
        add_paraphrase(store, "t", 3, 18, "   ", coder="anna")
    with pytest.raises(InvalidValue, match="0-999"):
        add_paraphrase(store, "t", 0, 999, "x", coder="anna")
    with pytest.raises(NotFound, match="no document 'nope'"):
        add_paraphrase(store, "nope", 0, 2, "x", coder="anna")
    with pytest.raises(InvalidValue, match="shorten"):
        add_paraphrase(store, "t", 3, 18, "x" * 5001, coder="anna")
    add_paraphrase(store, "t", 3, 18, "eins", coder="anna")
    with pytest.raises(Conflict, match="edit that one"):
        add_paraphrase(store, "t", 3, 18, "zwei", coder="anna")
    with pytest.raises(NotFound, match="paraphrase list"):
        get_paraphrase(store, 999)
    assert texts(store) == ["eins"]


def test_list_per_document_in_span_order(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    from _factories import add_text

    add_text(store, "I: Noch ein Text mit Inhalt.\n", "u.txt")
    add_paraphrase(store, "t", 40, 57, "drei", coder="anna")
    add_paraphrase(store, "t", 3, 18, "eins", coder="anna")
    add_paraphrase(store, "u", 3, 10, "anderes Dokument", coder="ben")
    assert texts(store) == ["eins", "drei", "anderes Dokument"]
    assert texts(store, document="t") == ["eins", "drei"]
    assert texts(store, coder="ben") == ["anderes Dokument"]


def test_groups_gather_paraphrases_and_ungroup(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    a = add_paraphrase(store, "t", 3, 18, "eins", coder="anna")
    b = add_paraphrase(store, "t", 40, 57, "drei", coder="anna")
    g = group_paraphrases(store, [a.id, str(b.id)], " Zählen  lernen ", actor="anna")
    assert g is not None and (g.name, g.coder, g.paraphrases) == ("Zählen lernen", "anna", (a.id, b.id))
    assert get_paraphrase(store, a.id).group == "Zählen lernen"
    assert texts(store, group="Zählen lernen") == ["eins", "drei"]
    group_paraphrases(store, [b.id], None, actor="anna")
    assert list_groups(store, viewer="anna")[0].paraphrases == (a.id,)
    with pytest.raises(InvalidValue, match="without '/'"):
        group_paraphrases(store, [a.id], "a/b", actor="anna")
    c = add_paraphrase(store, "t", 3, 18, "bens", coder="ben")
    with pytest.raises(Conflict, match="several coders"):
        group_paraphrases(store, [a.id, c.id], "Gemischt", actor="anna")
    assert len(events_of(store, "group", "paraphrase_group")) == 2


def test_undo_and_redo_walk_back_over_paraphrases_and_groups(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    a = add_paraphrase(store, "t", 3, 18, "eins", coder="anna")
    update_paraphrase(store, a.id, "eins!", actor="anna")
    group_paraphrases(store, [a.id], "G", actor="anna")
    delete_paraphrase(store, a.id, actor="anna")
    assert undo_paraphrase(store, "anna")["action"] == "delete"  # type: ignore[index]
    back = get_paraphrase(store, a.guid)
    assert (back.id, back.text, back.group) == (a.id, "eins!", "G")  # same number, same group
    assert undo_paraphrase(store, "anna")["action"] == "group"  # type: ignore[index]
    assert get_paraphrase(store, a.id).group == "" and list_groups(store, viewer="anna") == []
    assert undo_paraphrase(store, "anna")["action"] == "update"  # type: ignore[index]
    assert get_paraphrase(store, a.id).text == "eins"
    assert undo_paraphrase(store, "anna")["action"] == "add"  # type: ignore[index]
    assert texts(store) == []
    assert undo_paraphrase(store, "anna") is None
    assert undo_paraphrase(store, "ben") is None  # ben's stack is his own
    redo_paraphrase(store, "anna")
    redo_paraphrase(store, "anna")
    redo_paraphrase(store, "anna")
    assert get_paraphrase(store, a.guid).group == "G"
    assert len(events_of(store, "undo", "paraphrase")) == 3  # each undo is itself an event


def test_team_mode_own_work_only_and_the_lead_sees_all(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    for name, role in (("lena", "lead"), ("anna", "coder"), ("ben", "coder")):
        add_user(store, name, role=role, actor="setup", password=PASSWORD)
    set_team_mode(store, True, actor="lena")
    a = add_paraphrase(store, "t", 3, 18, "von anna", coder="anna")
    b = add_paraphrase(store, "t", 3, 18, "von ben", coder="ben")
    with pytest.raises(PermissionDenied):
        add_paraphrase(store, "t", 40, 57, "fremd", coder="ben", actor="anna")
    with pytest.raises(PermissionDenied):
        update_paraphrase(store, b.id, "geändert", actor="anna")
    with pytest.raises(PermissionDenied):
        delete_paraphrase(store, b.id, actor="anna")
    with pytest.raises(PermissionDenied):
        group_paraphrases(store, [b.id], "G", actor="anna")
    with pytest.raises(PermissionDenied):
        list_paraphrases(store, viewer="anna", coder="ben")
    assert texts(store, "anna") == ["von anna"]  # a coder sees only their own
    assert texts(store, "lena") == ["von anna", "von ben"]  # the lead sees everyone's
    update_paraphrase(store, b.id, "von der Leitung", actor="lena")
    assert get_paraphrase(store, b.id).text == "von der Leitung"
    assert undo_paraphrase(store, "anna")["action"] == "add"  # type: ignore[index]
    assert texts(store, "lena") == ["von der Leitung"] and a.coder == "anna"


def test_pseudonymisation_finds_and_replaces_names_in_paraphrases(tmp_path: Path) -> None:
    from toolkit.pseudonyms import add_pseudonym, apply, propose

    store = two_coder_project(tmp_path)
    p = add_paraphrase(store, "t", 23, 39, "Frau Annegret Sommerfeld zählt bis sechs.", coder="anna")
    assert "Annegret Sommerfeld" in {c.original for c in propose(store)}
    add_pseudonym(store, "Annegret Sommerfeld", "Person A", actor="anna")
    apply(store, ["t"], actor="anna")
    assert get_paraphrase(store, p.id).text == "Frau Person A zählt bis sechs."
    assert events_of(store, "pseudonymise", "paraphrase")
    with pytest.raises(Conflict, match="pseudonymised since"):
        undo_paraphrase(store, "anna")  # would bring the name back
    assert get_paraphrase(store, p.id).text == "Frau Person A zählt bis sechs."


def test_pseudonymisation_moves_a_paraphrase_with_its_segment(tmp_path: Path) -> None:
    from _factories import add_text

    from toolkit.pseudonyms import add_pseudonym, apply

    store = two_coder_project(tmp_path)
    text = "I: Gestern kam Herr Wendelin Quast vorbei.\n\nB: Danach lief es besser.\n"
    add_text(store, text, "q.txt")
    start = text.index("Danach")
    p = add_paraphrase(store, "q", start, start + 6, "Es wurde besser.", coder="anna")
    add_pseudonym(store, "Wendelin Quast", "Person B", actor="anna")
    apply(store, ["q"], actor="anna")
    moved = get_paraphrase(store, p.id)
    assert moved.segment == "Danach" and moved.start < start


def test_a_backup_keeps_paraphrases_and_groups(tmp_path: Path) -> None:
    from toolkit.backup import backup, restore

    store = two_coder_project(tmp_path)
    a = add_paraphrase(store, "t", 3, 18, "gesichert", coder="anna")
    group_paraphrases(store, [a.id], "G", actor="anna")
    backup(store, tmp_path / "b.db")
    delete_paraphrase(store, a.id, actor="anna")
    store.close()
    restore(tmp_path / "b.db", tmp_path / "p.db", actor="anna")
    reopened = open_store(tmp_path / "p.db")
    assert [(p.text, p.group) for p in list_paraphrases(reopened, viewer="anna")] == [("gesichert", "G")]


def test_pseudonymisation_covers_code_memos_and_group_names(tmp_path: Path) -> None:
    from toolkit.memos import code_memo, set_code_memo
    from toolkit.pseudonyms import add_pseudonym, apply, propose

    store = two_coder_project(tmp_path)
    memo = "Laut Frau Roswitha Kellermann gilt das auch für Flyer."
    set_code_memo(store, "Information", memo, coder="anna")
    a = add_paraphrase(store, "t", 3, 18, "eins", coder="anna")
    group_paraphrases(store, [a.id], "Wie bei Kellermann", actor="anna")
    assert "Roswitha Kellermann" in {c.original for c in propose(store)}  # a code memo is on no document
    add_pseudonym(store, "Roswitha Kellermann", "Person C", actor="anna")
    add_pseudonym(store, "Kellermann", "Person D", actor="anna")
    apply(store, ["t"], actor="anna")
    assert code_memo(store, "Information", "anna") == "Laut Frau Person C gilt das auch für Flyer."
    assert list_groups(store, viewer="anna")[0].name == "Wie bei Person D"
    assert events_of(store, "pseudonymise", "code_memo")
    assert events_of(store, "pseudonymise", "paraphrase_group")


def test_undo_of_a_code_memo_or_summary_older_than_a_pseudonymisation_is_refused(tmp_path: Path) -> None:
    from toolkit.memos import code_memo, set_code_memo, undo_code_memo
    from toolkit.pseudonyms import add_pseudonym, apply
    from toolkit.qca.summaries import get_summary, set_summary, undo_summary

    store = two_coder_project(tmp_path)
    set_code_memo(store, "Information", "Frau Roswitha Kellermann meint das.", coder="anna")
    set_code_memo(store, "Information", "Neutral formuliert.", coder="anna")
    set_summary(store, "t", "Information", "Laut Roswitha Kellermann zählt man.", coder="anna")
    set_summary(store, "t", "Information", "Man zählt.", coder="anna")
    add_pseudonym(store, "Roswitha Kellermann", "Person C", actor="anna")
    apply(store, ["t"], actor="anna")
    with pytest.raises(Conflict, match="pseudonymised since"):
        undo_code_memo(store, "anna")  # the text before held the name
    with pytest.raises(Conflict, match="pseudonymised since"):
        undo_summary(store, "anna")
    assert code_memo(store, "Information", "anna") == "Neutral formuliert."
    assert get_summary(store, "t", "Information", "anna").text == "Man zählt."  # type: ignore[union-attr]


def grouped(tmp_path: Path) -> tuple[Store, int, int]:
    store = two_coder_project(tmp_path)
    a = add_paraphrase(store, "t", 3, 18, "eins", coder="anna")
    b = add_paraphrase(store, "t", 40, 57, "drei", coder="anna")
    group_paraphrases(store, [a.id, b.id], "Zählen", actor="anna")
    group_paraphrases(store, [b.id], "Rechnen", actor="anna")
    return store, a.id, b.id


def shape(store: Store, viewer: str = "anna") -> list[tuple[str, tuple[int, ...]]]:
    return [(g.name, g.paraphrases) for g in list_groups(store, viewer=viewer)]


def test_a_group_is_renamed_and_deleted_keeping_its_paraphrases_each_undoable(tmp_path: Path) -> None:
    store, a, b = grouped(tmp_path)
    renamed = rename_group(store, "Zählen", "  Zählen   lernen ", actor="anna")
    assert (renamed.name, renamed.paraphrases) == ("Zählen lernen", (a,))
    assert get_paraphrase(store, a).group == "Zählen lernen"
    gone = delete_group(store, "Rechnen", actor="anna")
    assert gone.paraphrases == (b,)
    assert shape(store) == [("Zählen lernen", (a,))]
    assert texts(store) == ["eins", "drei"] and get_paraphrase(store, b).group == ""  # kept, ungrouped
    assert [len(events_of(store, x, "paraphrase_group")) for x in ("rename", "delete")] == [1, 1]
    assert undo_paraphrase(store, "anna")["action"] == "delete"  # type: ignore[index]
    assert shape(store) == [("Rechnen", (b,)), ("Zählen lernen", (a,))]
    assert undo_paraphrase(store, "anna")["action"] == "rename"  # type: ignore[index]
    assert shape(store) == [("Rechnen", (b,)), ("Zählen", (a,))]
    redo_paraphrase(store, "anna")
    redo_paraphrase(store, "anna")
    assert shape(store) == [("Zählen lernen", (a,))] and get_paraphrase(store, b).group == ""


def test_bad_renames_and_deletes_change_nothing(tmp_path: Path) -> None:
    store, _a, _b = grouped(tmp_path)
    before = (shape(store), store.one("SELECT count(*) AS n FROM events")["n"])  # type: ignore[index]
    with pytest.raises(NotFound, match="no paraphrase group 'Lesen'; groups are: Rechnen, Zählen"):
        rename_group(store, "Lesen", "Schreiben", actor="anna")
    with pytest.raises(NotFound, match="no paraphrase group 'Lesen'"):
        delete_group(store, "Lesen", actor="anna")
    with pytest.raises(InvalidValue, match="give 1 to 100 characters"):
        rename_group(store, "Zählen", "   ", actor="anna")
    with pytest.raises(Conflict, match="anna has a group 'Rechnen' already; choose another name"):
        rename_group(store, "Zählen", " Rechnen", actor="anna")
    with pytest.raises(NotFound, match="no paraphrase group 'Zählen'"):  # ben has no such group
        delete_group(store, "Zählen", actor="ben")
    assert rename_group(store, "Zählen", "Zählen", actor="anna").name == "Zählen"  # nothing to do
    after = (shape(store), store.one("SELECT count(*) AS n FROM events")["n"])  # type: ignore[index]
    assert after == before


def test_renaming_and_deleting_groups_follows_the_rights_of_memos(tmp_path: Path) -> None:
    store, a, _b = grouped(tmp_path)
    for name, role in (("lena", "lead"), ("anna", "coder"), ("ben", "coder")):
        add_user(store, name, role=role, actor="setup", password=PASSWORD)
    set_team_mode(store, True, actor="lena")
    with pytest.raises(PermissionDenied):
        rename_group(store, "Zählen", "Fremd", actor="ben", coder="anna")
    with pytest.raises(PermissionDenied):
        delete_group(store, "Zählen", actor="ben", coder="anna")
    rename_group(store, "Zählen", "Von der Leitung", actor="lena", coder="anna")  # the lead may
    delete_group(store, "Rechnen", actor="lena", coder="anna")
    assert shape(store) == [("Von der Leitung", (a,))]
    assert undo_paraphrase(store, "anna")["action"] == "group"  # type: ignore[index]  # anna's own step


def test_undoing_a_rename_refuses_a_name_taken_since(tmp_path: Path) -> None:
    store, a, b = grouped(tmp_path)
    rename_group(store, "Zählen", "Lernen", actor="anna")
    rename_group(store, "Rechnen", "Zählen", actor="ben", coder="anna")  # another actor, in between
    with pytest.raises(Conflict, match="another group is called 'Zählen' by now"):
        undo_paraphrase(store, "anna")
    assert shape(store) == [("Lernen", (a,)), ("Zählen", (b,))]
