"""Pages show library errors in one place (app_pages.ui.error), in the tab's language: undo on
Kodieren after another coder deleted the coding says so in a sentence, not with an exception
(issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from toolkit.codings import add_coding, delete_coding
from toolkit.project import ROOT, create_demo
from toolkit.settings import set_personal
from toolkit.store import open_store

GONE_DE = "Die Codierung gibt es nicht mehr (jemand hat sie gelöscht); nichts rückgängig zu machen."
GONE_EN = "the coding no longer exists; nothing to undo"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("page_errors") / "demo.db"
    create_demo(db, ROOT, actor="test")
    return db


@pytest.fixture()
def db(tmp_path: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "demo.db"
    target.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("CODING_TOOLKIT_DB", str(target))
    monkeypatch.chdir(ROOT)
    store = open_store(target)
    coding = add_coding(store, "gruppendiskussion", 10, 20, "Mensch/Treiber/Digitale Haltung", coder="anna")
    delete_coding(store, coding.guid, actor="ben")  # another coder deletes it (single-user mode)
    store.close()
    return target


def code_page(**state: object) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.session_state["app_coder"] = "anna"
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(("language", "expected"), [("de", GONE_DE), ("en", GONE_EN)])
def test_undo_after_another_coder_deleted_the_coding_shows_a_sentence(
    db: Path, language: str, expected: str
) -> None:
    with open_store(db) as store:
        set_personal(store, "anna", "language", language)  # anna's own choice of language
    at = code_page()
    at.button(key="code_undo").click().run()
    assert not at.exception, at.exception
    shown = [e.value for e in at.error]
    assert any(expected in text.replace("\\", "") for text in shown), shown
