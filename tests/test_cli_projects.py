"""The CLI's default project is the app's current project; `coding-toolkit projects` lists and
switches it; --db and CODING_TOOLKIT_DB still decide when given."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests._factories import add_text
from toolkit.cli import cli
from toolkit.project import init_project
from toolkit.projects import CONFIG_ENV, current_project, remember_project
from toolkit.store import open_store


@pytest.fixture(autouse=True)
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    monkeypatch.delenv("CODING_TOOLKIT_DB", raising=False)
    monkeypatch.chdir(tmp_path)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env={"CODING_TOOLKIT_USER": "t", **(env or {})})


def project_with(tmp_path: Path, name: str, document: str) -> Path:
    path = tmp_path / name
    init_project(path, codebook=None, actor="t")
    with open_store(path) as store:
        add_text(store, "I: Frage?\n\nB: Antwort.\n", f"{document}.txt")
    return path


def test_without_db_the_cli_works_on_the_project_the_app_opened(tmp_path: Path) -> None:
    a = project_with(tmp_path, "a.db", "interview_a")
    b = project_with(tmp_path, "sub/b.db", "interview_b")
    remember_project(a)
    remember_project(b)  # the app opened b last
    result = run("documents")
    assert result.exit_code == 0, result.output
    assert "interview_b" in result.output and "interview_a" not in result.output
    assert "interview_a" in run("--db", str(a), "documents").output  # --db decides
    assert "interview_a" in run("documents", env={"CODING_TOOLKIT_DB": str(a)}).output  # and the env


def test_without_any_project_the_cli_names_the_fallback_file() -> None:
    result = run("documents")
    assert result.exit_code == 1
    assert "data/project.db: no project here" in result.output
    assert "the current project: the one the app opened last" in " ".join(run("--help").output.split())


def test_init_makes_the_new_project_current(tmp_path: Path) -> None:
    assert run("--db", "studie.db", "init", "--empty").exit_code == 0
    assert current_project() == tmp_path / "studie.db"
    assert run("documents").exit_code == 0  # the new, empty project; no "no project here"


def test_projects_lists_opens_and_forgets(tmp_path: Path) -> None:
    a = project_with(tmp_path, "a.db", "x")
    assert "No project opened yet" in run("projects").output
    assert run("projects", "current").exit_code == 1
    assert run("projects", "open", str(a)).exit_code == 0
    assert run("projects", "current").output.strip() == str(a)
    listed = run("projects").output
    assert listed.startswith("* a\t" + str(a))
    bad = run("projects", "open", "missing.db")
    assert bad.exit_code == 1 and "no project file here" in bad.output
    assert run("projects", "forget", str(a)).exit_code == 0
    assert run("projects", "forget", str(a)).exit_code == 1
    assert current_project() is None


def test_projects_current_fails_when_the_file_is_gone(tmp_path: Path) -> None:
    a = project_with(tmp_path, "a.db", "x")
    remember_project(a)
    a.unlink()
    result = run("projects", "current")
    assert result.exit_code == 1 and result.output.startswith("Error: no current project")
