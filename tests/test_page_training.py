"""Training the suggestion model from the Kodieren page: the button starts a background process, the
page shows its progress and, when it ends, what the model learned from; nothing is coded."""

from __future__ import annotations

import time
from pathlib import Path

from _factories import add_text, run_page, store_with_codebook
from streamlit.testing.v1 import AppTest

from toolkit.codings import add_coding
from toolkit.project import ROOT
from toolkit.store import Store
from toolkit.suggest.registry import model_rows
from toolkit.suggest.training import run_status

PAGE = str(ROOT / "app_pages" / "code.py")
LUECKEN = "Information/Herausforderungen/Lücken"
OFFENHEIT = "Mensch/Treiber/Offenheit"
TEXT = "".join(
    f"I: Frage {i}?\n\nB: Der Flurfunk ersetzt die Information {i}. Alle sind offen für Neues {i}.\n\n"
    for i in range(12)
)


def _page(store: Store) -> AppTest:
    at: AppTest = run_page(PAGE, store, app_coder="anna")
    at.toggle(key="code_sug_on").set_value(True).run()
    assert not at.exception, at.exception
    return at


def _captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def test_training_runs_in_the_background_and_the_page_reports_it(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    doc = add_text(store, TEXT, "interview.txt", language="de")
    for i in range(12):
        start = TEXT.index(f"Der Flurfunk ersetzt die Information {i}.")
        add_coding(store, doc, start, start + 35 + len(str(i)), LUECKEN, coder="anna")
    codings_before = store.query("SELECT count(*) AS n FROM codings")
    at = _page(store)
    assert "Noch kein Modell" in _captions(at)
    at.button(key="code_train_start").click().run()
    assert not at.exception, at.exception
    [run] = model_rows(store)
    assert run["coder"] == "anna"
    deadline = time.monotonic() + 120
    while run_status(store, run["guid"])["status"] == "running" and time.monotonic() < deadline:
        time.sleep(0.5)
    status = run_status(store, run["guid"])
    assert status["status"] == "ready", status
    at.run()  # the progress fragment sees the end and the page shows the result
    at.run()
    assert not at.exception, at.exception
    assert "fertig · 12 Codierungen" in _captions(at)
    assert store.query("SELECT count(*) AS n FROM codings") == codings_before  # nothing coded


def test_without_codings_the_page_says_what_to_do(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    add_text(store, TEXT, "interview.txt", language="de")
    at = _page(store)
    at.button(key="code_train_start").click().run()
    assert not at.exception, at.exception
    assert any("keine Codierungen zum Lernen" in e.value for e in at.error)  # German, from the catalog
    assert model_rows(store) == []
