"""Exchange files are untrusted: hostile or broken .qdpx/.qdc files are refused with one clear line,
and nothing of them reaches the project."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from _factories import make_qdpx, new_store

from toolkit.errors import ImportFailed, PermissionDenied
from toolkit.exchange.refi import export_project, import_codebook, import_project
from toolkit.store import Store, last_change, now

VALID_QDE = (
    '<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="qc">'
    '<CodeBook><Codes><Code guid="22222222-2222-2222-2222-222222222222" name="A" isCodable="true"/></Codes>'
    '</CodeBook><Sources><TextSource guid="33333333-3333-3333-3333-333333333333" name="S" '
    'plainTextPath="internal://s.txt"/></Sources></Project>'
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>'
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>'
)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


HOSTILE = [
    ("billion laughs", _zip({"project.qde": LAUGHS.encode()}), "DTD or entities"),
    ("external entity", _zip({"project.qde": XXE.encode()}), "DTD or entities"),
    (
        "zip bomb",
        _zip({"project.qde": VALID_QDE.encode(), "sources/s.txt": b"\0" * (8 * 1024 * 1024)}),
        "only zip bombs are",
    ),
    ("path traversal", _zip({"project.qde": VALID_QDE.encode(), "../s.txt": b"evil"}), "points outside"),
    ("absolute path", _zip({"project.qde": VALID_QDE.encode(), "/etc/s.txt": b"evil"}), "points outside"),
    ("not a zip", b"PK but not really a zip file", "not a zip archive"),
    ("no project.qde", _zip({"sources/s.txt": b"text"}), "has no project.qde"),
    ("broken XML", _zip({"project.qde": b"<Project name='p'><Users>"}), "not well-formed XML"),
    ("wrong root", _zip({"project.qde": b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>'}), "not <Project>"),
]


@pytest.mark.parametrize(("label", "data", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_projects_are_refused_and_change_nothing(
    tmp_path: Path, label: str, data: bytes, message: str
) -> None:
    store = new_store(tmp_path)
    before = last_change(store)
    with pytest.raises(ImportFailed) as err:
        import_project(store, data, actor="t", name="evil.qdpx")
    text = str(err.value)
    assert message in text and "\n" not in text and text.startswith("evil.qdpx")
    assert last_change(store) == before
    assert store.one("SELECT count(*) AS n FROM codes") == {"n": 0}


@pytest.mark.parametrize("xml", [LAUGHS.replace("Project", "CodeBook"), XXE.replace("Project", "CodeBook")])
def test_hostile_codebooks_are_refused(tmp_path: Path, xml: str) -> None:
    store = new_store(tmp_path)
    with pytest.raises(ImportFailed, match="DTD or entities"):
        import_codebook(store, xml.encode(), actor="t", name="evil.qdc")
    assert store.one("SELECT count(*) AS n FROM codes") == {"n": 0}


def test_a_bad_selection_position_rolls_back_everything(tmp_path: Path) -> None:
    qde = VALID_QDE.replace(
        'plainTextPath="internal://s.txt"/>',
        'plainTextPath="internal://s.txt"><PlainTextSelection guid="44444444-4444-4444-4444-444444444444" '
        'startPosition="zero" endPosition="3"/></TextSource>',
    )
    store = new_store(tmp_path)
    before = last_change(store)
    with pytest.raises(ImportFailed, match="startPosition='zero', which is not a whole number"):
        import_project(store, make_qdpx(tmp_path / "p.qdpx", qde, {"sources/s.txt": b"Text"}), actor="t")
    assert last_change(store) == before


def test_member_names_are_reduced_to_their_base_name(tmp_path: Path) -> None:
    qde = VALID_QDE.replace("internal://s.txt", "C:\\Users\\x\\Documents\\nested/s.txt")
    store = new_store(tmp_path)
    report = import_project(
        store, make_qdpx(tmp_path / "p.qdpx", qde, {"Sources/deeper/s.txt": b"Gefunden."}), actor="t"
    )
    assert report.documents_imported == 1
    assert store.one("SELECT text FROM documents") == {"text": "Gefunden."}


def _team(store: Store) -> None:
    """Team mode with a lead (lea) and a coder (cora), written straight into the accounts table."""
    with store.write("t") as w:
        w.execute(
            "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
            "role TEXT NOT NULL, password_hash TEXT, created_at TEXT NOT NULL, "
            "disabled INTEGER NOT NULL DEFAULT 0)"
        )
        for name, role in (("lea", "lead"), ("cora", "coder")):
            w.execute("INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)", (name, role, now()))
        w.set_setting("team_mode", "1")


def test_only_a_lead_imports_a_project_in_team_mode(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    _team(store)
    qdpx = make_qdpx(tmp_path / "p.qdpx", VALID_QDE, {"sources/s.txt": b"Text"})
    with pytest.raises(PermissionDenied, match="may not import a project"):
        import_project(store, qdpx, actor="cora")
    assert store.one("SELECT count(*) AS n FROM documents") == {"n": 0}
    assert import_project(store, qdpx, actor="lea").documents_imported == 1


def test_only_a_lead_exports_every_coders_codings_in_team_mode(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    _team(store)
    with pytest.raises(PermissionDenied, match="may not export the project"):
        export_project(store, actor="cora")
    assert export_project(store, actor="lea").startswith(b"PK")


def test_codes_nested_absurdly_deep_are_refused(tmp_path: Path) -> None:
    deep = "".join(
        f'<Code guid="00000000-0000-0000-0000-{i:012d}" name="c{i}" isCodable="true">' for i in range(500)
    )
    xml = f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{deep}{"</Code>" * 500}</Codes></CodeBook>'
    store = new_store(tmp_path)
    with pytest.raises(ImportFailed, match="nested deeper than 100 levels"):
        import_codebook(store, xml.encode(), actor="t", name="deep.qdc")
