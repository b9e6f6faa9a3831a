"""Projects in the app (AppTest): the current project opens, the sidebar and the page Projekte switch
and create projects, a link may switch to a recent project; the CLI follows the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from app_pages.switcher import picker_key
from tests._factories import MINI_CODEBOOK, SHIPPED_CODEBOOK, add_text
from toolkit.accounts import add_user, set_team_mode
from toolkit.cli import cli
from toolkit.codebook import load_codebook
from toolkit.codes import list_codes
from toolkit.project import init_project
from toolkit.projects import CONFIG_ENV, current_project, recent_projects, remember_project
from toolkit.store import open_store

ROOT = Path(__file__).resolve().parents[1]
PAGE = "app_pages/projects.py"


def make(path: Path, document: str, coders: tuple[str, ...] = ("anna",)) -> Path:
    init_project(path, codebook=None, actor="t")
    with open_store(path) as store:
        add_text(store, "I: Frage?\n\nB: Antwort.\n", f"{document}.txt")
        for coder in coders:
            from toolkit.codings import add_coder

            add_coder(store, coder)
    return path


@pytest.fixture()
def two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    monkeypatch.delenv("CODING_TOOLKIT_DB", raising=False)
    monkeypatch.chdir(ROOT)
    a = make(tmp_path / "a.db", "interview_alpha")
    b = make(tmp_path / "b.db", "interview_beta", coders=("ben",))
    remember_project(a, name="Alpha")
    remember_project(b, name="Beta")  # current
    return a, b


def app(page: str | None = PAGE, coder: str | None = "anna", **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if coder:
        at.session_state["app_coder"] = coder
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def documents_shown(at: AppTest) -> list[str]:
    at.switch_page("app_pages/overview.py").run()
    return list(at.dataframe[0].value["Dokument"])


def test_the_app_opens_the_current_project_and_the_sidebar_switches(two: tuple[Path, Path]) -> None:
    a, b = two
    at = app(page=None)
    picker = at.selectbox(key=picker_key(str(b)))
    assert picker.value == str(b)
    assert [picker.format_func(o) for o in picker.options] == ["Beta", "Alpha"]
    assert documents_shown(at) == ["interview_beta"]
    at.selectbox(key=picker_key(str(b))).set_value(str(a)).run()
    assert not at.exception
    assert documents_shown(at) == ["interview_alpha"]
    assert at.session_state["app_coder"] == "anna"  # alpha has anna too
    assert current_project() == a
    result = CliRunner().invoke(cli, ["documents"])  # the CLI follows the app
    assert "interview_alpha" in result.output and "interview_beta" not in result.output


def test_the_page_lists_recent_projects_and_opens_one(two: tuple[Path, Path]) -> None:
    a, _ = two
    at = app()
    assert "Geöffnet: **Beta**" in at.markdown[0].value
    open_buttons = [btn for btn in at.button if btn.label == "Öffnen"]
    assert [btn.disabled for btn in open_buttons] == [True, False]  # Beta is open already
    open_buttons[1].click().run()
    assert not at.exception
    assert "Geöffnet: **Alpha**" in at.markdown[0].value
    assert at.session_state["app_store"].path == str(a)
    assert at.session_state["app_coder"] == "anna"  # kept: Alpha has anna too


@pytest.mark.parametrize(
    ("choice", "codes"), [("empty", 0), ("shipped", len(load_codebook(SHIPPED_CODEBOOK).codes))]
)
def test_a_new_project_is_created_opened_and_current(
    two: tuple[Path, Path], tmp_path: Path, choice: str, codes: int
) -> None:
    at = app()
    at.text_input(key="projects_new_name").input("Studie Ärztinnen 2027")
    at.text_input(key="projects_new_folder").input(str(tmp_path / "neu"))
    at.radio(key="projects_new_codebook").set_value(choice)
    at.run()
    assert any(str(tmp_path / "neu" / "studie-arztinnen-2027.db") in c.value for c in at.caption)
    at.button(key="projects_create").click().run()
    assert not at.exception and not at.error
    created = tmp_path / "neu" / "studie-arztinnen-2027.db"
    assert created.exists()
    assert "Geöffnet: **Studie Ärztinnen 2027**" in at.markdown[0].value
    assert current_project() == created
    assert [p.name for p in recent_projects()] == ["Studie Ärztinnen 2027", "Beta", "Alpha"]
    with open_store(created) as store:
        assert len(list_codes(store)) == codes


def test_creating_without_a_name_or_codebook_file_says_so_and_creates_nothing(
    two: tuple[Path, Path], tmp_path: Path
) -> None:
    at = app()
    at.text_input(key="projects_new_folder").input(str(tmp_path / "neu")).run()
    at.button(key="projects_create").click().run()
    assert "Namen" in at.error[0].value
    at.text_input(key="projects_new_name").input("Studie").run()
    at.radio(key="projects_new_codebook").set_value("file").run()
    at.button(key="projects_create").click().run()
    assert "Codebuch-Datei wählen" in at.error[0].value
    assert not (tmp_path / "neu").exists()
    assert len(recent_projects()) == 2


def test_opening_a_file_that_is_no_project_is_refused(two: tuple[Path, Path], tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("keine Datenbank", encoding="utf-8")
    at = app()
    at.text_input(key="projects_open_path").input(str(other)).run()
    at.button(key="projects_open_file").click().run()
    assert "keine Projektdatei" in at.error[0].value
    assert current_project() == two[1]


def test_a_link_switches_to_a_recent_project_only(two: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = two
    at = app(page=None, project=str(a), doc="interview_alpha", start="0", end="1")
    assert at.session_state["app_store"].path == str(a)
    assert "project" not in at.query_params and at.query_params["doc"] == "interview_alpha"
    stranger = make(tmp_path / "c.db", "interview_gamma")
    at = app(page=None, project=str(stranger))
    assert "nicht unter den zuletzt geöffneten" in at.warning[0].value
    assert at.session_state["app_store"].path == str(a)  # the current project since the first link


def test_in_team_mode_the_server_keeps_its_project(two: tuple[Path, Path]) -> None:
    a, b = two
    with open_store(b) as store:
        add_user(store, "lena", role="lead", actor="t", password="ein langes Passwort")
        set_team_mode(store, True, actor="lena")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["project"] = str(a)
    at.run()
    assert at.session_state["app_store"].path == str(b)
    assert not [s for s in at.selectbox if s.key and s.key.startswith("app_project_pick")]
    remember_project(a)  # someone on the server makes another project current: new tabs keep b
    assert AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run().session_state[
        "app_store"
    ].path == str(b)


def test_a_missing_current_project_leads_to_the_page_projekte(two: tuple[Path, Path]) -> None:
    _, b = two
    b.unlink()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert "no project here" in at.error[0].value or "kein Projekt" in at.error[0].value
    assert at.title[0].value == "Projekte"
    assert not b.exists()


def test_a_new_project_from_an_uploaded_codebook_and_a_bad_file_refused(
    two: tuple[Path, Path], tmp_path: Path
) -> None:
    at = app()
    at.text_input(key="projects_new_folder").input(str(tmp_path / "neu"))
    at.text_input(key="projects_new_name").input("Mit Datei")
    at.radio(key="projects_new_codebook").set_value("file").run()
    at.file_uploader(key="projects_new_file").upload("kaputt.yaml", b"codes:\n  - name: [offen\n").run()
    at.button(key="projects_create").click().run()
    shown = at.error[0].value.replace("\\", "")  # Markdown escapes off
    assert shown.startswith("Codebuch kaputt.yaml, Zeile 2: kein gültiges YAML")
    assert not (tmp_path / "neu" / "mit-datei.db").exists()
    at.file_uploader(key="projects_new_file").set_value(
        ("mini.yaml", MINI_CODEBOOK.encode(), "text/yaml")
    ).run()
    at.button(key="projects_create").click().run()
    assert not at.error
    created = tmp_path / "neu" / "mit-datei.db"
    assert current_project() == created
    with open_store(created) as store:
        assert "Information/Herausforderungen/Lücken" in {c.path for c in list_codes(store)}
