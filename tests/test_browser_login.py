"""Team mode in a real browser (Debian chromium driven by Playwright): the served page shows only the
login form and nothing of the project; a wrong password is refused; the right one opens the coding
page as that coder, without the lead pages. Screenshots go to test-artifacts/. Skips when chromium
or Playwright is missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from _browser import ARTIFACTS, ROOT, require_chromium, warm_up

from app_pages.components.driving import serve_app
from toolkit.accounts import add_user, set_team_mode
from toolkit.documents import import_upload
from toolkit.project import DEFAULT_CODEBOOK, init_project
from toolkit.store import open_store

PASSWORD = "korrekt-pferd-9"
SECRET = "Zebrastreifen"

require_chromium()


@pytest.fixture(scope="module")
def server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One team server for the module (a team server keeps serving its one project); each test
    starts logged out in a tab of its own, with no cookies."""
    db = tmp_path_factory.mktemp("login") / "team.db"
    init_project(db, codebook=DEFAULT_CODEBOOK, actor="setup")
    with open_store(db) as store:
        text = f"I: Wo ist der {SECRET}?\n\nB: Vor dem Rathaus, gleich neben der Post.\n"
        import_upload(store, text.encode(), "geheim.txt", actor="setup")
        add_user(store, "lena", role="lead", actor="setup", password=PASSWORD)
        add_user(store, "anna", role="coder", actor="setup", password=PASSWORD)
        set_team_mode(store, True, actor="setup")
    with serve_app(db, ROOT) as url:
        warm_up(browser, url)
        yield url


def fill_login(pg: Any, name: str, password: str) -> None:
    pg.get_by_label("Name").fill(name)
    pg.get_by_label("Passwort").fill(password)
    pg.get_by_role("button", name="Anmelden").click()


def test_login_through_the_real_page(browser: Any, server: str) -> None:
    pg = browser.new_page(viewport={"width": 1400, "height": 900})
    pg.goto(server)
    pg.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
    pg.wait_for_timeout(500)
    before = pg.inner_text("body")
    assert SECRET not in before and "geheim" not in before
    assert pg.locator("[data-testid=stSidebarNav]").count() == 0  # no navigation before login
    pg.screenshot(path=str(ARTIFACTS / "login.png"))

    pg.goto(server + "/codebook")  # a page's own address leads to the login too
    pg.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
    pg.wait_for_timeout(500)
    assert SECRET not in pg.inner_text("body") and "Codebuch" not in pg.inner_text("body")
    pg.screenshot(path=str(ARTIFACTS / "login-other-page.png"))
    pg.goto(server)
    pg.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)

    fill_login(pg, "anna", "falsch-falsch")
    pg.get_by_text("Anmeldung fehlgeschlagen").wait_for(timeout=15_000)
    assert SECRET not in pg.inner_text("body")

    fill_login(pg, "anna", PASSWORD)
    pg.get_by_text("Angemeldet").wait_for(timeout=30_000)
    pg.wait_for_selector(".tk-turn", timeout=30_000)
    assert SECRET in pg.inner_text("body")
    nav = pg.locator("[data-testid=stSidebarNav]").inner_text()
    assert "Kodieren" in nav and "Auswertung" in nav
    assert "Dokumente" not in nav and "Konsens" not in nav and "Team" not in nav
    pg.screenshot(path=str(ARTIFACTS / "login-coder.png"))

    pg.get_by_role("button", name="Abmelden").click()
    pg.get_by_role("button", name="Anmelden").wait_for(timeout=15_000)
    pg.wait_for_timeout(500)
    assert SECRET not in pg.inner_text("body")
    pg.close()


def test_a_reload_keeps_the_login_until_logout(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.goto(server)
    pg.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
    fill_login(pg, "anna", PASSWORD)
    pg.get_by_text("Angemeldet").wait_for(timeout=30_000)
    pg.wait_for_function(
        "() => document.cookie.includes('tk_session_')", timeout=15_000
    )  # the sidebar wrote the cookie
    cookie = next(c for c in context.cookies() if c["name"].startswith("tk_session_"))
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/"

    pg.reload()  # a new Streamlit session: the cookie logs it in again
    pg.get_by_text("Angemeldet").wait_for(timeout=30_000)
    pg.wait_for_selector(".tk-turn", timeout=30_000)
    assert SECRET in pg.inner_text("body")
    assert "anna" in pg.locator("[data-testid=stSidebar]").inner_text()

    # a forged cookie is only a failed login: the form, nothing of the project
    other = context.new_page()
    context.add_cookies([{**cookie, "value": "erfunden"}])
    other.goto(server)
    other.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
    assert SECRET not in other.inner_text("body")
    other.close()
    context.add_cookies([cookie])

    pg.reload()
    pg.get_by_text("Angemeldet").wait_for(timeout=30_000)
    pg.get_by_role("button", name="Abmelden").click()
    pg.get_by_role("button", name="Anmelden").wait_for(timeout=15_000)
    pg.wait_for_function("() => !document.cookie.includes('tk_session_')", timeout=15_000)
    pg.screenshot(path=str(ARTIFACTS / "login-after-logout.png"))
    pg.reload()  # logged out: the reload shows the form again
    pg.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
    pg.wait_for_timeout(500)
    assert SECRET not in pg.inner_text("body")

    # the old token, sent again by hand, no longer opens anything
    context.add_cookies([cookie])
    pg.reload()
    pg.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
    pg.wait_for_timeout(500)
    assert SECRET not in pg.inner_text("body")
    context.close()
