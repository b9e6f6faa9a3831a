"""Category building: a group of paraphrases becomes a code with every paraphrased segment coded,
as one transaction and one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import LUECKEN, events_of, two_coder_project

from toolkit.accounts import add_user, set_team_mode
from toolkit.codes import code_tree
from toolkit.codings import add_coding, list_codings
from toolkit.errors import Conflict, NotFound, PermissionDenied
from toolkit.history import undo_stack
from toolkit.qca.categories import group_to_code
from toolkit.qca.paraphrases import add_paraphrase, group_paraphrases, redo_paraphrase, undo_paraphrase
from toolkit.store import Store

PASSWORD = "geheim-genug-1"
NEW = "Information/Treiber/Zählen lernen"


def grouped(store: Store, coder: str = "anna") -> None:
    a = add_paraphrase(store, "t", 3, 18, "eins", coder=coder)
    b = add_paraphrase(store, "t", 40, 57, "drei", coder=coder)
    group_paraphrases(store, [a.id, b.id], "Zählen lernen", actor=coder)


def spans(store: Store, code: str = NEW, coder: str = "anna") -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in list_codings(store, code=code, coder=coder)]


def paths(store: Store) -> set[str]:
    return {c.path for c in code_tree(store)}


def test_a_group_becomes_a_code_with_its_segments_coded(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    grouped(store)
    result = group_to_code(store, "Zählen lernen", parent="Information/Treiber", coder="anna")
    assert (result.code_path, result.created, result.codings, result.already_coded) == (NEW, True, 2, 0)
    assert NEW in paths(store)
    assert spans(store) == [(3, 18), (40, 57)]
    origins = store.query(
        "SELECT origin, count(*) AS n FROM codings WHERE code_id = (SELECT max(id) FROM codes)"
    )
    assert (origins[0]["origin"], origins[0]["n"]) == ("paraphrase", 2)
    assert len(events_of(store, "categorise", "coding")) == 2
    assert len(events_of(store, "categorise", "paraphrase_group")) == 1
    assert undo_stack(store, "anna")[0].action == "add"  # Kodieren's undo holds not the category's codings


def test_undo_removes_codings_and_the_new_code_in_one_step_and_redo_restores(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    grouped(store)
    before = paths(store)
    group_to_code(store, "Zählen lernen", parent="Information/Treiber", coder="anna")
    guids = {c.guid for c in list_codings(store, code=NEW)}
    payload = undo_paraphrase(store, "anna")
    assert payload is not None and payload["action"] == "categorise"
    assert paths(store) == before and not any(c.code_path == NEW for c in list_codings(store))
    redo_paraphrase(store, "anna")
    assert {c.guid for c in list_codings(store, code=NEW)} == guids  # the same codings come back
    assert NEW in paths(store)


def test_an_existing_code_is_used_and_kept_on_undo(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    grouped(store)
    result = group_to_code(store, "Zählen lernen", parent="Information/Herausforderungen", coder="anna",
                           name="Lücken")  # fmt: skip
    assert (result.created, result.codings, result.already_coded) == (False, 1, 1)  # 3-18 was coded
    undo_paraphrase(store, "anna")
    assert LUECKEN in paths(store) and spans(store, LUECKEN) == [(3, 18), (23, 39)]


def test_undo_refuses_when_the_new_code_was_used_since(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    grouped(store)
    group_to_code(store, "Zählen lernen", parent="Information/Treiber", coder="anna")
    add_coding(store, "t", 23, 31, NEW, coder="ben")
    with pytest.raises(Conflict, match="other codings"):
        undo_paraphrase(store, "anna")
    assert spans(store) == [(3, 18), (40, 57)]  # nothing changed: one transaction


def test_bad_input_changes_nothing(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    grouped(store)
    before = paths(store)
    with pytest.raises(NotFound, match="Zählen lernen"):
        group_to_code(store, "Gibt es nicht", parent=None, coder="anna")
    with pytest.raises(NotFound):
        group_to_code(store, "Zählen lernen", parent="Kein/Elternteil", coder="anna")
    assert paths(store) == before and not events_of(store, "categorise", "paraphrase_group")


def test_team_mode_a_coder_codes_into_an_existing_code_but_only_a_lead_adds_one(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    for name, role in (("lena", "lead"), ("anna", "coder"), ("ben", "coder")):
        add_user(store, name, role=role, actor="setup", password=PASSWORD)
    set_team_mode(store, True, actor="lena")
    grouped(store)
    with pytest.raises(PermissionDenied):
        group_to_code(store, "Zählen lernen", parent="Information/Treiber", coder="anna")
    with pytest.raises(PermissionDenied):
        group_to_code(store, "Zählen lernen", parent="Information/Treiber", coder="anna", actor="ben")
    result = group_to_code(store, "Zählen lernen", parent="Information/Treiber", coder="anna", actor="lena")
    assert result.created and spans(store) == [(3, 18), (40, 57)]
    assert undo_paraphrase(store, "lena") is not None  # the lead's step: on the lead's stack
    assert NEW not in paths(store)
