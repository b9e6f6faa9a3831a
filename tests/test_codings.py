"""Codings: code-point offsets, validation, optimistic updates, filters, exports and events."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from _factories import INTERVIEW, add_text, events_of, store_with_codebook

from toolkit.codings import (
    EXPORT_COLUMNS,
    add_coding,
    coding_version,
    delete_coding,
    get_coding,
    list_codings,
    update_coding,
    write_codings,
)
from toolkit.documents import document_text
from toolkit.errors import Conflict, InvalidValue, NotFound
from toolkit.store import Store

# NFD "e" + combining acute at the end: stored as NFC "é", one code point.
UNICODE_BYTES = "I: Grüße 👋🏽 aus der Verwaltung\n\nB: Café e\u0301".encode()
STORED = "I: Grüße 👋🏽 aus der Verwaltung\n\nB: Café é"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return store_with_codebook(tmp_path)


@pytest.fixture
def doc(store: Store) -> str:
    return add_text(store, INTERVIEW, filename="interview.txt")


@pytest.fixture
def udoc(store: Store) -> str:
    from toolkit.documents import import_upload

    return import_upload(store, UNICODE_BYTES, "gruss.txt", actor="t").document


def spans(store: Store, **filters: str) -> list[tuple[str, str, int, int, str]]:
    return [(c.document, c.code_path, c.start, c.end, c.coder) for c in list_codings(store, **filters)]


# --- offsets -------------------------------------------------------------------------------------


def test_stored_text_is_nfc(store: Store, udoc: str) -> None:
    assert document_text(store, udoc) == STORED


@pytest.mark.parametrize(
    ("needle", "length"),
    [("Grüße", 5), ("👋🏽", 2), ("Café é", 6), ("é", 1)],
    ids=["umlauts", "emoji-with-skin-tone", "combining-accent-composed", "last-char"],
)
def test_coding_text_is_the_code_point_slice(store: Store, udoc: str, needle: str, length: int) -> None:
    start = STORED.rindex(needle)
    end = start + len(needle)
    assert len(needle) == length
    coding = add_coding(store, udoc, start, end, "Transparenz", coder="k")
    assert coding.text == needle
    assert coding.text == document_text(store, udoc)[coding.start : coding.end]
    [listed] = list_codings(store)
    assert (listed.start, listed.end, listed.text) == (start, end, needle)


def test_coding_up_to_the_last_code_point(store: Store, udoc: str) -> None:
    coding = add_coding(store, udoc, len(STORED) - 1, len(STORED), "Transparenz", coder="k")
    assert coding.text == "é"


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 3), (0, len(STORED) + 1), (5, 5), (6, 5), (len(STORED), len(STORED) + 1)],
    ids=["negative-start", "end-past-text", "empty", "start-after-end", "start-at-end"],
)
def test_span_outside_the_document_is_invalid(store: Store, udoc: str, start: int, end: int) -> None:
    with pytest.raises(InvalidValue) as info:
        add_coding(store, udoc, start, end, "Transparenz", coder="k")
    message = str(info.value)
    assert f"{start}-{end}" in message
    assert "'gruss'" in message
    assert f"0-{len(STORED)}" in message
    assert list_codings(store) == []


# --- add -----------------------------------------------------------------------------------------


def test_unknown_code_is_not_found(store: Store, doc: str) -> None:
    with pytest.raises(NotFound, match="no code 'Fehlt'"):
        add_coding(store, doc, 0, 5, "Fehlt", coder="k")
    assert list_codings(store) == []


def test_unknown_document_is_not_found(store: Store, doc: str) -> None:
    with pytest.raises(NotFound, match=r"no document 'fehlt'.*interview"):
        add_coding(store, "fehlt", 0, 5, "Transparenz", coder="k")


def test_empty_coder_name_is_invalid(store: Store, doc: str) -> None:
    with pytest.raises(InvalidValue, match="coder name is empty"):
        add_coding(store, doc, 0, 5, "Transparenz", coder="  ")


def test_same_coder_same_span_same_code_is_a_conflict(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    with pytest.raises(Conflict, match="already coded"):
        add_coding(store, doc, 0, 5, "Information/Treiber/Transparenz", coder="k")
    assert len(list_codings(store)) == 1


def test_same_span_by_another_coder_or_code_is_fine(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    add_coding(store, doc, 0, 5, "Transparenz", coder="j")
    add_coding(store, doc, 0, 5, "Offenheit", coder="k")
    add_coding(store, doc, 0, 6, "Transparenz", coder="k")
    assert len(list_codings(store)) == 4


def test_add_coding_stores_memo_and_origin(store: Store, doc: str) -> None:
    coding = add_coding(store, doc, 0, 5, "Transparenz", coder="k", memo="prüfen")
    assert coding.memo == "prüfen"
    assert store.one("SELECT origin FROM codings") == {"origin": "manual"}
    [event] = events_of(store, "add", "coding")
    assert event["actor"] == "k"
    assert event["guid"] == coding.guid
    assert event["payload"]["code"] == "Information/Treiber/Transparenz"
    assert (event["payload"]["start"], event["payload"]["end"]) == (0, 5)


# --- update and delete ---------------------------------------------------------------------------


def test_update_changes_span_code_memo_and_bumps_version(store: Store, doc: str) -> None:
    coding = add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    assert coding_version(store, coding.guid) == 1
    updated = update_coding(
        store, coding.guid, actor="lead", expected_version=1, start=3, end=6, code_path="Offenheit", memo="m"
    )
    assert (updated.start, updated.end, updated.code_path, updated.memo) == (
        3,
        6,
        "Mensch/Treiber/Offenheit",
        "m",
    )
    assert updated.text == INTERVIEW[3:6]
    assert coding_version(store, coding.guid) == 2
    [event] = events_of(store, "update", "coding")
    assert event["actor"] == "lead"
    assert event["payload"]["before"]["start"] == 0
    assert event["payload"]["after"]["start"] == 3


def test_stale_version_is_refused_and_changes_nothing(store: Store, doc: str) -> None:
    coding = add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    seen_by_anna = seen_by_ben = coding_version(store, coding.guid)
    update_coding(store, coding.guid, actor="anna", expected_version=seen_by_anna, memo="Anna war hier")
    with pytest.raises(Conflict, match="changed by someone else"):
        update_coding(store, coding.guid, actor="ben", expected_version=seen_by_ben, start=10, end=12)
    after = get_coding(store, coding.guid)
    assert (after.start, after.end, after.memo) == (0, 5, "Anna war hier")
    assert coding_version(store, coding.guid) == 2
    assert [e["actor"] for e in events_of(store, "update", "coding")] == ["anna"]


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"start": 5, "end": 5}, InvalidValue),
        ({"end": len(INTERVIEW) + 1}, InvalidValue),
        ({"code_path": "Fehlt"}, NotFound),
    ],
    ids=["empty-span", "past-end", "unknown-code"],
)
def test_invalid_update_changes_nothing(
    store: Store, doc: str, changes: dict[str, object], error: type
) -> None:
    coding = add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    with pytest.raises(error):
        update_coding(store, coding.guid, actor="k", expected_version=1, **changes)  # type: ignore[arg-type]
    assert get_coding(store, coding.guid) == coding
    assert coding_version(store, coding.guid) == 1


def test_update_onto_an_existing_span_is_a_conflict(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    other = add_coding(store, doc, 6, 10, "Transparenz", coder="k")
    with pytest.raises(Conflict):
        update_coding(store, other.guid, actor="k", expected_version=1, start=0, end=5)


def test_update_of_a_missing_coding_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no coding"):
        update_coding(store, "0000-NOPE", actor="k", expected_version=1, memo="x")


def test_delete_coding(store: Store, doc: str) -> None:
    coding = add_coding(store, doc, 0, 5, "Transparenz", coder="k", memo="weg damit")
    delete_coding(store, coding.guid, actor="lead")
    assert list_codings(store) == []
    with pytest.raises(NotFound):
        get_coding(store, coding.guid)
    [event] = events_of(store, "delete", "coding")
    assert event["actor"] == "lead"
    assert event["payload"]["before"]["memo"] == "weg damit"
    assert event["payload"]["before"]["start"] == 0


def test_delete_with_stale_version_is_refused(store: Store, doc: str) -> None:
    coding = add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    update_coding(store, coding.guid, actor="k", expected_version=1, memo="neu")
    with pytest.raises(Conflict):
        delete_coding(store, coding.guid, actor="j", expected_version=1)
    assert len(list_codings(store)) == 1


# --- listing and export --------------------------------------------------------------------------


@pytest.fixture
def several(store: Store, doc: str) -> Store:
    other = add_text(store, "I: Und wie sieht es mit den Daten aus?\n\nB: Schlecht.", filename="zwei.txt")
    add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    add_coding(store, doc, 6, 10, "Information/Treiber", coder="j")
    add_coding(store, doc, 11, 20, "Lücken", coder="k")
    add_coding(store, other, 0, 4, "Offenheit", coder="j")
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [(0, 5), (6, 10), (11, 20), (0, 4)]),
        ({"document": "interview"}, [(0, 5), (6, 10), (11, 20)]),
        ({"coder": "k"}, [(0, 5), (11, 20)]),
        ({"code": "Information/Treiber"}, [(0, 5), (6, 10)]),
        ({"code": "Information"}, [(0, 5), (6, 10), (11, 20)]),
        ({"code": "Transparenz"}, [(0, 5)]),
        ({"code": "Mensch", "coder": "k"}, []),
        ({"document": "zwei", "coder": "j"}, [(0, 4)]),
    ],
    ids=[
        "all",
        "document",
        "coder",
        "code-with-subcodes",
        "root-code",
        "leaf",
        "combined-empty",
        "doc-and-coder",
    ],
)
def test_list_codings_filters(
    several: Store, filters: dict[str, str], expected: list[tuple[int, int]]
) -> None:
    assert [(c.start, c.end) for c in list_codings(several, **filters)] == expected


def test_list_codings_of_unknown_document_or_code(several: Store) -> None:
    with pytest.raises(NotFound):
        list_codings(several, document="fehlt")
    with pytest.raises(NotFound):
        list_codings(several, code="Fehlt")


def test_write_codings_csv(several: Store) -> None:
    out = io.StringIO()
    assert write_codings(list_codings(several), "csv", out) == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0])[: len(EXPORT_COLUMNS)] == [
        "document",
        "code_path",
        "start",
        "end",
        "text",
        "coder",
        "memo",
    ]
    first = rows[0]
    assert (first["document"], first["code_path"], first["start"], first["end"], first["coder"]) == (
        "interview",
        "Information/Treiber/Transparenz",
        "0",
        "5",
        "k",
    )
    assert first["text"] == INTERVIEW[0:5]
    assert rows[2]["code_path"] == "Information/Herausforderungen/Lücken"


def test_write_codings_json(several: Store, udoc: str) -> None:
    add_coding(several, udoc, STORED.index("👋"), STORED.index("👋") + 2, "Offenheit", coder="k", memo="Gruß")
    out = io.StringIO()
    write_codings(list_codings(several, document=udoc), "json", out)
    [row] = json.loads(out.getvalue())
    assert set(EXPORT_COLUMNS) <= set(row)
    assert row["code_path"] == "Mensch/Treiber/Offenheit"
    assert row["text"] == "👋🏽"
    assert (row["document"], row["coder"], row["memo"]) == ("gruss", "k", "Gruß")


def test_write_codings_unknown_format(several: Store) -> None:
    with pytest.raises(InvalidValue, match=r"'xml'.*csv, json"):
        write_codings(list_codings(several), "xml", io.StringIO())


def test_codings_are_written_only_by_the_one_write_path() -> None:
    """No module but toolkit/codings.py (and the schema migrations) writes the codings table: every
    other writer calls insert_codings, update_coding_in or delete_coding_in, so the span check, the
    coded-text copy, duplicates, permissions, versions and events hold everywhere."""
    root = Path(__file__).resolve().parent.parent / "toolkit"
    write = re.compile(
        r"""(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+["']?codings\b|\.(insert|update)\(\s*["']codings["']""",
        re.IGNORECASE,
    )
    found = [
        f"{path.relative_to(root.parent)}:{n}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "codings.py" or path.parent != root
        if "migrations" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if write.search(line)
    ]
    assert not found, "codings written outside toolkit.codings: " + ", ".join(found)
    assert write.search('w.execute("DELETE FROM codings WHERE id = ?", (1,))')  # the pattern sees one
