"""The event log as history: filters by document, coder, entity, time, and readable summaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import add_text, store_with_codebook

from toolkit.audit import history
from toolkit.codings import add_coding, delete_coding, update_coding
from toolkit.errors import InvalidValue, NotFound
from toolkit.store import Store

CODE = "Information/Herausforderungen/Lücken"


def _project(tmp_path: Path) -> tuple[Store, str, str]:
    store = store_with_codebook(tmp_path)
    a = add_text(store, "B: Eins zwei drei vier.\n", "a.txt")
    b = add_text(store, "B: Fünf sechs sieben acht.\n", "b.txt")
    return store, a, b


def test_history_of_a_document_includes_its_deleted_and_changed_codings(tmp_path: Path) -> None:
    store, a, b = _project(tmp_path)
    kept = add_coding(store, a, 3, 7, CODE, coder="anna")
    gone = add_coding(store, a, 8, 12, CODE, coder="ben")
    add_coding(store, b, 3, 7, CODE, coder="anna")
    update_coding(store, kept.guid, actor="anna", expected_version=1, end=12)
    delete_coding(store, gone.guid, actor="ben")
    events = history(store, document=a)
    assert [(e["actor"], e["action"], e["entity"]) for e in events] == [
        ("ben", "delete", "coding"),
        ("anna", "update", "coding"),
        ("ben", "add", "coding"),
        ("anna", "add", "coding"),
        ("t", "import", "document"),
    ]
    assert set(events[0]) >= {"at", "actor", "action", "entity", "guid", "summary", "payload"}
    assert "anna changed coding" in events[1]["summary"] and "12" in events[1]["summary"]
    assert events[-1]["summary"].startswith("t imported document a")


def test_history_of_a_coder_includes_changes_of_their_codings_by_others(tmp_path: Path) -> None:
    store, a, b = _project(tmp_path)
    mine = add_coding(store, a, 3, 7, CODE, coder="anna")
    add_coding(store, b, 3, 7, CODE, coder="ben")
    delete_coding(store, mine.guid, actor="lead")
    events = history(store, coder="anna")
    assert [(e["actor"], e["action"], e["entity"]) for e in events] == [
        ("lead", "delete", "coding"),
        ("anna", "add", "coding"),
        ("anna", "add", "coder"),
    ]


def test_history_filters_by_entity_since_and_limit(tmp_path: Path) -> None:
    store, a, _ = _project(tmp_path)
    add_coding(store, a, 3, 7, CODE, coder="anna")
    assert [e["entity"] for e in history(store, entity="document")] == ["document", "document"]
    assert history(store, since="2999-01-01") == []
    assert len(history(store, since="2000-01-01")) == len(history(store))
    newest = history(store, limit=2)
    assert [e["id"] for e in newest] == [e["id"] for e in history(store)[:2]]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"limit": 0}, InvalidValue), ({"since": "yesterday"}, InvalidValue), ({"document": "nope"}, NotFound)],
)
def test_history_rejects_bad_filters(
    tmp_path: Path, kwargs: dict[str, object], error: type[Exception]
) -> None:
    store, _, _ = _project(tmp_path)
    with pytest.raises(error):
        history(store, **kwargs)  # type: ignore[arg-type]


def test_changes_of_a_deleted_coding_stay_in_its_coders_and_documents_history(tmp_path: Path) -> None:
    store, a, _ = _project(tmp_path)
    coding = add_coding(store, a, 3, 7, CODE, coder="anna")
    update_coding(store, coding.guid, actor="lead", expected_version=1, memo="zu kurz")
    delete_coding(store, coding.guid, actor="lead")
    expected = [("lead", "delete"), ("lead", "update"), ("anna", "add")]
    assert [(e["actor"], e["action"]) for e in history(store, coder="anna", entity="coding")] == expected
    assert [(e["actor"], e["action"]) for e in history(store, document=a, entity="coding")] == expected
