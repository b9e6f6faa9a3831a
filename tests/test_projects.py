"""The recent-projects list that the app and the CLI share, and creating projects from the app."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests._factories import MINI_CODEBOOK, SHIPPED_CODEBOOK, store_with_codebook
from toolkit.codebook import load_codebook
from toolkit.codes import list_codes
from toolkit.errors import CodebookError, Conflict, ImportFailed, InvalidValue, NotFound
from toolkit.exchange.refi import export_codebook_qdc
from toolkit.project import init_project
from toolkit.projects import (
    CONFIG_ENV,
    EMPTY,
    FALLBACK_DB,
    MAX_RECENT,
    SHIPPED,
    check_project,
    config_dir,
    create_project,
    current_project,
    default_db,
    file_name,
    forget_project,
    is_recent,
    new_project_path,
    open_project,
    recent_file,
    recent_projects,
    remember_project,
)
from toolkit.store import open_store


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    return folder


def project(tmp_path: Path, name: str = "p.db") -> Path:
    path = tmp_path / name
    init_project(path, codebook=None, actor="t")
    return path


def test_config_folder_follows_the_override_then_xdg_then_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert config_dir() == tmp_path / "config"
    monkeypatch.delenv(CONFIG_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_dir() == tmp_path / "xdg" / "coding-toolkit"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert config_dir() == tmp_path / "home" / ".config" / "coding-toolkit"


def test_no_list_yet_means_the_fallback_project(tmp_path: Path) -> None:
    assert recent_projects() == []
    assert current_project() is None
    assert default_db() == FALLBACK_DB


def test_the_project_opened_last_is_current_and_listed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = project(tmp_path, "a.db"), project(tmp_path, "b.db")
    monkeypatch.chdir(tmp_path)
    remember_project("a.db", name="Studie A", when=datetime(2026, 11, 1, 9, 0, tzinfo=UTC))
    remember_project(b)
    remember_project("a.db")  # again: back on top, the name kept
    listed = recent_projects()
    assert [p.path for p in listed] == [str(a), str(b)]  # absolute, so the CLI finds it from anywhere
    assert listed[0].name == "Studie A" and listed[1].name == "b"
    assert listed[0].opened != "2026-11-01T09:00:00Z"
    assert current_project() == a and default_db() == str(a)
    assert is_recent(b) and not is_recent(tmp_path / "c.db")
    stored = json.loads(recent_file().read_text(encoding="utf-8"))
    assert [p["path"] for p in stored["projects"]] == [str(a), str(b)]


def test_the_list_keeps_the_newest(tmp_path: Path) -> None:
    for i in range(MAX_RECENT + 3):
        remember_project(tmp_path / f"p{i}.db")
    listed = recent_projects()
    assert len(listed) == MAX_RECENT
    assert listed[0].path == str(tmp_path / f"p{MAX_RECENT + 2}.db")


def test_forgetting_takes_a_project_off_the_list_but_keeps_the_file(tmp_path: Path) -> None:
    a, b = project(tmp_path, "a.db"), project(tmp_path, "b.db")
    remember_project(a)
    remember_project(b)
    assert forget_project(b) is True
    assert forget_project(b) is False
    assert current_project() == a
    assert b.exists()


def test_a_damaged_list_reads_as_empty_and_is_replaced(tmp_path: Path, config: Path) -> None:
    config.mkdir()
    recent_file().write_text("{not json", encoding="utf-8")
    assert recent_projects() == []
    recent_file().write_text('{"projects": [{"path": 3}, "x", {"path": "/p/q.db"}]}', encoding="utf-8")
    assert [p.path for p in recent_projects()] == ["/p/q.db"]
    remember_project(tmp_path / "a.db")
    assert [p.name for p in recent_projects()] == ["a", "q"]


def test_only_a_project_file_can_be_opened_and_a_foreign_file_is_left_alone(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no project file here"):
        open_project(tmp_path / "missing.db")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    before = other.read_bytes()
    with pytest.raises(InvalidValue, match="not a coding-toolkit project"):
        open_project(other)
    assert other.read_bytes() == before
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(InvalidValue):
        check_project(text)
    assert recent_projects() == []
    good = project(tmp_path)
    assert open_project(good).path == str(good)
    assert current_project() == good


def test_file_names_come_from_the_project_name(tmp_path: Path) -> None:
    assert file_name("Studie Ärztinnen 2027") == "studie-arztinnen-2027.db"
    with pytest.raises(InvalidValue, match="letters or digits"):
        file_name("!!!")
    with pytest.raises(InvalidValue, match="no name"):
        new_project_path(tmp_path, "  ")
    project(tmp_path, "studie.db")
    with pytest.raises(Conflict, match="exists"):
        new_project_path(tmp_path, "Studie")
    assert new_project_path(tmp_path, "Studie 2") == tmp_path / "studie-2.db"


@pytest.mark.parametrize(
    ("choice", "codes"), [(SHIPPED, len(load_codebook(SHIPPED_CODEBOOK).codes)), (EMPTY, 0)]
)
def test_a_new_project_has_the_chosen_codebook_and_becomes_current(
    tmp_path: Path, choice: str, codes: int
) -> None:
    target = tmp_path / "neu" / "studie.db"
    entry = create_project(target, name="Studie", codebook=choice, actor="t")
    assert entry.name == "Studie" and current_project() == target
    with open_store(target) as store:
        assert len(list_codes(store)) == codes
    with pytest.raises(Conflict):
        create_project(target, name="Studie", actor="t")


def test_a_new_project_from_an_uploaded_yaml_or_qdc_codebook(tmp_path: Path) -> None:
    yaml_path = tmp_path / "y.db"
    create_project(yaml_path, name="Y", upload=("mini.yaml", MINI_CODEBOOK.encode()), actor="t")
    with open_store(yaml_path) as store:
        assert "Information/Herausforderungen/Lücken" in {c.path for c in list_codes(store)}
    source = store_with_codebook(tmp_path)
    qdc = export_codebook_qdc(source)
    source.close()
    qdc_path = tmp_path / "q.db"
    create_project(qdc_path, name="Q", upload=("aus-maxqda.qdc", qdc), actor="t")
    with open_store(qdc_path) as store:
        assert "Mensch/Treiber/Offenheit" in {c.path for c in list_codes(store)}
    assert [p.name for p in recent_projects()] == ["Q", "Y"]


@pytest.mark.parametrize(
    ("upload", "error", "message"),
    [
        (("bad.yaml", b"codes:\n  - name: [unclosed\n"), CodebookError, "bad.yaml"),
        (("none.yaml", b"title: x\n"), CodebookError, "no 'codes' list"),
        (("latin.yaml", "codes: Ä".encode("latin-1")), ImportFailed, "not UTF-8"),
        (("book.docx", b"PK"), ImportFailed, "unknown codebook type"),
        (
            ("empty.qdc", b"<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes/></CodeBook>"),
            ImportFailed,
            "no codes",
        ),
    ],
)
def test_a_bad_codebook_file_creates_nothing(
    tmp_path: Path, upload: tuple[str, bytes], error: type[Exception], message: str
) -> None:
    target = tmp_path / "x.db"
    with pytest.raises(error, match=message):
        create_project(target, name="X", upload=upload, actor="t")
    assert list(tmp_path.glob("x.db*")) == []
    assert recent_projects() == []
