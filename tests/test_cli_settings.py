"""``coding-toolkit settings``: the project's UI language and each person's own choice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.accounts import add_user, set_team_mode
from toolkit.cli import cli
from toolkit.settings import ui_language
from toolkit.store import create_store, open_store


def invoke(db: Path, *args: str, user: str = "lena") -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env={"CODING_TOOLKIT_USER": user})
    return result.exit_code, result.output


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    create_store(path).close()
    return path


def test_set_the_project_language_and_a_personal_one_then_show_them(db: Path) -> None:
    assert invoke(db, "settings", "set", "language", "en") == (0, "the project's language is now en\n")
    assert invoke(db, "settings", "set", "language", "de", "--coder", "anna") == (
        0,
        "language of anna is now de\n",
    )
    code, out = invoke(db, "settings", "show", "--json")
    assert code == 0
    assert json.loads(out) == {
        "language": {"project": "en", "default": "de", "allowed": ["de", "en"], "personal": {"anna": "de"}}
    }
    code, out = invoke(db, "settings", "show")
    assert out == "language: en (built-in default de; allowed: de, en)\n  anna: de\n"
    store = open_store(db)
    assert (ui_language(store, "anna"), ui_language(store, "ben"), ui_language(store)) == ("de", "en", "en")
    store.close()


def test_a_bad_value_is_one_line_and_changes_nothing(db: Path) -> None:
    code, out = invoke(db, "settings", "set", "language", "fr")
    assert code == 1
    assert out == "Error: setting language cannot be 'fr'; use one of: de, en\n"
    code, out = invoke(db, "settings", "set", "colour", "red")
    assert code == 2 and "'colour' is not 'language'" in out
    assert json.loads(invoke(db, "settings", "show", "--json")[1])["language"]["project"] == "de"


def test_in_team_mode_a_coder_may_not_set_the_project_language(db: Path) -> None:
    store = open_store(db)
    add_user(store, "lena", role="lead", password="a-long-password-1", actor="system")
    add_user(store, "cem", role="coder", password="a-long-password-2", actor="lena")
    set_team_mode(store, True, actor="lena")
    store.close()
    code, out = invoke(db, "settings", "set", "language", "en", user="cem")
    assert code == 1 and out.startswith("Error: ") and out.count("\n") == 1
    assert invoke(db, "settings", "set", "language", "en", "--coder", "cem", user="cem")[0] == 0
    assert invoke(db, "settings", "set", "language", "en", user="lena")[0] == 0
    shown = json.loads(invoke(db, "settings", "show", "--json")[1])["language"]
    assert shown["project"] == "en" and shown["personal"] == {"cem": "en"}


def test_help_has_examples() -> None:
    out = CliRunner().invoke(cli, ["settings", "set", "--help"]).output
    assert "Example: coding-toolkit settings set language en" in out
    assert "--coder NAME" in out
