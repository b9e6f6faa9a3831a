"""Documents: importing uploads and files, duplicates, language, case attributes, listing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from _factories import INTERVIEW, add_text, events_of, new_store, store_with_codebook

from toolkit.documents import (
    document_row,
    document_text,
    document_turns,
    import_files,
    import_upload,
    list_documents,
    parse_assignments,
    set_attributes,
    speaker_attributes,
)
from toolkit.errors import ImportFailed, InvalidValue, NotFound
from toolkit.store import Store

GERMAN = (
    "I: Wie ist das bei Ihnen mit der Digitalisierung?\n\nB: Also wir haben das schon, aber nicht ganz.\n"
)
ENGLISH = "I: How is the project going?\n\nP: I think it is fine, but the data is not there yet.\n"
TIMED = "I: [00:01] Hallo wir sind hier\n\nB: [00:05] ja und das ist gut\n\nI: [01:02] gut"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return new_store(tmp_path)


@pytest.fixture
def cstore(tmp_path: Path) -> Store:
    """A project with the mini codebook and its attribute definitions."""
    return store_with_codebook(tmp_path)


def names(store: Store) -> list[str]:
    return [d.name for d in list_documents(store)]


# --- import_upload ---------------------------------------------------------------------------------


def test_import_upload_stores_nfc_text_and_turns(store: Store) -> None:
    data = "\ufeffI: Gru\u0308\u00dfe aus Bonn.\r\n\r\nB: Danke, gleichfalls.\r\n".encode()
    result = import_upload(store, data, "gruss.txt", actor="anna")
    assert (result.document, result.imported, result.turns) == ("gruss", True, 2)
    text = document_text(store, "gruss")
    assert text == "I: Grüße aus Bonn.\n\nB: Danke, gleichfalls.\n"
    turns = document_turns(store, "gruss")
    assert [(t.speaker, text[t.start : t.end]) for t in turns] == [
        ("I", "Grüße aus Bonn."),
        ("B", "Danke, gleichfalls."),
    ]
    [event] = events_of(store, "import", "document")
    assert event["actor"] == "anna"
    assert event["payload"]["name"] == "gruss"


@pytest.mark.parametrize("second_name", ["x.txt", "kopie.txt"], ids=["same-name", "other-name"])
def test_same_bytes_again_are_a_duplicate(store: Store, second_name: str) -> None:
    data = INTERVIEW.encode()
    import_upload(store, data, "x.txt", actor="t")
    again = import_upload(store, data, second_name, actor="t")
    assert again.imported is False
    assert again.duplicate_of == "x"
    assert names(store) == ["x"]
    assert len(events_of(store, "import", "document")) == 1


def test_other_content_with_the_same_name_gets_a_number(store: Store) -> None:
    assert add_text(store, "I: Erstes Interview.") == "x"
    assert add_text(store, "I: Zweites Interview.") == "x (2)"
    assert add_text(store, "I: Drittes Interview.") == "x (3)"
    assert names(store) == ["x", "x (2)", "x (3)"]
    assert document_text(store, "x (2)") == "I: Zweites Interview."


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("leer.txt", b"", "empty"),
        ("bild.txt", bytes(range(256)) * 4, "binary"),
        ("notiz.pages", b"PK\x03\x04", "unknown file type '.pages'"),
    ],
    ids=["empty", "binary", "unknown-extension"],
)
def test_import_upload_rejects_bad_files(store: Store, filename: str, data: bytes, message: str) -> None:
    with pytest.raises(ImportFailed, match=message) as info:
        import_upload(store, data, filename, actor="t")
    assert str(info.value).startswith(filename)
    assert names(store) == []


# --- import_files ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad_name", "bad_data", "message"),
    [
        ("leer.txt", b"   \n", "empty"),
        ("bild.txt", b"\x00\x01\x02\x03" * 100, "binary"),
        ("notiz.pages", b"PK\x03\x04", "unknown file type"),
        ("fehlt.txt", None, "no such file"),
    ],
    ids=["empty", "binary", "unknown-extension", "missing"],
)
def test_one_bad_file_stores_nothing(
    store: Store, tmp_path: Path, bad_name: str, bad_data: bytes | None, message: str
) -> None:
    good1 = tmp_path / "eins.txt"
    good1.write_text(GERMAN, encoding="utf-8")
    good2 = tmp_path / "zwei.txt"
    good2.write_text(ENGLISH, encoding="utf-8")
    bad = tmp_path / bad_name
    if bad_data is not None:
        bad.write_bytes(bad_data)
    with pytest.raises(ImportFailed, match=message) as info:
        import_files(store, [good1, bad, good2], actor="t")
    assert str(bad) in str(info.value)
    assert names(store) == []
    assert events_of(store, "import", "document") == []


def test_import_files_imports_all_and_spots_duplicates(store: Store, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(GERMAN, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(GERMAN, encoding="utf-8")
    c = tmp_path / "c.md"
    c.write_text(ENGLISH, encoding="utf-8")
    results = import_files(store, [a, b, c], actor="t")
    assert [(r.document, r.imported, r.duplicate_of) for r in results] == [
        ("a", True, None),
        ("a", False, "a"),
        ("c", True, None),
    ]
    assert names(store) == ["a", "c"]


# --- language --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [(GERMAN, None, "de"), (ENGLISH, None, "en"), (GERMAN, "en", "en"), (ENGLISH, "de", "de")],
    ids=["detect-de", "detect-en", "explicit-en", "explicit-de"],
)
def test_language(store: Store, text: str, language: str | None, expected: str) -> None:
    add_text(store, text, language=language)
    [info] = list_documents(store)
    assert info.language == expected


def test_unsupported_language_is_refused(store: Store) -> None:
    with pytest.raises(InvalidValue, match=r"'fr' is not supported.*de, en"):
        add_text(store, GERMAN, language="fr")
    assert names(store) == []


# --- attributes ------------------------------------------------------------------------------------


def test_import_with_a_listed_attribute_value(cstore: Store) -> None:
    add_text(cstore, GERMAN, attributes={"municipality_type": "Die Optimierer"})
    [info] = list_documents(cstore)
    assert info.attributes == {"municipality_type": "Die Optimierer"}


def test_attribute_value_not_in_the_list_is_refused(cstore: Store) -> None:
    with pytest.raises(InvalidValue) as info:
        add_text(cstore, GERMAN, attributes={"municipality_type": "Die Schnellen"})
    message = str(info.value)
    assert "'Die Schnellen'" in message
    assert "Die Bedächtigen, Die Optimierer" in message
    assert names(cstore) == []


def test_undefined_attribute_is_accepted(cstore: Store) -> None:
    add_text(cstore, GERMAN, attributes={"region": "Nord"})
    assert list_documents(cstore)[0].attributes == {"region": "Nord"}


def test_speaker_attribute_on_a_document_is_refused(cstore: Store) -> None:
    with pytest.raises(InvalidValue, match="belongs to a speaker"):
        add_text(cstore, GERMAN, attributes={"speaker_role": "CDO"})


def test_set_attributes_on_document_overwrites(cstore: Store) -> None:
    doc = add_text(cstore, GERMAN, attributes={"municipality_type": "Die Optimierer"})
    set_attributes(cstore, doc, {"municipality_type": "Die Bedächtigen", "region": "Süd"}, actor="lead")
    assert list_documents(cstore)[0].attributes == {"municipality_type": "Die Bedächtigen", "region": "Süd"}
    assert {e["actor"] for e in events_of(cstore, "set", "attribute")} == {"lead"}


def test_set_attributes_is_all_or_nothing(cstore: Store) -> None:
    doc = add_text(cstore, GERMAN)
    with pytest.raises(InvalidValue, match="use one of"):
        set_attributes(cstore, doc, {"region": "Nord", "municipality_type": "Falsch"}, actor="t")
    assert list_documents(cstore)[0].attributes == {}


def test_set_speaker_attributes(cstore: Store) -> None:
    doc = add_text(cstore, GERMAN)
    set_attributes(cstore, doc, {"speaker_role": "CDO"}, actor="t", speaker="B")
    assert speaker_attributes(cstore, doc) == {"B": {"speaker_role": "CDO"}}
    with pytest.raises(InvalidValue, match="use one of: CDO, Sachbearbeitung"):
        set_attributes(cstore, doc, {"speaker_role": "Chefin"}, actor="t", speaker="I")
    with pytest.raises(InvalidValue, match="belongs to a document"):
        set_attributes(cstore, doc, {"municipality_type": "Die Optimierer"}, actor="t", speaker="I")
    assert speaker_attributes(cstore, doc) == {"B": {"speaker_role": "CDO"}}


def test_unknown_speaker_lists_the_speakers(cstore: Store) -> None:
    doc = add_text(cstore, GERMAN)
    with pytest.raises(NotFound) as info:
        set_attributes(cstore, doc, {"speaker_role": "CDO"}, actor="t", speaker="X")
    message = str(info.value)
    assert "'X'" in message
    assert "speakers are: B, I" in message


# --- listing ---------------------------------------------------------------------------------------


def test_list_documents_fields(store: Store) -> None:
    add_text(store, TIMED, filename="timed.txt")
    add_text(store, "Erster Absatz hier.\n\nZweiter Absatz.", filename="absatz.txt")
    absatz, timed = list_documents(store)
    assert timed.name == "timed"
    assert timed.turns == 3
    assert timed.speakers == ("I", "B")  # order of appearance, not alphabetical
    assert (timed.first_timestamp, timed.last_timestamp) == (1.0, 62.0)
    assert timed.source_format == "txt"
    assert timed.sha256 == hashlib.sha256(TIMED.encode()).hexdigest()
    assert absatz.name == "absatz"
    assert (absatz.words, absatz.turns, absatz.speakers) == (5, 2, ())
    assert (absatz.first_timestamp, absatz.last_timestamp) == (None, None)


def test_document_row_not_found_lists_documents(store: Store) -> None:
    add_text(store, GERMAN, filename="beta.txt")
    add_text(store, ENGLISH, filename="alpha.txt")
    with pytest.raises(NotFound) as info:
        document_row(store, "gamma")
    assert "no document 'gamma'; documents are: alpha, beta" in str(info.value)


def test_document_row_in_an_empty_project(store: Store) -> None:
    with pytest.raises(NotFound, match="import one first"):
        document_row(store, "gamma")


def test_document_row_by_guid(store: Store) -> None:
    add_text(store, GERMAN, filename="beta.txt")
    guid = list_documents(store)[0].guid
    assert document_row(store, guid.lower())["name"] == "beta"


# --- KEY=VALUE -------------------------------------------------------------------------------------


def test_parse_assignments() -> None:
    assert parse_assignments(["municipality_type=Die Optimierer", " a = b=c "]) == {
        "municipality_type": "Die Optimierer",
        "a": "b=c",
    }


@pytest.mark.parametrize(
    "item",
    ["municipality_type", "=Die Optimierer", "region=", "region=   ", "", "  =  "],
    ids=["no-equals", "no-key", "no-value", "blank-value", "empty", "blanks"],
)
def test_parse_assignments_errors(item: str) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_assignments(["ok=1", item])
    assert f"{item!r} is not KEY=VALUE" in str(info.value)
