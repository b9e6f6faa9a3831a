"""The summary grid in a real browser (Debian chromium, Playwright): open Zusammenfassungen from the
navigation, see the coded segment beside an empty summary, write and save a summary; it is stored.
Screenshots at 1400×900 and 1024×768 go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _browser import body_has, open_project, require_chromium, shoot_both_sizes

from app_pages.components.driving import choose_coder, project_with_transcript
from toolkit.codes import list_codes
from toolkit.codings import add_coding
from toolkit.documents import document_text
from toolkit.qca.summaries import get_summary
from toolkit.store import open_store

require_chromium()

TEXT = (
    "I: Wie kam die E-Akte zu Ihnen?\n\n"
    "B: Das Formular kommt als PDF, wir drucken es aus und tippen es ab. Dann liegt es wieder auf Papier.\n"
)
QUOTE = "wir drucken es aus und tippen es ab"


def test_write_a_summary_beside_the_segments(browser: Any, app_url: str, tmp_path: Path) -> None:
    db = project_with_transcript(tmp_path / "p.db", TEXT, "interview_a.txt")
    with open_store(db) as store:
        code = list_codes(store)[0].path  # the code the page shows first
        start = document_text(store, "interview_a").index(QUOTE)
        add_coding(store, "interview_a", start, start + len(QUOTE), code, coder="anna")
    pg = open_project(browser, app_url, db)
    pg.set_default_timeout(60_000)
    choose_coder(pg, "anna")
    pg.get_by_role("link", name="Zusammenfassungen").click()
    body_has(pg, "Codierte Segmente (1)")
    body_has(pg, QUOTE)
    box = pg.locator("[data-testid=stTextArea] textarea").first
    box.fill("Medienbruch: das PDF wird ausgedruckt und abgetippt.")
    pg.get_by_role("button", name="Speichern").click()
    body_has(pg, "Zusammenfassung gespeichert.")
    body_has(pg, "1 von 1 Dokumenten zusammengefasst")
    shoot_both_sizes(pg, "summaries")
    pg.close()
    with open_store(db) as store:
        saved = get_summary(store, "interview_a", code, "anna")
        assert saved is not None and saved.text == "Medienbruch: das PDF wird ausgedruckt und abgetippt."
