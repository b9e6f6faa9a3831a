"""Smoke tests of the Streamlit app through AppTest: what a user sees on the overview page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from toolkit.codes import list_codes
from toolkit.documents import import_upload
from toolkit.project import DEFAULT_CODEBOOK, init_project
from toolkit.store import open_store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "app.db"
    init_project(db, codebook=DEFAULT_CODEBOOK, actor="test")
    with open_store(db) as store:
        import_upload(
            store,
            b"I: <script>alert(1)</script> [Link](http://x)\n\nB: **fett**\n",
            "xss.txt",
            actor="test",
        )
    monkeypatch.setenv("CODING_TOOLKIT_DB", str(db))
    monkeypatch.chdir(ROOT)
    return db


def test_overview_lists_documents_and_codes(project: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    assert at.title[0].value == "Projekt"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Dokumente"] == "1"
    with open_store(project) as store:
        assert metrics["Codes"] == str(len(list_codes(store)))
    docs = at.dataframe[0].value
    assert list(docs["Dokument"]) == ["xss"]
    assert [t.label for t in at.tabs] == ["Information", "Mensch", "Produkt", "Organisation"]


def test_missing_project_shows_how_to_create_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CODING_TOOLKIT_DB", str(tmp_path / "none.db"))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert at.error and "init" in at.error[0].value
    assert not (tmp_path / "none.db").exists()


def test_streamlit_config_keeps_data_local() -> None:
    config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert 'address = "127.0.0.1"' in config
    assert "gatherUsageStats = false" in config
    assert "maxUploadSize" in config
