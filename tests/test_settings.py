"""Project defaults and personal choices (the UI language)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.accounts import add_user, set_team_mode
from toolkit.errors import InvalidValue, PermissionDenied
from toolkit.settings import (
    project_default,
    set_personal,
    set_project_default,
    settings_overview,
    ui_language,
)
from toolkit.store import create_store, events


def test_personal_choice_wins_over_the_project_default(tmp_path: Path) -> None:
    store = create_store(tmp_path / "p.db")
    assert ui_language(store) == "de"
    set_project_default(store, "language", "en", actor="lead")
    assert ui_language(store, "anna") == "en"
    set_personal(store, "anna", "language", "de")
    assert ui_language(store, "anna") == "de"
    assert ui_language(store, "ben") == "en"
    shown = settings_overview(store)["language"]
    assert shown == {"project": "en", "default": "de", "allowed": ["de", "en"], "personal": {"anna": "de"}}
    assert [e["payload"]["key"] for e in events(store)][-2:] == ["language", "personal.language.anna"]


def test_bad_keys_and_values_are_refused_and_change_nothing(tmp_path: Path) -> None:
    store = create_store(tmp_path / "p.db")
    with pytest.raises(InvalidValue, match=r"setting language cannot be 'fr'; use one of: de, en"):
        set_project_default(store, "language", "fr", actor="lead")
    with pytest.raises(InvalidValue, match=r"setting 'colour' does not exist"):
        set_personal(store, "anna", "colour", "red")
    assert project_default(store, "language") == "de"


def test_in_team_mode_only_a_lead_sets_the_project_default(tmp_path: Path) -> None:
    store = create_store(tmp_path / "p.db")
    add_user(store, "lea", role="lead", password="a-long-password-1", actor="system")
    add_user(store, "cem", role="coder", password="a-long-password-2", actor="lea")
    set_team_mode(store, True, actor="lea")
    with pytest.raises(PermissionDenied):
        set_project_default(store, "language", "en", actor="cem")
    set_personal(store, "cem", "language", "en")
    with pytest.raises(PermissionDenied):  # a coder sets only their own choice
        set_personal(store, "lea", "language", "en", actor="cem")
    set_personal(store, "cem", "language", "en", actor="lea")  # a lead may set it for them
    assert ui_language(store, "cem") == "en"
    assert ui_language(store, "lea") == "de"
