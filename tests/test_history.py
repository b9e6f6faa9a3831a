"""Undo and redo from the event log, per coder."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import INTERVIEW, add_text, store_with_codebook

from toolkit import history
from toolkit.codings import add_coding, coding_version, delete_coding, list_codings, update_coding
from toolkit.store import Store, events


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = store_with_codebook(tmp_path)
    add_text(s, INTERVIEW, "interview.txt")
    return s


def spans(store: Store) -> list[tuple[str, int, int, str, str]]:
    return [(c.coder, c.start, c.end, c.code_path, c.memo) for c in list_codings(store)]


def test_undo_and_redo_an_added_coding(store: Store) -> None:
    coding = add_coding(store, "interview", 0, 5, "Transparenz", coder="anna")
    assert history.undo_stack(store, "anna")[0].guid == coding.guid
    step = history.undo(store, "anna")
    assert step is not None and step.action == "add"
    assert spans(store) == []
    assert history.redo_stack(store, "anna")[0].guid == coding.guid
    history.redo(store, "anna")
    assert spans(store) == [("anna", 0, 5, "Information/Treiber/Transparenz", "")]
    assert list_codings(store)[0].guid == coding.guid


def test_undo_restores_a_deleted_coding_with_its_memo(store: Store) -> None:
    coding = add_coding(store, "interview", 3, 9, "Lücken", coder="anna", memo="wichtig")
    delete_coding(store, coding.guid, actor="anna")
    history.undo(store, "anna")
    assert spans(store) == [("anna", 3, 9, "Information/Herausforderungen/Lücken", "wichtig")]
    history.undo(store, "anna")  # then the add itself
    assert spans(store) == []


def test_undo_of_an_update_puts_back_span_code_and_memo(store: Store) -> None:
    coding = add_coding(store, "interview", 0, 5, "Transparenz", coder="anna")
    update_coding(
        store, coding.guid, actor="anna", expected_version=1, start=2, end=8, code_path="Lücken", memo="neu"
    )
    history.undo(store, "anna")
    assert spans(store) == [("anna", 0, 5, "Information/Treiber/Transparenz", "")]
    history.redo(store, "anna")
    assert spans(store) == [("anna", 2, 8, "Information/Herausforderungen/Lücken", "neu")]
    assert list_codings(store)[0].text == INTERVIEW[2:8]


def test_each_coder_undoes_only_their_own_changes(store: Store) -> None:
    add_coding(store, "interview", 0, 5, "Transparenz", coder="anna")
    add_coding(store, "interview", 0, 5, "Transparenz", coder="ben")
    history.undo(store, "anna")
    assert [s[0] for s in spans(store)] == ["ben"]
    assert history.undo_stack(store, "anna") == []
    assert history.undo(store, "anna") is None


def test_a_new_change_clears_redo(store: Store) -> None:
    add_coding(store, "interview", 0, 5, "Transparenz", coder="anna")
    history.undo(store, "anna")
    add_coding(store, "interview", 6, 9, "Lücken", coder="anna")
    assert history.redo_stack(store, "anna") == []
    assert history.redo(store, "anna") is None


def test_several_undos_then_redos_in_order(store: Store) -> None:
    for start in (0, 10, 20):
        add_coding(store, "interview", start, start + 4, "Transparenz", coder="anna")
    history.undo(store, "anna")
    history.undo(store, "anna")
    assert [s[1] for s in spans(store)] == [0]
    history.redo(store, "anna")
    assert [s[1] for s in spans(store)] == [0, 10]
    history.redo(store, "anna")
    assert [s[1] for s in spans(store)] == [0, 10, 20]
    assert history.redo(store, "anna") is None


def test_undo_keeps_the_log_complete(store: Store) -> None:
    coding = add_coding(store, "interview", 0, 5, "Transparenz", coder="anna")
    history.undo(store, "anna")
    history.redo(store, "anna")
    actions = [(e["action"], e["guid"]) for e in events(store) if e["entity"] == "coding"]
    assert actions == [("add", coding.guid), ("undo", coding.guid), ("redo", coding.guid)]


def test_undo_after_someone_changed_the_coding_updates_the_version(store: Store) -> None:
    coding = add_coding(store, "interview", 0, 5, "Transparenz", coder="anna")
    update_coding(store, coding.guid, actor="anna", expected_version=1, memo="x")
    history.undo(store, "anna")
    assert coding_version(store, coding.guid) == 3  # every change, undo included, bumps the version


def test_undo_obeys_the_rules_of_every_coding_write(store: Store) -> None:
    """Undo writes through the one write path of codings: restoring a deleted coding that the coder
    has again on the same span (added meanwhile by a lead) is refused as a Conflict naming the place,
    not a database error, and nothing changes."""
    from toolkit.errors import Conflict

    coding = add_coding(store, "interview", 3, 9, "Lücken", coder="anna")
    delete_coding(store, coding.guid, actor="anna")
    add_coding(store, "interview", 3, 9, "Lücken", coder="anna", actor="lena")  # a lead, for anna
    before = spans(store)
    with pytest.raises(Conflict, match="interview 3-9"):
        history.undo(store, "anna")
    assert spans(store) == before
    assert history.undo_stack(store, "anna")[0].action == "delete"  # still there to undo later


def test_the_next_undo_and_redo_of_an_autocoding_is_one_step_of_all_its_codings(store: Store) -> None:
    from toolkit.autocode import apply_autocode, plan_autocode
    from toolkit.search import search

    add_coding(store, "interview", 0, 5, "Transparenz", coder="anna")  # before: stays undoable
    hits = search(store, "die")
    assert len(hits) >= 2
    plan = plan_autocode(store, hits, "Lücken", "anna")
    apply_autocode(store, plan, actor="anna")
    step = history.next_undo(store, "anna")
    assert step is not None and (step.action, step.count) == ("autocode", len(hits))
    assert step.code == "Information/Herausforderungen/Lücken"
    assert history.next_redo(store, "anna") is None
    assert history.undo(store, "anna") == step  # what it announced is what it did
    redo = history.next_redo(store, "anna")
    assert redo is not None and (redo.action, redo.count) == ("autocode", len(hits))
    after = history.next_undo(store, "anna")
    assert after is not None and (after.action, after.code) == ("add", "Information/Treiber/Transparenz")


def test_the_next_step_names_the_code_and_what_an_update_changed(store: Store) -> None:
    coding = add_coding(store, "interview", 0, 5, "Transparenz", coder="anna")
    update_coding(store, coding.guid, actor="anna", expected_version=1, end=8, memo="neu")
    step = history.next_undo(store, "anna")
    assert step is not None and step.action == "update" and step.fields == ("end", "memo", "text")
    assert step.code == "Information/Treiber/Transparenz"
    update_coding(store, coding.guid, actor="anna", expected_version=2, code_path="Lücken")
    step = history.next_undo(store, "anna")
    assert step is not None and step.code == "Information/Treiber/Transparenz"  # the code it takes back
    delete_coding(store, coding.guid, actor="anna")
    step = history.next_undo(store, "anna")
    assert step is not None and (step.action, step.code) == ("delete", "Information/Herausforderungen/Lücken")
