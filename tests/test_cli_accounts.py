"""The ``user`` and ``team`` commands through click's CliRunner: passwords from a prompt or stdin,
listing, roles, disabling, and team mode refusing non-leads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from toolkit.accounts import authenticate, list_users
from toolkit.cli import cli
from toolkit.permissions import team_mode
from toolkit.project import init_project
from toolkit.store import events, open_store

PASSWORD = "korrekt-pferd-9"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    init_project(path, codebook=None, actor="test")
    return path


def run(db: Path, *args: str, user: str = "lena", stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=stdin, env={"CODING_TOOLKIT_USER": user})


def test_add_with_prompt_asks_twice(db: Path) -> None:
    result = run(db, "user", "add", "lena", "--role", "lead", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Repeat for confirmation" in result.output
    assert "added lena (lead)" in result.output
    assert PASSWORD not in result.output
    with open_store(db) as store:
        assert [(u.name, u.role, u.has_password) for u in list_users(store)] == [("lena", "lead", True)]


def test_add_from_stdin_list_and_json(db: Path) -> None:
    assert (
        run(db, "user", "add", "lena", "--role", "lead", "--password-stdin", stdin=PASSWORD + "\n").exit_code
        == 0
    )
    assert run(db, "user", "add", "anna", "--role", "coder", "--no-password").exit_code == 0
    listed = run(db, "user", "list")
    assert listed.output.splitlines() == ["anna\tcoder\t(no password)", "lena\tlead"]
    rows = json.loads(run(db, "user", "list", "--json").output)
    assert [(r["name"], r["role"], r["has_password"], r["disabled"]) for r in rows] == [
        ("anna", "coder", False, False),
        ("lena", "lead", True, False),
    ]
    assert "password_hash" not in json.dumps(rows)


def test_short_password_is_one_clear_line(db: Path) -> None:
    result = run(db, "user", "add", "lena", "--role", "lead", "--password-stdin", stdin="kurz\n")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: the password is too short (4 characters); use at least 8"


def team_project(db: Path) -> None:
    run(db, "user", "add", "lena", "--role", "lead", "--password-stdin", stdin=PASSWORD + "\n")
    run(db, "user", "add", "anna", "--role", "coder", "--password-stdin", stdin=PASSWORD + "\n")
    result = run(db, "team", "on")
    assert result.exit_code == 0, result.output


def test_team_on_needs_a_lead_with_a_password(db: Path) -> None:
    run(db, "user", "add", "lena", "--role", "lead", "--no-password")
    result = run(db, "team", "on")
    assert result.exit_code == 1
    assert "needs at least one enabled lead with a password" in result.output
    run(db, "user", "passwd", "lena", "--password-stdin", stdin=PASSWORD + "\n")
    assert run(db, "team", "on").exit_code == 0
    with open_store(db) as store:
        assert team_mode(store)


def test_in_team_mode_account_commands_need_a_lead(db: Path) -> None:
    team_project(db)
    denied = run(db, "user", "add", "kim", "--role", "lead", "--no-password", user="anna")
    assert denied.exit_code == 1
    assert "'anna' may not add accounts: only a lead may" in denied.output
    assert run(db, "team", "off", user="mallory").exit_code == 1
    assert run(db, "user", "role", "anna", "lead").output.strip() == "anna is now lead"
    assert run(db, "user", "disable", "anna").output.strip() == "anna is disabled"
    assert run(db, "user", "disable", "anna", "--enable").output.strip() == "anna is enabled"
    status = json.loads(run(db, "team", "status", "--json", user="anna").output)
    assert status == {
        "team_mode": True,
        "session_idle_hours": 8.0,
        "acting_as": "anna",
        "acting_role": "lead",
    }


def test_passwd_resets_and_the_new_password_logs_in(db: Path) -> None:
    team_project(db)
    result = run(db, "user", "passwd", "anna", "--password-stdin", stdin="ein-neues-passwort\n")
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert authenticate(store, "anna", "ein-neues-passwort")
        logged = json.dumps([e["payload"] for e in events(store)])
    assert "ein-neues-passwort" not in logged


def test_unknown_user_says_how_to_list(db: Path) -> None:
    result = run(db, "user", "role", "niemand", "coder")
    assert result.exit_code == 1
    assert "no user 'niemand'; list them with `coding-toolkit user list`" in result.output


def test_session_expiry_is_set_by_leads(db: Path) -> None:
    team_project(db)
    assert run(db, "team", "expiry", "4").output.strip() == "sessions end after 4 h without use"
    assert json.loads(run(db, "team", "status", "--json").output)["session_idle_hours"] == 4.0
    assert run(db, "team", "expiry", "0.01").exit_code == 1
    denied = run(db, "team", "expiry", "100", user="anna")
    assert "'anna' may not change the session expiry" in denied.output


# -- the acting user is the actor (issue 16, item 7) ------------------------------------------------


def coding_project(tmp_path: Path, *, team: bool) -> Path:
    from _factories import INTERVIEW, add_text, store_with_codebook

    store = store_with_codebook(tmp_path)
    add_text(store, INTERVIEW, "interview.txt")
    db = Path(store.path)
    store.close()
    if team:
        team_project(db)
    return db


def coding_events(db: Path) -> list[tuple[str, str]]:
    with open_store(db) as store:
        return [(e["actor"], e["payload"]["coder"]) for e in events(store) if e["entity"] == "coding"]


def test_a_coder_cannot_code_as_someone_else(tmp_path: Path) -> None:
    db = coding_project(tmp_path, team=True)
    result = run(db, "code", "interview", "0", "10", "Lücken", "--coder", "lena", user="anna")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: 'anna' may not add codings for 'lena': only a lead may; ask a lead of the project"
    )
    assert coding_events(db) == []
    mine = run(db, "code", "interview", "0", "10", "Lücken", user="anna")  # --coder defaults to the actor
    assert mine.exit_code == 0, mine.output
    assert coding_events(db) == [("anna", "anna")]


def test_a_lead_codes_for_a_coder_and_the_log_names_the_lead(tmp_path: Path) -> None:
    db = coding_project(tmp_path, team=True)
    result = run(db, "code", "interview", "0", "10", "Lücken", "--coder", "anna", user="lena")
    assert result.exit_code == 0, result.output
    assert coding_events(db) == [("lena", "anna")]


def test_single_user_mode_logs_the_acting_user_not_the_coder(tmp_path: Path) -> None:
    db = coding_project(tmp_path, team=False)
    result = run(db, "code", "interview", "0", "10", "Lücken", "--coder", "lena", user="anna")
    assert result.exit_code == 0, result.output
    assert coding_events(db) == [("anna", "lena")]
