"""The app in team mode through AppTest: the login form comes before anything else, a login opens the
pages of one's role, the Team page manages accounts, and logout or expiry return to the login."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from toolkit.accounts import add_user, authenticate, disable, list_users, set_team_mode
from toolkit.codings import add_coding
from toolkit.documents import import_upload
from toolkit.project import DEFAULT_CODEBOOK, init_project
from toolkit.store import open_store

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "korrekt-pferd-9"
SECRET = "Zebrastreifen"
LEAD_PAGES = ("documents", "consensus", "team")


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "team.db"
    init_project(path, codebook=DEFAULT_CODEBOOK, actor="setup")
    with open_store(path) as store:
        result = import_upload(
            store, f"I: Wo ist der {SECRET}?\n\nB: Vor dem Rathaus.\n".encode(), "geheim.txt", actor="setup"
        )
        add_user(store, "lena", role="lead", actor="setup", password=PASSWORD)
        add_user(store, "anna", role="coder", actor="setup", password=PASSWORD)
        add_coding(store, result.document, 3, 9, "Information", coder="anna")
        set_team_mode(store, True, actor="setup")
    monkeypatch.setenv("CODING_TOOLKIT_DB", str(path))
    monkeypatch.chdir(ROOT)
    return path


def shown(at: AppTest) -> str:
    """Everything the run sent to the browser, as text: the protos of all elements and blocks."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


def login(name: str, password: str = PASSWORD) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(str(ROOT / "app_pages" / f"{page}.py")).run()
    assert not at.exception, at.exception
    return at


def test_first_render_is_only_the_login_form(db: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Anmelden"]
    assert [t.label for t in at.text_input] == ["Name", "Passwort"]
    assert len(at.sidebar) == 0  # no coder choice, no navigation entries
    screen = shown(at)
    assert SECRET not in screen and "geheim" not in screen and "anna" not in screen
    assert not at.dataframe and not at.selectbox
    with pytest.raises(ValueError):  # no other page is reachable
        open_page(at, "code")


def test_wrong_password_stays_on_the_login(db: Path) -> None:
    at = login("anna", "falsch-falsch")
    assert "Anmeldung fehlgeschlagen" in at.error[0].value
    assert "app_token" not in at.session_state
    assert [t.value for t in at.title] == ["Anmelden"]
    assert SECRET not in shown(at)


def test_a_coder_codes_as_herself_and_gets_no_lead_pages(db: Path) -> None:
    at = login("anna")
    assert at.session_state["app_coder"] == "anna"
    assert "anna" in at.sidebar.markdown[0].value and "Kodierer:in" in at.sidebar.markdown[0].value
    assert "Wer kodiert?" not in [s.label for s in at.sidebar.selectbox]  # no free choice of the coder
    assert SECRET in shown(at)  # the transcript is there now
    open_page(at, "analysis")
    open_page(at, "overview")
    assert [t.value for t in at.title] == ["Projekt"]
    open_page(at, "codebook")  # read, not edit
    assert [t.value for t in at.title] == ["Codebuch"] and at.expander
    assert "Bearbeiten" not in [h.value for h in at.subheader] and not at.main.segmented_control
    for page in LEAD_PAGES:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(str(ROOT / "app_pages" / f"{page}.py"))


def test_a_lead_adds_an_account_on_the_team_page(db: Path) -> None:
    at = open_page(login("lena"), "team")
    assert [t.value for t in at.title] == ["Team"]
    assert list(at.dataframe[0].value["Name"]) == ["anna", "lena"]
    at.text_input[0].input("ben")
    at.text_input[1].input("ein-gutes-passwort")
    at.text_input[2].input("ein-gutes-passwort")
    at.button(key="FormSubmitter:team_add-Anlegen").click().run()
    assert not at.exception
    assert "ben angelegt" in at.success[0].value
    with open_store(db) as store:
        assert [(u.name, u.role) for u in list_users(store)] == [
            ("anna", "coder"),
            ("ben", "coder"),
            ("lena", "lead"),
        ]
        assert authenticate(store, "ben", "ein-gutes-passwort")
    for page in LEAD_PAGES:
        open_page(at, page)
    open_page(at, "codebook")
    assert "Bearbeiten" in [h.value for h in at.subheader]


def test_logout_and_disabling_return_to_the_login(db: Path) -> None:
    at = login("anna")
    at.sidebar.button(key="app_logout").click().run()
    assert [t.value for t in at.title] == ["Anmelden"]
    assert "app_coder" not in at.session_state
    at = login("anna")
    with open_store(db) as store:
        disable(store, "anna", actor="lena")
    at.run()
    assert [t.value for t in at.title] == ["Anmelden"]
    assert SECRET not in shown(at)


def test_single_user_mode_keeps_the_coder_gate(db: Path) -> None:
    with open_store(db) as store:
        set_team_mode(store, False, actor="lena")
    at: Any = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert "Wer kodiert?" in [s.label for s in at.sidebar.selectbox]
    open_page(at, "team")
    assert [t.value for t in at.title] == ["Team"]
