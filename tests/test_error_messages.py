"""Real library errors, as a coder meets them, read wholly in German and wholly in English: the
text comes from the catalog by the error's code, the names in it (a code path with an apostrophe)
as they are, never quoted by ``repr`` (issue 17)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _factories import add_text, store_with_codebook

from toolkit.accounts import add_user, authenticate, set_team_mode
from toolkit.codes_edit import add_code
from toolkit.codings import add_coding, delete_coding, update_coding
from toolkit.documents import import_upload
from toolkit.errors import ToolkitError
from toolkit.history import undo
from toolkit.store import Store

LUECKEN = "Information/Herausforderungen/Lücken"
ROLLE = "Mensch/Bürger/Lotsin's Rolle"  # the apostrophe once made Python quote the path with "

# common words of the other language: a German text must have none of ENGLISH, and the reverse
ENGLISH = re.compile(r"\b(the|is|no|not|already|with|has|was|and|try|again|file|empty|nothing|undo)\b")
GERMAN = re.compile(r"\b(der|die|das|ist|nicht|schon|mit|bitte|gibt|Datei|leer|nichts|rückgängig)\b")


def raised(action: Callable[[], Any]) -> ToolkitError:
    with pytest.raises(ToolkitError) as info:
        action()
    return info.value


def wholly(exc: ToolkitError, *names: str) -> tuple[str, str]:
    """The German and English texts of ``exc``, checked for words of the other language (the
    ``names`` from the data are left out of the check)."""
    german, english = exc.message("de"), exc.message("en")
    assert str(exc) == english
    bare_de, bare_en = german, english
    for name in names:
        bare_de, bare_en = bare_de.replace(name, "NAME"), bare_en.replace(name, "NAME")
    assert not ENGLISH.search(bare_de), german
    assert not GERMAN.search(bare_en), english
    return german, english


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = store_with_codebook(tmp_path)
    add_code(s, ROLLE, actor="t")
    return s


def test_a_duplicate_coding_names_the_code_path_with_its_apostrophe(store: Store) -> None:
    doc = add_text(store, "I: Frage?\n\nB: Antwort hier.\n", "gespraech.txt")
    add_coding(store, doc, 0, 9, ROLLE, coder="anna")
    exc = raised(lambda: add_coding(store, doc, 0, 9, ROLLE, coder="anna"))
    assert exc.code == "coding.duplicate" and exc.params["code"] == ROLLE
    german, english = wholly(exc, ROLLE, doc)
    assert german == f"anna hat {doc} an dieser Stelle (0–9) schon mit „{ROLLE}“ kodiert."
    assert english == f"anna already coded {doc} 0-9 with '{ROLLE}'"
    assert '"' not in german + english


def test_undo_after_another_coder_deleted_the_coding_says_so(store: Store) -> None:
    doc = add_text(store, "I: Frage?\n\nB: Antwort hier.\n", "gespraech.txt")
    coding = add_coding(store, doc, 0, 9, LUECKEN, coder="anna")
    delete_coding(store, coding.guid, actor="lena")  # single-user mode: anyone may
    exc = raised(lambda: undo(store, "anna"))
    assert exc.code == "undo.not_possible"
    german, english = wholly(exc)
    assert (
        german == "Die Codierung gibt es nicht mehr (jemand hat sie gelöscht); nichts rückgängig zu machen."
    )
    assert english == "the coding no longer exists; nothing to undo"


def test_an_empty_import_file_is_wholly_german_on_a_german_page(store: Store) -> None:
    exc = raised(lambda: import_upload(store, b"", "empty.txt", actor="t"))
    assert exc.code == "import.empty_file" and exc.params["file"] == "empty.txt"
    german, english = wholly(exc, "empty.txt")
    assert german == (
        "Import nicht möglich: empty.txt: die Datei ist leer (0 Bytes); "
        "bitte das Transkript erneut exportieren"
    )
    assert english == "empty.txt: the file is empty (0 bytes); export the transcript again"


def test_a_change_made_elsewhere(store: Store) -> None:
    doc = add_text(store, "I: Frage?\n\nB: Antwort hier.\n", "gespraech.txt")
    first = add_coding(store, doc, 0, 9, LUECKEN, coder="anna")
    update_coding(store, first.guid, actor="anna", expected_version=1, end=8)
    stale = raised(lambda: update_coding(store, first.guid, actor="anna", expected_version=1, end=7))
    assert stale.code == "coding.changed_elsewhere_version"
    german, _ = wholly(stale, first.guid)
    assert german.startswith(
        "Die Codierung wurde inzwischen von jemand anderem geändert (Version 2, gesehen: 1)"
    )


def test_roles_and_logins_in_team_mode_in_both_languages(store: Store) -> None:
    add_user(store, "lena", role="lead", actor="t", password="ein-gutes-passwort")
    add_user(store, "anna", role="coder", actor="t", password="ein-gutes-passwort")
    set_team_mode(store, True, actor="lena")
    only_lead = raised(lambda: add_code(store, "Neu", actor="anna"))
    german, english = wholly(only_lead, "anna")
    assert (
        german
        == "„anna“ darf das nicht (das Codebuch ändern): nur die Projektleitung; bitte die Leitung fragen."
    )
    assert english == "'anna' may not change the codebook: only a lead may; ask a lead of the project"
    wrong = raised(lambda: authenticate(store, "anna", "falsch"))
    assert wrong.message("de") == "Name oder Passwort falsch (oder das Konto ist deaktiviert)."
    for i in range(10):  # guessing from one address with new names (issue 16)
        raised(lambda i=i: authenticate(store, f"gast{i}", "falsch", source="203.0.113.7"))  # type: ignore[misc]
    waits = raised(lambda: authenticate(store, "gast", "falsch", source="203.0.113.7"))
    assert waits.code == "login.too_many_from_address"
    assert waits.message("de").startswith("Zu viele Fehlversuche von dieser Adresse; bitte in ")
