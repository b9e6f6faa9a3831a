"""REFI-QDA exchange: the sample files of other tools import, exports validate, round trips are exact."""

from __future__ import annotations

import io
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from _factories import REFI_SAMPLES, add_text, make_qdpx, new_store, store_with_codebook

from toolkit.coders import list_coders
from toolkit.codes import code_tree
from toolkit.codes_edit import add_code, update_code
from toolkit.codings import add_coding, list_codings
from toolkit.document_sets import add_to_set, create_set, list_sets, sets_with_guids
from toolkit.documents import document_turns, list_documents, set_attributes, speaker_attributes
from toolkit.exchange.descriptions import compose_description, parse_description
from toolkit.exchange.refi import (
    export_codebook_qdc,
    export_project,
    import_codebook,
    import_project,
    read_qdpx,
)
from toolkit.importers.normalize import decode
from toolkit.memos import set_document_memo
from toolkit.store import Store, new_guid, now

needs_samples = pytest.mark.skipif(not REFI_SAMPLES.is_dir(), reason="../shared/interop/refi is absent")


def _schema(name: str) -> Any:
    xmlschema = pytest.importorskip("xmlschema")
    path = REFI_SAMPLES / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return xmlschema.XMLSchema(str(path))


def _qde(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("project.qde")


# -- files written by other tools --------------------------------------------------------------


@needs_samples
def test_qc_project_imports_every_coding_with_its_exact_text(tmp_path: Path) -> None:
    sample = REFI_SAMPLES / "qc132_demo.qdpx"
    store = new_store(tmp_path)
    report = import_project(store, sample, actor="t")
    assert (report.codes_added, report.documents_imported, report.codings_imported) == (262, 2, 205)
    assert report.missing_sources == [] and report.skipped_sources == []
    archive, project = read_qdpx(sample.read_bytes(), str(sample))
    stored = {c.guid: c for c in list_codings(store)}
    texts = {d["name"]: d["text"] for d in store.query("SELECT name, text FROM documents")}
    checked = 0
    for src in project.sources:
        member = archive.find(base=Path(src.plain_text_path).name)
        assert member is not None
        raw = decode(archive.read(member), member)
        for sel in src.selections:
            for coding in sel.codings:
                c = stored[coding.guid]
                assert c.text == raw[sel.start : sel.end]
                assert texts[c.document][c.start : c.end] == raw[sel.start : sel.end]
                checked += 1
    assert checked == 205
    assert list_coders(store) == ["cp"]
    assert len(code_tree(store)) == 262


@needs_samples
def test_maxqda_project_imports_codes_sources_and_sets(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    report = import_project(store, REFI_SAMPLES / "maxqda24_icls.qdpx", actor="t")
    assert report.origin.startswith("MAXQDA")
    assert (report.codes_added, report.documents_imported) == (307, 10)
    codes = code_tree(store)
    assert len(codes) == 307
    affinity = next(c for c in codes if c.name == "THEME - Affinity Spaces (Gee)")
    assert affinity.path == "Additional Themes and Ideas/THEME - Affinity Spaces (Gee)"
    assert affinity.colour == "#ef8256"
    assert affinity.definition == "Apply this code when a study uses Gee's concept of affinity spaces."
    docs = {d.name: d for d in list_documents(store)}
    assert len(docs) == 10
    # MAXQDA's document sets are document sets here, with their GUIDs (not attributes)
    sets = {s.name: s.documents for s in list_sets(store)}
    assert sorted(sets) == ["ICLS 2024", "ICLS 2025"] and len(sets["ICLS 2024"]) == 5
    assert "ICLS 2024 3-10" in sets["ICLS 2024"] and "ICLS 2025 1007-1015" in sets["ICLS 2025"]
    assert docs["ICLS 2024 3-10"].attributes == {}
    assert {r["guid"] for r in store.query("SELECT guid FROM document_sets")} == {
        "45FE4439-9BF4-47FC-AFAF-D87305293172",
        "FEEDCF5C-1D45-4CE1-B551-586A9CD14F09",
    }


@needs_samples
def test_taguette_codebook_imports_despite_its_empty_sets(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    report = import_codebook(store, REFI_SAMPLES / "taguette141_codebook.qdc", actor="t")
    assert report.codes_added == 3
    assert [c.path for c in code_tree(store)] == ["xsd:element name", "CodeBook", "Variables"]


@needs_samples
def test_importing_the_same_project_twice_adds_nothing(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    import_project(store, REFI_SAMPLES / "qc132_demo.qdpx", actor="t")
    again = import_project(store, REFI_SAMPLES / "qc132_demo.qdpx", actor="t")
    assert (again.codes_added, again.documents_imported, again.codings_imported) == (0, 0, 0)
    assert (again.documents_present, again.codings_present) == (2, 205)
    assert store.one("SELECT count(*) AS n FROM codings") == {"n": 205}


# -- export ------------------------------------------------------------------------------------


def rich_project(tmp_path: Path, name: str = "rich.db") -> Store:
    """Codes with colours, definitions, anchors and rules; two documents with attributes, sets and
    turns; codings of two coders with memos; document, code and project memos; an emoji and
    combining characters in the text."""
    store = store_with_codebook(tmp_path) if name == "rich.db" else new_store(tmp_path, name)
    update_code(
        store,
        "Information/Herausforderungen/Lücken",
        actor="t",
        anchor_example='"Das erfährt man nur über Flurfunk."',
        coding_rule="Nur wenn Informationen fehlen.\n\nNicht bei Technik.",
        colour="#D62728",
    )
    first = add_text(
        store, "I: Wie läuft es mit 😀 bei Ihnen?\n\nB: Café und Flurfunk, aber die E-Akte ist da.\n", "a.txt"
    )
    second = add_text(store, "I: Und sonst?\n\nB: Offen für Neues.\n", "b.txt")
    set_attributes(store, first, {"municipality_type": "Die Optimierer"}, actor="t")
    set_attributes(store, second, {"municipality_type": "Die Bedächtigen"}, actor="t")
    create_set(store, "Welle 1", [first, second], actor="t")
    create_set(store, "Pilot", [first], actor="t")
    create_set(store, "Leer", actor="t")  # an empty set travels too
    set_attributes(store, first, {"speaker_role": "CDO"}, actor="t", speaker="B")
    text = store.one("SELECT text FROM documents WHERE name = ?", (first,))["text"]  # type: ignore[index]
    at = text.index("Flurfunk")
    add_coding(store, first, at, at + 8, "Information/Herausforderungen/Lücken", coder="anna", memo="klar")
    add_coding(store, first, at - 9, at + 8, "Information/Herausforderungen/Lücken", coder="ben")
    emoji = text.index("😀")
    add_coding(store, first, emoji, emoji + 1, "Mensch/Treiber/Offenheit", coder="ben")
    add_coding(store, second, 18, 35, "Mensch/Treiber/Offenheit", coder="anna")
    set_document_memo(store, first, "anna", "Erstes Interview, gute Stimmung.")
    code_id = code_tree(store)[0].id
    with store.write("t") as w:
        for doc, code, title, memo in (
            (None, code_id, "Code-Memo", "Zu Information."),
            (None, None, "", "Projekt"),
        ):
            guid = new_guid()
            w.insert(
                "memos",
                {
                    "guid": guid,
                    "coder_id": None,
                    "document_id": doc,
                    "code_id": code,
                    "title": title,
                    "text": memo,
                    "created_at": now(),
                    "updated_at": now(),
                },
            )
            w.event("add", "memo", guid, {"text": memo})
    return store


def snapshot(store: Store) -> dict[str, Any]:
    """What a user sees of a project, without the import bookkeeping."""
    return {
        "codes": [
            (c.guid, c.path, c.colour, c.definition, c.anchor_example, c.coding_rule)
            for c in code_tree(store)
        ],
        "documents": [(d.name, d.attributes, d.words) for d in list_documents(store)],
        "texts": sorted(r["text"] for r in store.query("SELECT text FROM documents")),
        "turns": {d.name: document_turns(store, d.name) for d in list_documents(store)},
        "speakers": {d.name: speaker_attributes(store, d.name) for d in list_documents(store)},
        "codings": sorted(
            (c.guid, c.document, c.code_path, c.start, c.end, c.text, c.coder, c.memo, c.created_at)
            for c in list_codings(store)
        ),
        "coders": list_coders(store),
        "sets": [(s.guid, s.name, s.documents) for s in _set_members(store)],
        "memos": sorted(
            (r["guid"], r["coder"], r["document"], r["code"], r["title"], r["text"], r["created_at"])
            for r in store.query(
                "SELECT m.guid, k.name AS coder, d.name AS document, c.guid AS code, m.title, m.text, "
                "m.created_at FROM memos m LEFT JOIN coders k ON k.id = m.coder_id "
                "LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN codes c ON c.id = m.code_id"
            )
        ),
    }


def _set_members(store: Store) -> list[Any]:
    """Sets with their GUIDs and their documents by name."""
    names = {r["guid"]: r["name"] for r in store.query("SELECT guid, name FROM documents")}
    return [
        type(s)(s.guid, s.name, tuple(sorted(names[d] for d in s.documents))) for s in sets_with_guids(store)
    ]


def test_round_trip_gives_the_same_project(tmp_path: Path) -> None:
    original = rich_project(tmp_path)
    data = export_project(original)
    copy = new_store(tmp_path, "copy.db")
    report = import_project(copy, data, actor="lead", name="rich.qdpx")
    assert report.warnings == [] and report.missing_sources == []
    assert report.codings_imported == 4 and report.memos_imported == 3
    before, after = snapshot(original), snapshot(copy)
    for key in before:
        assert after[key] == before[key], key
    assert any(turns for turns in after["turns"].values())
    assert after["speakers"]["a"] == {"B": {"speaker_role": "CDO"}}


def test_export_validates_against_the_project_schema(tmp_path: Path) -> None:
    schema = _schema("Project.xsd")
    schema.validate(_qde(export_project(rich_project(tmp_path))))


def test_codebook_export_validates_and_reads_back(tmp_path: Path) -> None:
    schema = _schema("Codebook.xsd")
    store = rich_project(tmp_path)
    data = export_codebook_qdc(store)
    schema.validate(data)
    other = new_store(tmp_path, "other.db")
    report = import_codebook(other, data, actor="t", name="mini.qdc")
    assert report.codes_added == len(code_tree(store))
    fields = [
        (c.guid, c.path, c.colour, c.definition, c.anchor_example, c.coding_rule) for c in code_tree(other)
    ]
    assert fields == [
        (c.guid, c.path, c.colour, c.definition, c.anchor_example, c.coding_rule) for c in code_tree(store)
    ]


@needs_samples
def test_exports_of_imported_samples_validate(tmp_path: Path) -> None:
    schema = _schema("Project.xsd")
    for sample in ("qc132_demo.qdpx", "maxqda24_icls.qdpx"):
        store = new_store(tmp_path, sample + ".db")
        import_project(store, REFI_SAMPLES / sample, actor="t")
        schema.validate(_qde(export_project(store)))


def test_guids_are_stable_across_exports(tmp_path: Path) -> None:
    store = rich_project(tmp_path)
    first = export_project(store)
    assert export_project(store) == first
    add_coding(store, "b", 0, 2, "Information", coder="anna")
    second = _qde(export_project(store)).decode()
    import re

    guids = set(re.findall(r'guid="([0-9A-F-]{36})"', _qde(first).decode()))
    assert guids < set(re.findall(r'guid="([0-9A-F-]{36})"', second))


def test_reloading_an_exported_codebook_keeps_fields_refi_cannot_carry(tmp_path: Path) -> None:
    store = rich_project(tmp_path)
    before = code_tree(store)
    report = import_codebook(store, export_codebook_qdc(store), actor="t", name="same.qdc")
    assert (report.codes_added, report.codes_updated) == (0, 0)
    assert code_tree(store) == before


# -- descriptions and positions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("definition", "anchor", "rule"),
    [
        ("Alles zu Informationen.", "", ""),
        ("", '"Zitat"', ""),
        ("Def.\n\nZweiter Absatz.", "Beispiel\n\nmit Absatz", "Regel: nur so"),
        ("", "", ""),
    ],
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_descriptions_hold_definition_anchor_and_rule(
    definition: str, anchor: str, rule: str, language: str
) -> None:
    assert parse_description(compose_description(definition, anchor, rule, language)) == (
        definition,
        anchor,
        rule,
    )


def test_a_description_from_another_tool_is_the_definition() -> None:
    assert parse_description("Apply when X.\nNot when Y.") == ("Apply when X.\nNot when Y.", "", "")


def _one_source_project(origin: str, start: int, end: int, path: str = "internal://s.txt") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="{origin}">'
        '<Users><User guid="11111111-1111-1111-1111-111111111111" name="nv"/></Users>'
        '<CodeBook><Codes><Code guid="22222222-2222-2222-2222-222222222222" name="Word" isCodable="true"/>'
        "</Codes></CodeBook><Sources>"
        f'<TextSource guid="33333333-3333-3333-3333-333333333333" name="S" plainTextPath="{path}">'
        f'<PlainTextSelection guid="44444444-4444-4444-4444-444444444444" startPosition="{start}" '
        f'endPosition="{end}"><Coding guid="55555555-5555-5555-5555-555555555555" '
        'creatingUser="11111111-1111-1111-1111-111111111111" creationDateTime="2024-03-01T10:00:00Z">'
        '<CodeRef targetGUID="22222222-2222-2222-2222-222222222222"/></Coding></PlainTextSelection>'
        "</TextSource></Sources></Project>"
    )


# BOM, CRLF line ends, an emoji (two UTF-16 units) and a decomposed "é" (two code points, NFC one).
RAW = "\ufeffZeile eins 😀\r\nZweite Zeile: Cafe\u0301 Flurfunk\r\n"


@pytest.mark.parametrize(
    ("origin", "unit_of"),
    [
        ("NVivo 14 (Windows)", lambda s: len(s.encode("utf-16-le")) // 2),
        ("MAXQDA 24", len),
        ("qc 1.3.2", len),
    ],
)
def test_positions_follow_the_writing_tool(tmp_path: Path, origin: str, unit_of: Any) -> None:
    body = RAW.lstrip("\ufeff")
    start = unit_of(body[: body.index("Flurfunk")])
    qdpx = make_qdpx(
        tmp_path / "p.qdpx",
        _one_source_project(origin, start, start + 8),
        {"Sources/s.txt": RAW.encode("utf-8-sig" if "NVivo" not in origin else "utf-16")},
    )
    store = new_store(tmp_path)
    report = import_project(store, qdpx, actor="t")
    assert report.codings_imported == 1, report
    (coding,) = list_codings(store)
    assert coding.text == "Flurfunk"
    assert coding.created_at == "2024-03-01T10:00:00.000+00:00"
    text = store.one("SELECT text FROM documents")["text"]  # type: ignore[index]
    assert text[coding.start : coding.end] == "Flurfunk" and "Café" in text and "\r" not in text


def test_a_selection_on_a_decomposed_character_covers_the_composed_one(tmp_path: Path) -> None:
    body = RAW.lstrip("\ufeff")
    start = body.index("Cafe")
    qdpx = make_qdpx(
        tmp_path / "p.qdpx", _one_source_project("qc", start, start + 5), {"sources/s.txt": RAW.encode()}
    )
    store = new_store(tmp_path)
    import_project(store, qdpx, actor="t")
    assert [c.text for c in list_codings(store)] == ["Café"]


def test_missing_source_file_is_reported_and_the_rest_imported(tmp_path: Path) -> None:
    qde = _one_source_project("qc", 0, 5).replace(
        "</Sources>",
        '<TextSource guid="66666666-6666-6666-6666-666666666666" name="Fehlt" plainTextPath="internal://gone.txt"/>'
        '<PDFSource guid="77777777-7777-7777-7777-777777777777" name="Scan" path="internal://scan.pdf"/>'
        "</Sources>",
    )
    qdpx = make_qdpx(tmp_path / "p.qdpx", qde, {"sources/s.txt": b"Hallo Welt, hier ist Text."})
    store = new_store(tmp_path)
    report = import_project(store, qdpx, actor="t")
    assert report.missing_sources == ["Fehlt (internal://gone.txt)"]
    assert report.skipped_sources == ["Scan (PDFSource: only text sources are imported)"]
    assert (report.documents_imported, report.codings_imported) == (1, 1)
    assert [c.text for c in list_codings(store)] == ["Hallo"]


def test_selection_outside_the_text_is_a_warning(tmp_path: Path) -> None:
    qdpx = make_qdpx(tmp_path / "p.qdpx", _one_source_project("qc", 3, 999), {"sources/s.txt": b"kurz"})
    store = new_store(tmp_path)
    report = import_project(store, qdpx, actor="t")
    assert report.codings_imported == 0 and report.documents_imported == 1
    assert "lies outside the text (0-4)" in report.warnings[0]


def test_plain_text_content_and_cases_become_text_and_attributes(tmp_path: Path) -> None:
    qde = (
        '<Project xmlns="urn:QDA-XML:project:0.10" name="p" origin="ATLAS.ti">'
        '<Variables><Variable guid="88888888-8888-8888-8888-888888888888" name="Alter" '
        'typeOfVariable="Integer"/>'
        '</Variables><Cases><Case guid="99999999-9999-9999-9999-999999999999" name="Inline: P1">'
        "<VariableValue>"
        '<VariableRef targetGUID="88888888-8888-8888-8888-888888888888"/><IntegerValue>42</IntegerValue>'
        '</VariableValue><SourceRef targetGUID="33333333-3333-3333-3333-333333333333"/></Case></Cases>'
        '<Sources><TextSource guid="{33333333-3333-3333-3333-333333333333}" name="Inline">'
        "<PlainTextContent>Inline-Text ohne Datei.</PlainTextContent></TextSource></Sources></Project>"
    )
    store = new_store(tmp_path)
    report = import_project(store, make_qdpx(tmp_path / "p.qdpx", qde), actor="t")
    assert report.documents_imported == 1
    (doc,) = list_documents(store)
    assert (doc.name, doc.attributes) == ("Inline", {"Alter": "42"})


NOTES_QDE = (
    '<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="QualCoder 3.5">'
    '<CodeBook><Codes><Code guid="22222222-2222-2222-2222-222222222222" name="A" isCodable="true">'
    '<NoteRef targetGUID="AAAAAAAA-0000-0000-0000-000000000001"/></Code></Codes></CodeBook>'
    '<Sources><TextSource guid="33333333-3333-3333-3333-333333333333" name="S">'
    "<PlainTextContent>Ein kurzer Text.</PlainTextContent>"
    '<PlainTextSelection guid="44444444-4444-4444-4444-444444444444" startPosition="4" endPosition="10">'
    '<Description>Auffällig.</Description><Coding guid="55555555-5555-5555-5555-555555555555" '
    'creatingUser="99999999-0000-0000-0000-000000000009">'
    '<CodeRef targetGUID="22222222-2222-2222-2222-222222222222"/></Coding>'
    '<NoteRef targetGUID="AAAAAAAA-0000-0000-0000-000000000002"/></PlainTextSelection>'
    '<NoteRef targetGUID="AAAAAAAA-0000-0000-0000-000000000003"/></TextSource></Sources>'
    "<Notes>"
    '<Note guid="AAAAAAAA-0000-0000-0000-000000000001" name="Zum Code">'
    "<PlainTextContent>C</PlainTextContent></Note>"
    '<Note guid="AAAAAAAA-0000-0000-0000-000000000002"><PlainTextContent>Zur Stelle</PlainTextContent></Note>'
    '<Note guid="AAAAAAAA-0000-0000-0000-000000000003" name="Zum Text">'
    "<PlainTextContent>D</PlainTextContent></Note>"
    '<Note guid="AAAAAAAA-0000-0000-0000-000000000004" name="Frei">'
    "<PlainTextContent>P</PlainTextContent></Note>"
    "</Notes></Project>"
)


def test_notes_become_memos_of_codes_documents_codings_and_the_project(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    report = import_project(store, make_qdpx(tmp_path / "n.qdpx", NOTES_QDE), actor="t")
    assert (report.codings_imported, report.memos_imported) == (1, 3)
    (coding,) = list_codings(store)
    assert (coding.text, coding.memo, coding.coder) == ("kurzer", "Auffällig.\n\nZur Stelle", "user-99999999")
    memos = store.query(
        "SELECT m.title, m.text, d.name AS document, c.name AS code FROM memos m "
        "LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN codes c ON c.id = m.code_id ORDER BY m.title"
    )
    assert [(m["title"], m["text"], m["document"], m["code"]) for m in memos] == [
        ("Frei", "P", None, None),
        ("Zum Code", "C", None, "A"),
        ("Zum Text", "D", "S", None),
    ]


def test_an_upload_of_another_type_is_refused(tmp_path: Path) -> None:
    from toolkit.errors import ImportFailed
    from toolkit.exchange.refi import import_upload

    with pytest.raises(ImportFailed, match=r"use a \.qdpx project or a \.qdc codebook"):
        import_upload(new_store(tmp_path), b"x", "notes.docx", actor="t")


@needs_samples
def test_a_dry_run_reports_everything_and_stores_nothing(tmp_path: Path) -> None:
    from toolkit.store import last_change

    store = new_store(tmp_path)
    before = last_change(store)
    report = import_project(store, REFI_SAMPLES / "qc132_demo.qdpx", actor="t", dry_run=True)
    assert report.dry_run and (report.codes_added, report.codings_imported) == (262, 205)
    assert last_change(store) == before and code_tree(store) == []
    report = import_codebook(store, REFI_SAMPLES / "taguette141_codebook.qdc", actor="t", dry_run=True)
    assert report.codes_added == 3 and last_change(store) == before


def test_an_old_codebook_namespace_with_code_sets_reads(tmp_path: Path) -> None:
    qdc = (
        '<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="NVivo 12"><Codes>'
        '<Code guid="{2A2A2A2A-0000-0000-0000-000000000001}" name="Eltern" isCodable="false" color="#0F0">'
        '<Code guid="2a2a2a2a-0000-0000-0000-000000000002" name="Kind/Teil" isCodable="true"/></Code>'
        '</Codes><Sets><Set guid="2A2A2A2A-0000-0000-0000-000000000009" name="Auswahl">'
        '<MemberCode guid="2A2A2A2A-0000-0000-0000-000000000002"/></Set></Sets></CodeBook>'
    )
    store = new_store(tmp_path)
    report = import_codebook(store, qdc.encode(), actor="t", name="old.qdc")
    assert [(c.guid, c.path, c.colour) for c in code_tree(store)] == [
        ("2A2A2A2A-0000-0000-0000-000000000001", "Eltern", "#00FF00"),
        ("2A2A2A2A-0000-0000-0000-000000000002", "Eltern/Kind\u2215Teil", ""),
    ]
    assert any("code sets are not kept" in w and "Auswahl" in w for w in report.warnings)
    assert any("'/' separates code paths" in w for w in report.warnings)


# -- round trip through the real files of other tools (issue 15) ---------------------------------


@needs_samples
@pytest.mark.parametrize("sample", ["qc132_demo.qdpx", "maxqda24_icls.qdpx"])
def test_real_project_out_and_in_again_is_lossless_and_valid(tmp_path: Path, sample: str) -> None:
    """Everything REFI-QDA carries (codes with GUID, place, colour and description; texts, codings
    with positions and coders; attributes, sets; memos) survives import -> export -> import."""
    schema = _schema("Project.xsd")
    first = new_store(tmp_path, "first.db")
    import_project(first, REFI_SAMPLES / sample, actor="t")
    data = export_project(first)
    schema.validate(_qde(data))
    second = new_store(tmp_path, "second.db")
    report = import_project(second, data, actor="t", name="again.qdpx")
    assert report.missing_sources == [] and report.warnings == []
    before, after = snapshot(first), snapshot(second)
    for key in before:
        assert after[key] == before[key], key
    assert before["codes"] and before["texts"]
    # the export carries the other tool's codes as it wrote them, and every coding of its users
    _, original = read_qdpx((REFI_SAMPLES / sample).read_bytes(), sample)
    _, ours = read_qdpx(data, "export.qdpx")

    def codes(p: Any) -> set[tuple[str, ...]]:
        return {(c.guid, c.name, c.parent or "", c.colour.lower(), c.description) for c in p.codebook.codes}

    def codings(p: Any) -> list[tuple[str, str]]:
        users = {u.guid: u.name for u in p.users}
        return sorted(
            (c.code, users.get(c.user or sel.user or "", ""))
            for src in p.sources
            for sel in src.selections
            for c in sel.codings
        )

    assert codes(ours) == codes(original)
    assert codings(ours) == codings(original)
    # and the export of the copy is the same file (but for the project's name and when its
    # documents were imported here): nothing drifts on a second trip
    import re

    def comparable(qde: bytes) -> bytes:
        qde = re.sub(rb'(<TextSource [^>]*?) creationDateTime="[^"]*"', rb"\1", qde)
        return re.sub(rb'<Project ([^>]*?)name="[^"]*"', rb"<Project \1", qde)

    assert comparable(_qde(export_project(second))) == comparable(_qde(data))


@needs_samples
def test_real_taguette_codebook_out_and_in_again(tmp_path: Path) -> None:
    schema = _schema("Codebook.xsd")
    first = new_store(tmp_path, "first.db")
    import_codebook(first, REFI_SAMPLES / "taguette141_codebook.qdc", actor="t")
    data = export_codebook_qdc(first)
    schema.validate(data)
    second = new_store(tmp_path, "second.db")
    import_codebook(second, data, actor="t", name="again.qdc")
    assert snapshot(second)["codes"] == snapshot(first)["codes"]


# -- unique names for QualCoder (issue 15) -------------------------------------------------------


def test_unique_names_export_gives_every_code_its_own_name_and_reads_back(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    store = rich_project(tmp_path)
    add_code(store, "Mensch/Treiber/Offenheit/Lücken", actor="t")  # Lücken also below Information
    data = export_project(store, unique_names=True)
    _schema("Project.xsd").validate(_qde(data))
    names = [el.get("name") for el in ET.fromstring(_qde(data)).iter() if el.tag.endswith("}Code")]
    assert len(names) == len(set(names)) == len(code_tree(store))
    assert {"Treiber (Information)", "Treiber (Mensch)"} <= set(names)
    assert {"Lücken (Herausforderungen)", "Lücken (Offenheit)"} <= set(names)
    assert "Information" in names and "Transparenz" in names  # names used once stay as they are
    # QualCoder gives codes new GUIDs on export: back here they are found by their path again
    qde = _qde(data).decode()
    for c in code_tree(store):
        qde = qde.replace(c.guid, str(uuid.uuid5(uuid.NAMESPACE_OID, c.guid)).upper())
    copy = new_store(tmp_path, "copy.db")
    import_project(copy, make_qdpx(tmp_path / "qc.qdpx", qde, _sources(data)), actor="t")
    assert [c.path for c in code_tree(copy)] == [c.path for c in code_tree(store)]
    again = import_project(store, make_qdpx(tmp_path / "qc2.qdpx", qde, _sources(data)), actor="t")
    assert (again.codes_added, again.codes_updated) == (0, 0)


def _sources(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.startswith("sources/")}


def test_cli_project_export_unique_names(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from toolkit.cli import cli

    store_with_codebook(tmp_path).close()
    out = tmp_path / "qc.qdpx"
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "p.db"), "project", "export", "--unique-names", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert b'name="Treiber (Mensch)"' in _qde(out.read_bytes())


def test_case_segments_give_each_speaker_case_its_turns_and_read_back_cleanly(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    store = rich_project(tmp_path)
    data = export_project(store, unique_names=True, case_segments=True)
    _schema("Project.xsd").validate(_qde(data))
    root = ET.fromstring(_qde(data))
    ns = {"q": "urn:QDA-XML:project:1.0"}
    cases = {c.get("guid"): c.get("name") for c in root.iterfind("q:Cases/q:Case", ns)}
    code_guids = {c.get("guid") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    # what QualCoder does: a code with a case's GUID gives that case its coded selections
    segments: dict[str, list[tuple[int, int]]] = {}
    for src in root.iterfind("q:Sources/q:TextSource", ns):
        for sel in src.iterfind("q:PlainTextSelection", ns):
            for ref in sel.iterfind("q:Coding/q:CodeRef", ns):
                if ref.get("targetGUID") in cases:
                    name = cases[ref.get("targetGUID")]
                    segments.setdefault(name, []).append(
                        (int(sel.get("startPosition")), int(sel.get("endPosition")))
                    )
    expected = {
        f"{d.name}: {speaker}": [
            (t.start, t.end) for t in document_turns(store, d.name) if t.speaker == speaker
        ]
        for d in list_documents(store)
        for speaker in {t.speaker for t in document_turns(store, d.name)}
    }
    assert set(cases) <= code_guids
    assert segments == expected and segments
    # back here: no code per case, no coding per turn, and the same project as without them
    copy = new_store(tmp_path, "copy.db")
    report = import_project(copy, data, actor="t", name="qc.qdpx")
    assert snapshot(copy) == snapshot(import_plain(tmp_path, store))
    assert any("case segments" in w for w in report.warnings)


def import_plain(tmp_path: Path, store: Store) -> Store:
    plain = new_store(tmp_path, "plain.db")
    import_project(plain, export_project(store), actor="t", name="plain.qdpx")
    return plain


def test_document_sets_go_out_as_sets_and_merge_back_without_losing_members(tmp_path: Path) -> None:
    """Sets out as <Sets><Set><MemberSource> (valid against the schema); read back into a project
    that has the same set with other members, the members are added and none is taken away."""
    import xml.etree.ElementTree as ET

    store = rich_project(tmp_path)
    data = export_project(store)
    _schema("Project.xsd").validate(_qde(data))
    ns = "{urn:QDA-XML:project:1.0}"
    root = ET.fromstring(_qde(data))
    out = {s.get("name"): len(s.findall(f"{ns}MemberSource")) for s in root.iter(f"{ns}Set")}
    assert out == {"Leer": 0, "Pilot": 1, "Welle 1": 2}
    # a project with "Welle 1" holding another document, and no "Pilot"
    other = new_store(tmp_path, "other.db")
    third = add_text(other, "I: Wer noch?\n\nB: Die Stadt C.\n", "c.txt")
    create_set(other, "Welle 1", [third], actor="t")
    report = import_project(other, data, actor="t", name="rich.qdpx")
    assert (report.sets_created, report.set_members_added) == (2, 3)
    sets = {s.name: s.documents for s in list_sets(other)}
    assert sets == {"Leer": (), "Pilot": ("a",), "Welle 1": ("a", "b", "c")}
    # a dry run reports the sets and stores none; the same file again changes nothing
    fresh = new_store(tmp_path, "fresh.db")
    dry = import_project(fresh, data, actor="t", name="rich.qdpx", dry_run=True)
    assert (dry.sets_created, dry.set_members_added, list_sets(fresh)) == (3, 3, [])
    again = import_project(other, data, actor="t", name="rich.qdpx")
    assert (again.sets_created, again.set_members_added) == (0, 0)
    add_to_set(other, "Pilot", ["c"], actor="t")
    import_project(other, data, actor="t", name="rich.qdpx")
    assert {s.name: s.documents for s in list_sets(other)}["Pilot"] == ("a", "c")


def test_sets_kept_as_an_attribute_by_older_projects_are_exported_as_sets(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    doc = add_text(store, "I: Alt?\n\nB: Ja.\n", "alt.txt")
    set_attributes(store, doc, {"sets": "Welle 1; Pilot"}, actor="t")
    create_set(store, "Welle 1", actor="t")  # the same name as a set: one set, with the GUID of the set
    data = export_project(store)
    _schema("Project.xsd").validate(_qde(data))
    copy = new_store(tmp_path, "copy.db")
    import_project(copy, data, actor="t", name="alt.qdpx")
    assert {s.name: s.documents for s in list_sets(copy)} == {"Pilot": ("alt",), "Welle 1": ("alt",)}
    [welle] = [s for s in sets_with_guids(copy) if s.name == "Welle 1"]
    assert welle.guid == store.one("SELECT guid FROM document_sets WHERE name = 'Welle 1'")["guid"]  # type: ignore[index]
