"""Autocoding of search hits: the span each scope codes, ±N sentences within the turn."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._factories import LUECKEN, add_text, store_with_codebook
from toolkit.autocode import apply_autocode, plan_autocode
from toolkit.codings import list_codings
from toolkit.errors import InvalidValue
from toolkit.search import search
from toolkit.store import Store

TEXT = (
    "I: Eins. Zwei. Drei?\n\n"
    "B: Erstens gut. Zweitens kommt der Medienbruch. Drittens nicht. Viertens auch nicht.\n\n"
    "I: Danke.\n"
)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = store_with_codebook(tmp_path)
    add_text(s, TEXT, "saetze.txt")
    return s


def coded(store: Store, scope: str, around: int = 0) -> list[str]:
    plan = plan_autocode(store, search(store, "Medienbruch"), LUECKEN, "anna", scope, around=around)
    return [p.text for p in plan.items]


def test_each_scope_codes_its_span(store: Store) -> None:
    assert coded(store, "hit") == ["Medienbruch"]
    assert coded(store, "sentence") == ["Zweitens kommt der Medienbruch."]
    assert coded(store, "sentence", 1) == ["Erstens gut. Zweitens kommt der Medienbruch. Drittens nicht."]
    # ±5 stays within the speaker turn: the interviewer's question and thanks are not coded
    assert coded(store, "sentence", 5) == [
        "Erstens gut. Zweitens kommt der Medienbruch. Drittens nicht. Viertens auch nicht."
    ]
    assert coded(store, "turn") == coded(store, "sentence", 5)


def test_around_is_written_as_planned_and_checked(store: Store) -> None:
    plan = plan_autocode(store, search(store, "Medienbruch"), LUECKEN, "anna", "sentence", around=1)
    assert plan.scope == "sentence±1"
    apply_autocode(store, plan, actor="anna")
    assert [c.text for c in list_codings(store, coder="anna")] == [plan.items[0].text]
    with pytest.raises(InvalidValue, match="needs the scope sentence"):
        plan_autocode(store, search(store, "Medienbruch"), LUECKEN, "anna", "hit", around=1)
    with pytest.raises(InvalidValue, match="choose 0 to 20"):
        plan_autocode(store, search(store, "Medienbruch"), LUECKEN, "anna", "sentence", around=21)


def test_undo_in_the_history_takes_back_a_whole_autocoding_as_one_step(store: Store) -> None:
    from toolkit.codings import add_coding
    from toolkit.history import redo, undo

    add_text(store, "I: Noch ein Medienbruch?\n\nB: Ja, ein Medienbruch.\n", "zwei.txt")
    before = add_coding(store, "saetze", 0, 4, LUECKEN, coder="anna")
    plan = plan_autocode(store, search(store, "Medienbruch"), LUECKEN, "anna", "hit")
    apply_autocode(store, plan, actor="anna")
    after = add_coding(store, "zwei", 0, 4, LUECKEN, coder="anna")
    assert len(list_codings(store, coder="anna")) == 5
    step = undo(store, "anna")  # the coding made after the autocoding goes first, alone
    assert step is not None and step.count == 1 and step.guid == after.guid.upper()
    step = undo(store, "anna")  # then the three autocoded hits together
    assert step is not None and (step.action, step.count) == ("autocode", 3)
    assert [c.guid for c in list_codings(store, coder="anna")] == [before.guid]
    step = redo(store, "anna")  # redo brings all three back, as one step
    assert step is not None and (step.action, step.count) == ("autocode", 3)
    assert len(list_codings(store, coder="anna")) == 4
    assert undo(store, "anna").count == 3  # type: ignore[union-attr]
    step = undo(store, "anna")
    assert step is not None and step.count == 1 and list_codings(store, coder="anna") == []
