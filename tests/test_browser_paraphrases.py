"""Paraphrases in a real browser (Debian chromium, Playwright): on Kodieren the switch Paraphrasen
shows them beside the text and the coding picked in the margin gets its paraphrase written and its
weight set; on Zusammenfassungen two paraphrases picked in the table are grouped, and the group
becomes a code below a chosen parent with both segments coded; Fälle und Gruppen vergleichen groups
by document set; a free selection (no coding) gets its paraphrase in the popup. Screenshots at
1400×900 and 1024×768 go to test-artifacts/."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from _browser import (
    ARTIFACTS,
    body_has,
    choose_by_typing,
    open_project,
    require_chromium,
    shoot,
    shoot_both_sizes,
)

from app_pages.components.driving import choose_coder, project_with_transcript, select_range
from toolkit.codes import code_tree
from toolkit.codings import add_coding, list_codings
from toolkit.documents import document_text, document_turns
from toolkit.qca.paraphrases import add_paraphrase, list_paraphrases
from toolkit.store import open_store

require_chromium()

TEXT = (
    "I: Wie kam die E-Akte zu Ihnen?\n\n"
    "B: Das Formular kommt als PDF, wir drucken es aus und tippen es ab. Dann liegt es wieder auf Papier.\n\n"
    "I: Und die Bürger?\n\n"
    "B: Die schicken uns Fotos von Anträgen per Mail, die drucken wir auch aus.\n"
)
FIRST = "wir drucken es aus und tippen es ab"
FREE = "Das Formular kommt als PDF"  # not coded
SECOND = "die drucken wir auch aus"
PARENT = "Produkt/Herausforderungen"


def project(tmp_path: Path) -> tuple[Path, str]:
    db = project_with_transcript(tmp_path / "p.db", TEXT, "interview_a.txt")
    with open_store(db) as store:
        code = next(c.path for c in code_tree(store) if c.path.startswith(PARENT + "/"))
        text = document_text(store, "interview_a")
        for quote in (FIRST, SECOND):
            start = text.index(quote)
            add_coding(store, "interview_a", start, start + len(quote), code, coder="anna")
    return db, code


def test_kodieren_paraphrase_and_weight_of_the_picked_coding(
    browser: Any, app_url: str, tmp_path: Path
) -> None:
    db, code = project(tmp_path)
    pg = open_project(browser, app_url, db)
    pg.set_default_timeout(60_000)
    choose_coder(pg, "anna")
    pg.get_by_text("Paraphrasen", exact=True).first.click()  # the sidebar's switch
    body_has(pg, "Noch keine Paraphrasen in diesem Dokument")
    pg.locator(".tk-margin .tk-label").first.click()
    pg.get_by_text("Paraphrase dieser Codierung").wait_for()
    box = pg.get_by_placeholder("Den Inhalt des Segments knapp")
    box.fill("PDF wird ausgedruckt und abgetippt.")
    box.press("Control+Enter")  # Streamlit takes a text area's value on Ctrl+Enter or blur
    pg.wait_for_timeout(1500)
    pg.get_by_role("button", name="Paraphrase speichern").click()
    body_has(pg, "Nr. 1 · Zeichen")  # beside the text
    weight = pg.locator('input[aria-label="Gewicht (0 = keins)"]')
    weight.fill("80")
    weight.press("Enter")
    body_has(pg, "Gewicht 80 gespeichert.")
    shoot_both_sizes(pg, "paraphrases-kodieren")
    pg.close()
    with open_store(db) as store:
        assert [p.text for p in list_paraphrases(store, viewer="anna")] == [
            "PDF wird ausgedruckt und abgetippt."
        ]
        assert sorted(c.weight for c in list_codings(store, code=code)) == [0, 80]


def test_a_code_is_built_from_grouped_paraphrases(browser: Any, app_url: str, tmp_path: Path) -> None:
    db, _ = project(tmp_path)
    with open_store(db) as store:
        ids = [
            add_paraphrase(
                store, "interview_a", c.start, c.end, f"Papier statt Datei ({i}).", coder="anna"
            ).id
            for i, c in enumerate(list_codings(store, coder="anna"), 1)
        ]
        assert len(ids) == 2
    pg = open_project(browser, app_url, db)
    pg.set_default_timeout(60_000)
    choose_coder(pg, "anna")
    pg.get_by_role("link", name="Zusammenfassungen").click()
    pg.get_by_text("Paraphrasen und Kategorien bilden").click()  # also when the code shown has no segments
    pg.get_by_text("Paraphrasen zeigen").click()
    body_has(pg, "2 Paraphrasen")
    grid = pg.locator("[data-testid=stDataFrame]").first
    grid.scroll_into_view_if_needed()
    time.sleep(0.5)
    box = grid.bounding_box()
    for row in (0, 1):  # the row markers (check boxes) of the table, drawn on a canvas
        pg.mouse.click(box["x"] + 17, box["y"] + 35 + 35 * row + 17)
        time.sleep(0.3)
    body_has(pg, "2 gewählt")
    pg.get_by_label("Gruppe (neu oder vorhanden)").fill("Medienbruch Papier")
    pg.get_by_role("button", name="In Gruppe legen").click()
    body_has(pg, "2 Paraphrasen in Gruppe „Medienbruch Papier“.")
    body_has(pg, "Medienbruch Papier: 2 Paraphrasen")
    parent = pg.locator("[data-testid=stSelectbox]").filter(has_text="Übergeordneter Code")
    choose_by_typing(pg, parent, "Produkt › Herausforderungen")
    pg.get_by_role("button", name="Kategorie bilden").click()
    body_has(pg, f"Code „{PARENT}/Medienbruch Papier“ angelegt; 2 Segmente damit codiert.")
    pg.locator("[data-testid=stAlert]").last.scroll_into_view_if_needed()
    time.sleep(0.3)
    pg.screenshot(path=str(ARTIFACTS / "paraphrases-category-1400.png"))
    pg.set_viewport_size({"width": 1024, "height": 768})
    time.sleep(0.8)
    pg.screenshot(path=str(ARTIFACTS / "paraphrases-category-1024.png"))
    pg.close()
    with open_store(db) as store:
        made = list_codings(store, code=f"{PARENT}/Medienbruch Papier", coder="anna")
        assert [c.text for c in made] == [FIRST, SECOND]


def test_compare_by_document_sets_side_by_side(browser: Any, app_url: str, tmp_path: Path) -> None:
    from toolkit.document_sets import create_set

    db, code = project(tmp_path)
    with open_store(db) as store:
        create_set(store, "Großstädte", ["interview_a"], actor="anna")
    pg = open_project(browser, app_url, db)
    pg.set_default_timeout(60_000)
    choose_coder(pg, "anna")
    pg.get_by_role("link", name="Zusammenfassungen").click()
    choose_by_typing(pg, pg.locator("[data-testid=stSelectbox]").filter(has_text="Code").first, code)
    body_has(pg, "Codierte Segmente (2)")
    pg.get_by_text("Fälle und Gruppen vergleichen").click()
    pg.get_by_text("Vergleich zeigen").click()
    by = pg.locator("[data-testid=stSelectbox]").filter(has_text="Gruppen nach Variable oder Dokumentgruppe")
    choose_by_typing(pg, by, "Dokumentgruppen")
    body_has(pg, "Segmente: 2 · Dokumente: 1")  # the set's column
    pg.get_by_text("Vergleich zeigen").scroll_into_view_if_needed()
    time.sleep(0.5)
    pg.screenshot(path=str(ARTIFACTS / "compare-sets-1400.png"))
    pg.set_viewport_size({"width": 1024, "height": 768})
    time.sleep(0.8)
    pg.screenshot(path=str(ARTIFACTS / "compare-sets-1024.png"))
    pg.close()


def test_kodieren_paraphrase_of_a_free_selection(browser: Any, app_url: str, tmp_path: Path) -> None:
    db, _ = project(tmp_path)
    with open_store(db) as store:
        turn = document_turns(store, "interview_a")[1]
        a = document_text(store, "interview_a")[turn.start : turn.end].index(FREE)
    pg = open_project(browser, app_url, db)
    pg.set_default_timeout(60_000)
    choose_coder(pg, "anna")
    pg.get_by_text("Paraphrasen", exact=True).first.click()  # the sidebar's switch
    body_has(pg, "Noch keine Paraphrasen in diesem Dokument")
    assert select_range(pg, 1, a, a + len(FREE)) == FREE
    popup = pg.locator(".tk-popup")
    popup.get_by_text("✎ Paraphrase schreiben").click()
    popup.get_by_text(f"„{FREE}“").wait_for()
    shoot(pg, "paraphrases-free-popup-1400.png")
    popup.get_by_role("button", name="Speichern").click()  # nothing written yet: refused in words
    body_has(pg, "Bitte erst die Paraphrase schreiben.")
    popup.get_by_label("Paraphrase der Markierung").fill("Formulare kommen nur als PDF.")
    popup.get_by_role("button", name="Speichern").click()
    start = turn.start + a
    body_has(pg, f"Paraphrase zu Zeichen {start}–{start + len(FREE)} gespeichert.")  # the toast
    body_has(pg, f"Nr. 1 · Zeichen {start}–{start + len(FREE)}")  # listed beside the text
    body_has(pg, "Formulare kommen nur als PDF.")
    shoot_both_sizes(pg, "paraphrases-free")
    pg.close()
    with open_store(db) as store:
        made = list_paraphrases(store, viewer="anna")
        assert [(p.start, p.end, p.segment, p.text) for p in made] == [
            (start, start + len(FREE), FREE, "Formulare kommen nur als PDF.")
        ]
        assert not [c for c in list_codings(store, coder="anna") if c.start <= start < c.end]
