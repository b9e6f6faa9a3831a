"""Suggestions in a real browser (Debian chromium driven by Playwright): suggested units carry a dashed
outline and a tooltip, a click on one picks it in the side list, and "Annehmen" there turns it into a
coding of the current coder that shows as a normal highlight. Screenshots go to test-artifacts/.
Skips when chromium or Playwright is missing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _browser import ARTIFACTS, open_project, require_chromium

from app_pages.components.driving import choose_coder, project_with_transcript
from toolkit.store import open_store
from toolkit.suggest.rejections import rejections

require_chromium()

TRANSCRIPT = (
    "I: [00:00:05] Wie erfahren Sie, was im Projekt passiert?\n\n"
    "B: [00:00:12] Meistens über den Flurfunk. Das Intranet ist veraltet, der Newsletter kommt selten. "
    "Am Freitag war ich beim Bäcker.\n\n"
    "I: [00:00:40] Und die Daten?\n\n"
    "B: [00:00:44] Die Datenqualität ist schlecht, alles steht in einer Excel-Liste.\n"
)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return project_with_transcript(tmp_path / "suggest.db", TRANSCRIPT, "projektinfo.txt", language="de")


@pytest.fixture()
def page(browser: Any, app_url: str, project: Path) -> Iterator[Any]:
    """A tab on this test's own project (the module shares one server and one chromium)."""
    pg = open_project(browser, app_url, project, height=950)
    yield pg
    pg.close()


def switch_on_suggestions(pg: Any) -> None:
    choose_coder(pg, "anna")
    pg.locator("[data-testid=stSidebar]").get_by_text("Vorschläge", exact=True).click()
    # the first suggestions of a server load the spaCy pipeline: slow on a busy machine
    pg.wait_for_selector(".tk-sug", timeout=90_000)
    pg.get_by_role("button", name="Annehmen").first.wait_for(timeout=30_000)


def codings_of_anna(db: Path) -> list[tuple[str, str]]:
    """Every coding of the project as (text, origin), read in one query (the app may be writing);
    all of them must be anna's."""
    with open_store(db) as store:
        rows = store.query(
            "SELECT c.text, c.origin, k.name FROM codings c JOIN coders k ON k.id = c.coder_id ORDER BY c.id"
        )
    assert {r["name"] for r in rows} <= {"anna"}
    return [(r["text"], r["origin"]) for r in rows]


def wait_for_codings(db: Path, n: int) -> list[tuple[str, str]]:
    deadline = time.time() + 15
    while time.time() < deadline and len(codings_of_anna(db)) < n:
        time.sleep(0.2)
    return codings_of_anna(db)


def test_dashed_outlines_pick_in_the_list_and_accept(page: Any, project: Path) -> None:
    switch_on_suggestions(page)
    outlined = page.locator(".tk-sug")
    assert outlined.count() >= 3
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.tk-sug-s'));"
        " return [s.borderTopStyle, s.borderLeftStyle]; }"
    )
    assert style == ["dashed", "dashed"]
    flurfunk = page.locator(".tk-sug", has_text="Flurfunk").first
    assert "Vorschlag:" in (flurfunk.get_attribute("title") or "")
    assert "Flurfunk" in (flurfunk.get_attribute("title") or "")
    # the sentence about the baker has no keyword: not outlined
    assert page.locator(".tk-sug", has_text="Bäcker").count() == 0
    page.screenshot(path=str(ARTIFACTS / "suggestions-outlined.png"))

    flurfunk.click()
    page.wait_for_selector(".tk-sug-focus", timeout=15_000)
    first_item = page.locator("[class*=st-key-code_sug_item_]").first
    first_item.get_by_text("➤").wait_for(timeout=15_000)
    assert "Flurfunk" in first_item.inner_text()
    assert codings_of_anna(project) == []  # picking and looking write nothing
    page.screenshot(path=str(ARTIFACTS / "suggestions-picked.png"))

    first_item.get_by_role("button", name="Annehmen").click()
    coded = wait_for_codings(project, 1)
    assert coded == [("Meistens über den Flurfunk.", "suggestion:rule")]
    page.wait_for_selector(".tk-coded", timeout=15_000)
    assert page.locator(".tk-coded").first.inner_text() == "Meistens über den Flurfunk."
    assert page.locator(".tk-sug", has_text="Flurfunk").count() == 0
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "suggestions-accepted.png"))

    # reject the Excel-Liste sentence: its outline goes and it does not come back after a reload
    excel = page.locator("[class*=st-key-code_sug_item_]").filter(has_text="Excel-Liste").first
    excel.get_by_role("button", name="Ablehnen").click()
    page.wait_for_function(
        "() => !Array.from(document.querySelectorAll('.tk-sug'))"
        ".some((e) => e.textContent.includes('Excel'))",
        timeout=15_000,
    )
    with open_store(project) as store:
        assert [r.code_path for r in rejections(store, coder="anna")] == [
            "Information/Herausforderungen/Fehlende Datenbasis"
        ]
    page.reload()
    switch_on_suggestions(page)
    assert page.locator(".tk-sug", has_text="Excel-Liste").count() == 0
    assert page.locator(".tk-sug", has_text="Intranet").count() >= 1
    assert len(codings_of_anna(project)) == 1


def test_keys_a_and_n_accept_and_reject_the_first_suggestion(page: Any, project: Path) -> None:
    """Click a unit in the text, then A accepts its suggestion (once) and N rejects the next."""
    switch_on_suggestions(page)
    page.locator(".tk-sug", has_text="Flurfunk").first.click()
    first_item = page.locator("[class*=st-key-code_sug_item_]").first
    first_item.get_by_text("➤").wait_for(timeout=15_000)
    page.screenshot(path=str(ARTIFACTS / "suggestions-keys.png"))
    page.locator(".st-key-code_sug_top_accept button").first.wait_for(timeout=15_000)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # no input has focus
    page.keyboard.press("a")
    assert wait_for_codings(project, 1) == [("Meistens über den Flurfunk.", "suggestion:rule")]
    page.wait_for_selector(".tk-coded", timeout=15_000)

    page.locator(".tk-sug", has_text="Excel-Liste").first.click()
    page.locator("[class*=st-key-code_sug_item_]").first.filter(has_text="Excel-Liste").wait_for(
        timeout=15_000
    )
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.keyboard.press("n")
    deadline = time.time() + 15
    while time.time() < deadline:
        with open_store(project) as store:
            if rejections(store, coder="anna"):
                break
        time.sleep(0.2)
    with open_store(project) as store:
        assert [r.code_path for r in rejections(store, coder="anna")] == [
            "Information/Herausforderungen/Fehlende Datenbasis"
        ]
    assert len(codings_of_anna(project)) == 1  # the key rejected, it did not code
