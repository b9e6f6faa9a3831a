"""Nothing leaves this machine (issue 16, item 9): every page of a team project, before login and
after login as a lead, in real chromium, makes no request to any host but 127.0.0.1. The favicon
(a Material symbol as ``page_icon``) was fetched from fonts.gstatic.com on every page, the login
page included. Requests outside are recorded and aborted; the page's icon, stylesheet, script and
frame addresses are checked too, since headless chromium may skip fetching some of them.
Screenshots of the pages go to test-artifacts/. Skips when chromium or Playwright is missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from _browser import ARTIFACTS, ROOT, require_chromium, warm_up

from app_pages.components.driving import serve_app
from toolkit.accounts import add_user, set_team_mode
from toolkit.codings import add_coding
from toolkit.documents import import_upload
from toolkit.project import DEFAULT_CODEBOOK, init_project
from toolkit.store import open_store

PASSWORD = "korrekt-pferd-9"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# what a page loads by itself (links to documentation a person may click are not requests)
LOADED = ", ".join(
    [
        "link[rel~=icon]",
        "link[rel=stylesheet]",
        "link[rel=preload]",
        "script[src]",
        "img[src]",
        "iframe[src]",
        "source[src]",
    ]
)

sync_api = require_chromium()


def leaves(url: str) -> bool:
    """Whether fetching ``url`` would reach another machine."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and (parts.hostname or "") not in LOCAL_HOSTS


@pytest.fixture(scope="module")
def server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("offline") / "team.db"
    init_project(db, codebook=DEFAULT_CODEBOOK, actor="setup")
    with open_store(db) as store:
        text = "I: Wie kommen Informationen bei Ihnen an?\n\nB: Meist über den Flurfunk, leider.\n"
        import_upload(store, text.encode(), "interview.txt", actor="setup")
        add_user(store, "lena", role="lead", actor="setup", password=PASSWORD)
        add_coding(store, "interview", 3, 20, "Information", coder="lena")
        set_team_mode(store, True, actor="setup")
    with serve_app(db, ROOT) as url:
        warm_up(browser, url)
        yield url


def settle(pg: Any) -> None:
    """Wait until the page has drawn something and the script run has ended."""
    pg.wait_for_load_state("networkidle", timeout=30_000)
    pg.wait_for_function(
        "() => (document.querySelector('[data-testid=stMain]')?.innerText || '').trim().length > 0",
        timeout=30_000,
    )
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget] [data-testid=stSpinner], "
        "[data-testid=stAppRunningIcon]')",
        timeout=30_000,
    )
    pg.wait_for_timeout(500)


def loaded_outside(pg: Any) -> list[str]:
    """Addresses outside this machine that the page (and its frames) would load by itself."""
    found: list[str] = []
    for frame in pg.frames:
        try:
            urls = frame.eval_on_selector_all(LOADED, "els => els.map(e => e.href || e.src || '')")
        except sync_api.Error:  # a frame that went away while the page re-rendered
            continue
        found += [u for u in urls if leaves(u)]
    return found


def test_no_page_requests_anything_outside_this_machine(browser: Any, server: str) -> None:
    outside: list[tuple[str, str]] = []
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()

    def guard(route: Any) -> None:
        if leaves(route.request.url):
            outside.append((pg.url, route.request.url))
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    context.on("request", lambda r: outside.append((pg.url, r.url)) if leaves(r.url) else None)

    for path in ("/codebook", "/analysis", ""):  # logged out: every address shows the login
        pg.goto(server + path)
        pg.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
        settle(pg)
        outside += [(pg.url, u) for u in loaded_outside(pg)]
    pg.screenshot(path=str(ARTIFACTS / "offline-login.png"))

    pg.get_by_label("Name").fill("lena")
    pg.get_by_label("Passwort").fill(PASSWORD)
    pg.get_by_role("button", name="Anmelden").click()
    pg.get_by_text("Angemeldet").wait_for(timeout=30_000)
    settle(pg)
    links = pg.locator("[data-testid=stSidebarNav] a")
    titles = [t.strip().splitlines()[-1] for t in links.all_inner_texts()]  # after the icon name
    assert {"Kodieren", "Codebuch", "Projekt", "Auswertung", "Team"} <= set(titles)
    for i, title in enumerate(titles):
        links.nth(i).click()
        pg.wait_for_timeout(300)
        settle(pg)
        assert not pg.locator("[data-testid=stException]").count(), title
        outside += [(pg.url, u) for u in loaded_outside(pg)]
        pg.screenshot(path=str(ARTIFACTS / f"offline-{i:02d}.png"))
    context.close()
    assert sorted(set(outside)) == []


def test_the_documented_proxy_rules_hide_every_metrics_address(server: str) -> None:
    """Streamlit answers ``/_stcore/metrics`` with its session counts and cannot be told not to
    (issue 16, item 13); docs/team-server.md has the proxies answer 404 instead. Every address
    variant the real server answers with metrics must fall under the documented nginx rule."""
    import re
    import urllib.error
    import urllib.request

    doc = (ROOT / "docs" / "team-server.md").read_text(encoding="utf-8")
    nginx = re.search(r"location ~\* (\S+) \{\s*# [^\n]*\n\s*return 404;", doc)
    assert nginx is not None and "respond @internal 404" in doc and "@internal path /_stcore/metrics*" in doc
    rule = re.compile(nginx.group(1), re.IGNORECASE)
    answered = []
    for path in (
        "/_stcore/metrics",
        "//_stcore/metrics",
        "/_stcore/metrics/",
        "/_STCORE/metrics",
        "/_stcore/Metrics",
    ):
        try:
            with urllib.request.urlopen(server + path, timeout=10) as response:
                body = response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError:
            continue
        if "session" in body.lower():
            answered.append(path)
    assert "/_stcore/metrics" in answered  # the reason for the rule
    assert [p for p in answered if not rule.search(p)] == []
    assert not rule.search("/_stcore/health") and not rule.search("/codebook")
