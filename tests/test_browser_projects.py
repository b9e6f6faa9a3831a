"""Projects and links in a real browser (Debian chromium, Playwright): the app opens the current
project, creates a new one and switches between projects (page Projekte, sidebar); a Konsens card
shows speaker, time and turn and its link opens the span in Kodieren, in the project it came from.
Screenshots at 1400×900 and 1024×768 go to test-artifacts/."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from _browser import ARTIFACTS, ROOT, body_has, choose_by_typing, eventually, require_chromium, shoot, warm_up

from app_pages.components.driving import choose_coder, project_with_transcript, serve_app
from toolkit.codings import add_coder, add_coding
from toolkit.documents import document_text
from toolkit.projects import CONFIG_ENV, current_project, remember_project
from toolkit.store import open_store

require_chromium()

ALPHA = (
    "I: [00:00:05] Wie kam die E-Akte zu Ihnen?\n\n"
    "B: [00:01:10] Am Anfang schon holprig. Das Formular kommt als PDF, wir drucken es aus und tippen es ab. "
    "Dann liegt es wieder auf Papier.\n"
)
QUOTE = "wir drucken es aus und tippen es ab"


def test_create_switch_and_follow_a_link_into_another_project(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))  # the server gets this list too
    alpha = project_with_transcript(tmp_path / "alpha.db", ALPHA, "interview_alpha.txt")
    beta = project_with_transcript(tmp_path / "beta.db", "I: Frage?\n\nB: Antwort.\n", "interview_beta.txt")
    with open_store(alpha) as store:
        add_coder(store, "ben")
        start = document_text(store, "interview_alpha").index(QUOTE)
        add_coding(store, "interview_alpha", start, start + len(QUOTE), "Information", coder="anna")
        add_coding(store, "interview_alpha", start, start + len(QUOTE), "Mensch", coder="ben")
    remember_project(beta, name="Beta")
    remember_project(alpha, name="Alpha")  # the current project
    # a server of its own: it must read this test's project list (no CODING_TOOLKIT_DB)
    with serve_app("", ROOT) as url:
        warm_up(browser, url)
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        pg.set_default_timeout(60_000)  # a loaded machine redraws slowly; clicks wait for stable elements
        pg.goto(url)
        choose_coder(pg, "anna")  # Alpha's transcript is there
        assert "Wie kam die E-Akte" in pg.locator(".tk-root").inner_text()

        pg.goto(f"{url}/projects")
        body_has(pg, "Zuletzt geöffnet")
        body_has(pg, "Geöffnet: Alpha")
        pg.get_by_label("Name", exact=True).fill("Studie Test")
        pg.get_by_label("Ordner").fill(str(tmp_path / "neu"))
        pg.get_by_label("Ordner").press("Enter")
        body_has(pg, "studie-test.db")
        pg.get_by_text("leer", exact=True).click()
        shoot(pg, "projects-1400.png")
        pg.get_by_role("button", name="Anlegen und öffnen").click()
        body_has(pg, "Geöffnet: Studie Test")
        body_has(pg, "angelegt und geöffnet")  # the toast
        created = tmp_path / "neu" / "studie-test.db"
        assert created.exists() and current_project() == created

        pg.set_viewport_size({"width": 1024, "height": 768})
        # the box sits low in the sidebar at 768 px: choose by typing
        choose_by_typing(pg, pg.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").nth(1), "Beta")
        body_has(pg, "Geöffnet: Beta")
        assert eventually(lambda: current_project() == beta)
        shoot(pg, "projects-1024.png")

        card = pg.locator("[data-testid=stVerticalBlock]").filter(has_text="alpha.db").last
        card.get_by_role("button", name="Öffnen", exact=True).click()
        body_has(pg, "Geöffnet: Alpha")
        pg.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").first.click()
        pg.get_by_role("option", name="anna").click()
        pg.locator("[data-testid=stSidebarNav]").get_by_text("Konsens").click()
        link = pg.get_by_role("link", name="in neuem Tab").first
        link.wait_for(timeout=60_000)  # the page's first visit imports the agreement modules
        body_has(pg, "B · 00:01:10")
        pg.get_by_text("Beitrag im Zusammenhang").first.click()
        body_has(pg, "Am Anfang schon holprig.")
        shoot(pg, "consensus-context-1024.png")
        href = link.get_attribute("href") or ""
        query = parse_qs(urlsplit(href).query)
        assert query["doc"] == ["interview_alpha"] and query["project"] == [str(alpha)]
        assert query["coder"] == ["anna"]  # the new tab goes on as anna
        assert (int(query["start"][0]), int(query["end"][0])) == (start, start + len(QUOTE))

        pg.set_viewport_size({"width": 1400, "height": 900})
        pg.locator("[data-testid=stSidebarNav]").get_by_text("Auswertung").click()
        pg.get_by_role("combobox", name="Wessen Codierungen?").click()
        pg.get_by_role("option", name="anna").click()
        pg.keyboard.press("Escape")
        pg.get_by_role("tab", name="Segmente").click()
        pg.locator("[role=tabpanel] [data-testid=stDataFrame]").last.wait_for(timeout=30_000)
        time.sleep(1)  # the grid draws on a canvas
        shoot(pg, "analysis-segments-1400.png")
        grid = pg.locator("[role=tabpanel] [data-testid=stDataFrame]").last.bounding_box()
        assert grid is not None
        pg.mouse.click(grid["x"] + 14, grid["y"] + 35 + 17)  # the first row's box: open it here
        here = pg.locator(".tk-linked")
        here.first.wait_for(timeout=30_000)  # same tab, same session: Kodieren at the span
        assert "".join(here.all_inner_texts()) == QUOTE and len(pg.context.pages) == 1
        pg.locator("[data-testid=stSidebarNav]").get_by_text("Projekt", exact=True).click()
        heading = pg.get_by_text("Letzte Änderungen an Codierungen")
        heading.wait_for(timeout=30_000)
        history = pg.locator("[data-testid=stDataFrame]").last
        pg.wait_for_function(
            "() => { const f = [...document.querySelectorAll('[data-testid=stDataFrame]')];"
            " return f.length > 0 && f[f.length - 1].getBoundingClientRect().height > 0; }",
            timeout=30_000,
        )
        history.scroll_into_view_if_needed()
        time.sleep(1)
        pg.screenshot(path=str(ARTIFACTS / "overview-history-1400.png"))

        pg.locator("[data-testid=stSidebarNav]").get_by_text("Konsens").click()
        link.wait_for(timeout=30_000)
        remember_project(beta)  # meanwhile another tab opened Beta: the link still finds Alpha
        with pg.context.expect_page() as opened:  # a link opens a new tab, a new session
            link.click()
        tab = opened.value
        linked = tab.locator(".tk-linked")
        linked.first.wait_for(timeout=30_000)
        assert "".join(linked.all_inner_texts()) == QUOTE
        assert current_project() == alpha
        tab.set_viewport_size({"width": 1400, "height": 900})
        tab.screenshot(path=str(ARTIFACTS / "deeplink-from-consensus-1400.png"))
        pg.get_by_role("button", name="Im Transkript öffnen").first.click()  # this tab
        here = pg.locator(".tk-linked")
        here.first.wait_for(timeout=30_000)
        assert "".join(here.all_inner_texts()) == QUOTE
        pg.context.close()
