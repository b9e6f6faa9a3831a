"""Kodieren's undo and redo buttons through AppTest: the tooltip says what the click will take back
or put again (an autocoding as one step of all its codings, a single coding by its code), in the
tab's language, and the message after the click says what was done."""

from __future__ import annotations

from pathlib import Path

from _factories import LUECKEN, MINI_CODEBOOK, ROOT, add_text, run_page, store_with_codebook
from streamlit.testing.v1 import AppTest

from toolkit.autocode import apply_autocode, plan_autocode
from toolkit.codebook import parse_codebook
from toolkit.codes_merge import load_codebook_into
from toolkit.codings import add_coder, add_coding, list_codings
from toolkit.search import search
from toolkit.store import Store

PAGE = str(ROOT / "app_pages" / "code.py")
TEXT = (
    "I: Wie lief der Onlinezugang?\n\n"
    "B: Ein Medienbruch beim Antrag. Noch ein Medienbruch.\n\n"
    "I: Und die Bürger?\n\n"
    "B: Die Buerger fanden den Medienbruch ärgerlich.\n"
)


def autocoded(tmp_path: Path, code: str = LUECKEN) -> Store:
    store = store_with_codebook(tmp_path)
    add_text(store, TEXT, "interview_a.txt")
    add_coder(store, "anna")
    apply_autocode(store, plan_autocode(store, search(store, "Medienbruch"), code, "anna"), actor="anna")
    assert len(list_codings(store, coder="anna")) == 3
    return store


def page(store: Store, language: str = "de") -> AppTest:
    at: AppTest = run_page(PAGE, store, app_coder="anna", ui_language=language)
    assert not at.exception, at.exception
    return at


def test_after_an_autocoding_undo_says_it_removes_all_its_codings(tmp_path: Path) -> None:
    store = autocoded(tmp_path)
    at = page(store)
    assert at.button(key="code_undo").help == "Autokodierung rückgängig: 3 Kodierungen entfernen · Strg+Z"
    assert at.button(key="code_redo").disabled
    at.button(key="code_undo").click().run()
    assert not at.exception, at.exception
    assert list_codings(store, coder="anna") == []
    assert [t.value for t in at.toast] == ["3 Kodierungen der Autokodierung entfernt."]
    assert at.button(key="code_undo").disabled
    redo = at.button(key="code_redo").help
    assert redo == "Autokodierung wiederholen: 3 Kodierungen wieder setzen · Strg+Umschalt+Z"


def test_a_single_coding_is_named_by_its_code_in_english(tmp_path: Path) -> None:
    store = autocoded(tmp_path, "Information")
    english = MINI_CODEBOOK.replace(  # an English name for the code, as the shipped codebook has them
        "    name: Information\n    field_of_action",
        "    name: Information\n    name_en: Information in English\n    field_of_action",
    )
    load_codebook_into(store, parse_codebook(english, "mini.yaml"), actor="t")
    at = page(store, "en")  # the tab's language, as app.py sets it
    assert at.button(key="code_undo").help == "Undo the autocoding: remove 3 codings · Ctrl+Z"
    at.button(key="code_undo").click().run()
    assert [t.value for t in at.toast] == ["3 codings of the autocoding removed."]
    add_coding(store, "interview_a", 3, 5, "Information", coder="anna")
    at.run()
    assert at.button(key="code_undo").help == "Undo: remove the coding “Information in English” · Ctrl+Z"
    at.button(key="code_undo").click().run()
    assert [t.value for t in at.toast] == ["Undone: coding “Information in English” removed."]
    assert (
        at.button(key="code_redo").help
        == "Redo: set the coding “Information in English” again · Ctrl+Shift+Z"
    )
