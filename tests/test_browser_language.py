"""The UI language in a real browser (Debian chromium, Playwright): Auswertung, Konsens (with its span
picker) and Übereinstimmung in English at 1024×768 and 1400×900, codes by the codebook's name_en
(screenshots in test-artifacts/), Streamlit's own words of a drop-down in German, and a sidebar
compact enough that the language switch and the project box are in view at 768 px height."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from _browser import ARTIFACTS, ROOT, open_project, require_chromium, shoot

from toolkit.project import create_demo
from toolkit.settings import set_project_default
from toolkit.store import open_store

require_chromium()

IDLE = (
    "() => !document.querySelector('[data-testid=stAppRunningIcon]')"
    " && (document.querySelector('[data-testid=stMain]')?.innerText || '').length > 50"
)
GERMAN_WORDS = ("Häufigkeiten", "Codierungen", "Dokumente", "herunterladen", "Gruppieren", "Kookkurrenz")


def demo(tmp_path: Path, language: str) -> Path:
    db = tmp_path / "demo.db"
    create_demo(db, ROOT, actor="test")
    with open_store(db) as store:
        set_project_default(store, "language", language, actor="test")
    return db


def bottom(pg: Any, selector: str) -> float:
    box = pg.locator(selector).last.bounding_box()
    assert box is not None, selector
    return float(box["y"] + box["height"])


def test_auswertung_in_english_at_both_sizes(browser: Any, app_url: str, tmp_path: Path) -> None:
    db = demo(tmp_path, "en")
    for width, height in ((1024, 768), (1400, 900)):
        pg = open_project(browser, app_url, db, "/analysis?coder=anna", width=width, height=height)
        try:
            pg.wait_for_function(IDLE, timeout=60_000)
            coders = pg.locator("[data-testid=stMain] [data-testid=stMultiSelect]").first
            for name in ("anna", "ben"):
                coders.click()
                pg.get_by_role("option", name=name, exact=True).click()
                pg.wait_for_function(IDLE, timeout=60_000)
            pg.keyboard.press("Escape")
            pg.get_by_role("tab", name="Frequencies").wait_for(timeout=60_000)
            pg.get_by_role("button", name="Download CSV").first.wait_for(timeout=60_000)
            pg.wait_for_function(IDLE, timeout=60_000)
            time.sleep(1)
            main = pg.locator("[data-testid=stMain]").inner_text()
            assert "Analysis" in main and "Co-occurrence" in main and "Download CSV" in main
            assert "codings in 3 documents" in main
            assert not [w for w in GERMAN_WORDS if w in main], main[:600]
            shoot(pg, f"analysis-en-{width}.png")
            pg.get_by_role("tab", name="Matrix").click()
            pg.wait_for_function(IDLE, timeout=60_000)
            time.sleep(1)
            assert "Click a cell to see its segments." in pg.locator("[data-testid=stMain]").inner_text()
            shoot(pg, f"analysis-en-matrix-{width}.png")
        finally:
            pg.close()


def test_german_drop_downs_and_a_sidebar_that_fits_768_px(browser: Any, app_url: str, tmp_path: Path) -> None:
    db = demo(tmp_path, "de")
    pg = open_project(browser, app_url, db, "/analysis?coder=anna", width=1024, height=768)
    try:
        pg.wait_for_function(IDLE, timeout=60_000)
        sidebar = "[data-testid=stSidebar]"
        assert bottom(pg, f"{sidebar} [data-testid=stButtonGroup]") <= 768  # Deutsch / English
        assert bottom(pg, f"{sidebar} [data-testid=stSelectbox]") <= 768  # the project box, last
        shoot(pg, "sidebar-de-1024.png")
        pg.locator("[data-testid=stMain] [data-testid=stMultiSelect]").first.click()
        shown = "(s) => getComputedStyle(document.querySelector(s), '::after').content"
        select_all = "[role=option][data-key=__select_all__] [data-item-hl]"
        pg.wait_for_selector(select_all, timeout=10_000)
        assert pg.evaluate(shown, select_all) == '"Alle auswählen"'
        pg.keyboard.type("zzzz")
        empty = "[role=listbox][data-empty=true] [role=option] > span"
        pg.wait_for_selector(empty, timeout=10_000)
        assert pg.evaluate(shown, empty) == '"Keine Treffer"'
        assert pg.evaluate("(s) => getComputedStyle(document.querySelector(s)).fontSize", empty) == "0px"
        shoot(pg, "no-results-de-1024.png")
        pg.keyboard.press("Escape")
        pg.goto(pg.url.split("/analysis")[0] + "/search")
        pg.wait_for_function(IDLE, timeout=60_000)
        pg.locator("[data-testid=stMain] [data-testid=stTextInput] input").first.fill("Akte")
        hint = "[data-testid=stForm] [data-testid=InputInstructions] > span:first-child"
        pg.wait_for_selector(hint, state="attached", timeout=10_000)
        assert pg.evaluate(shown, hint) == '"Enter zum Absenden"'  # not "Press Enter to submit form"
        shoot(pg, "enter-hint-de-1024.png")
    finally:
        pg.close()


KONSENS_GERMAN = (
    "Bearbeiten",
    "Übernehmen",
    "nicht codiert",
    "Beitrag im Zusammenhang",
    "Im Transkript öffnen",
    "in neuem Tab",
    "Herausforderungen",
    "Neue Ausdehnung",
)


def test_konsens_and_uebereinstimmung_in_english_name_codes_by_name_en(
    browser: Any, app_url: str, tmp_path: Path
) -> None:
    db = demo(tmp_path, "en")
    for width, height in ((1024, 768), (1400, 900)):
        pg = open_project(browser, app_url, db, "/consensus?coder=anna", width=width, height=height)
        try:
            pg.wait_for_function(IDLE, timeout=90_000)
            pg.get_by_role("button", name="Take A").first.wait_for(timeout=60_000)
            main = pg.locator("[data-testid=stMain]").inner_text()
            assert "Consensus" in main and "The turn in context" in main and "Open in the transcript" in main
            assert "/Challenges/" in main or "/Drivers/" in main  # the cards' codes by name_en
            assert not [w for w in KONSENS_GERMAN if w in main], main[:600]
            shoot(pg, f"consensus-en-{width}.png")
            pg.get_by_role("button", name="Edit").first.click()  # the span picker in its popover
            popover = pg.locator("[data-testid=stPopoverBody]").last
            popover.get_by_text("Select the new extent with the mouse.").wait_for(timeout=30_000)
            assert "Neue Ausdehnung" not in popover.inner_text()
            pg.screenshot(path=str(ARTIFACTS / f"consensus-en-edit-{width}.png"))
        finally:
            pg.close()
        pg = open_project(browser, app_url, db, "/agreement?coder=anna", width=width, height=height)
        try:
            pg.get_by_text("Methods paragraph", exact=True).wait_for(timeout=120_000)
            pg.wait_for_function(IDLE, timeout=90_000)
            main = pg.locator("[data-testid=stMain]").inner_text()
            assert "Agreement" in main and "Method" in main and "intercoder agreement" in main
            assert not [w for w in ("Übereinstimmung", "Kodierende", "Herausforderungen") if w in main]
            shoot(pg, f"agreement-en-{width}.png")
            code = pg.locator("[data-testid=stSelectbox]").filter(has=pg.get_by_text("Code", exact=True))
            code.first.click()
            options = pg.get_by_role("option").all_inner_texts()
            assert "Information › Challenges › Gaps in the flow of information" in options, options[:5]
            assert not [o for o in options if "Herausforderungen" in o or "Treiber" in o]
            pg.keyboard.press("Escape")
        finally:
            pg.close()
