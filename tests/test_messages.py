"""German wording of the library's errors on the pages: real errors from the library, as a coder
meets them, come out in German; other errors keep their English detail behind a German lead-in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _factories import add_text, store_with_codebook

from app_pages.messages import german
from toolkit.accounts import add_user, authenticate, set_team_mode
from toolkit.codes_edit import add_code, delete_code, merge_codes, move_code, update_code
from toolkit.codings import add_coding, update_coding
from toolkit.documents import import_upload
from toolkit.errors import ToolkitError
from toolkit.store import Store

LUECKEN = "Information/Herausforderungen/Lücken"


def raised(action: Callable[[], Any]) -> ToolkitError:
    with pytest.raises(ToolkitError) as info:
        action()
    return info.value


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return store_with_codebook(tmp_path)


def test_the_errors_met_while_coding_are_wholly_german(store: Store) -> None:
    doc = add_text(store, "I: Frage?\n\nB: Antwort hier.\n", "gespraech.txt")
    first = add_coding(store, doc, 0, 9, LUECKEN, coder="anna")
    again = german(raised(lambda: add_coding(store, doc, 0, 9, LUECKEN, coder="anna")))
    assert again == f"anna hat {doc} an dieser Stelle (0–9) schon mit „{LUECKEN}“ kodiert."
    update_coding(store, first.guid, actor="anna", expected_version=1, end=8)
    stale = german(raised(lambda: update_coding(store, first.guid, actor="anna", expected_version=1, end=7)))
    assert stale.startswith("Die Codierung wurde inzwischen von jemand anderem geändert")


def test_codebook_conflicts_are_wholly_german(store: Store) -> None:
    exists = german(raised(lambda: add_code(store, "Information/Treiber", actor="t")))
    assert (
        exists
        == "Einen Code „Treiber“ gibt es schon (Information/Treiber); bitte einen anderen Namen wählen."
    )
    subcodes = german(raised(lambda: delete_code(store, "Information", actor="t")))
    assert subcodes == "Der Code „Information“ hat Untercodes; bitte diese zuerst verschieben oder löschen."
    below = german(raised(lambda: move_code(store, "Information", LUECKEN, actor="t")))
    assert below == "„Information“ kann nicht unter sich selbst verschoben werden."
    merge = german(raised(lambda: merge_codes(store, "Information", LUECKEN, actor="t")))
    assert merge.startswith("„Information“ kann nicht mit sich selbst oder dem eigenen Untercode")


def test_roles_and_logins_in_team_mode_are_wholly_german(store: Store) -> None:
    add_user(store, "lena", role="lead", actor="t", password="ein-gutes-passwort")
    add_user(store, "anna", role="coder", actor="t", password="ein-gutes-passwort")
    set_team_mode(store, True, actor="lena")
    only_lead = german(raised(lambda: add_code(store, "Neu", actor="anna")))
    assert only_lead.startswith("„anna“ darf das nicht (") and "nur die Projektleitung" in only_lead
    wrong = german(raised(lambda: authenticate(store, "anna", "falsch")))
    assert wrong == "Name oder Passwort falsch (oder das Konto ist deaktiviert)."
    for i in range(10):  # guessing from one address with new names (issue 16)
        raised(lambda i=i: authenticate(store, f"gast{i}", "falsch", source="203.0.113.7"))  # type: ignore[misc]
    waits = german(raised(lambda: authenticate(store, "gast", "falsch", source="203.0.113.7")))
    assert waits.startswith("Zu viele Fehlversuche; bitte in ")


def test_other_errors_get_a_german_lead_in_and_keep_the_detail(store: Store) -> None:
    colour = raised(lambda: update_code(store, LUECKEN, actor="t", colour="grün"))
    assert german(colour) == f"Ungültige Eingabe: {colour}"
    assert "'grün' is not #RRGGBB" in german(colour)
    broken = raised(lambda: import_upload(store, b"", "leer.txt", actor="t"))
    assert german(broken).startswith("Import nicht möglich: leer.txt")
    assert german("a message without its exception") == "a message without its exception"
