"""What the browser test modules share (Debian chromium driven by Playwright for Python).

A module calls :func:`require_chromium` at import: it returns ``playwright.sync_api`` or skips the
whole module with the reason when Playwright or chromium is missing. The fixtures ``browser`` (one
chromium per module) and ``app_url`` (one Streamlit server per module, opening the current project)
live in ``conftest.py``; a test makes its own fresh project current with :func:`open_project` before
it opens a page, so the tests of a module share the server but not their data. The helpers below
(:func:`body_has`, :func:`shoot`, :func:`choose_by_typing`, :func:`eventually`) are the ways the
modules wait, photograph and choose.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import pytest

from app_pages.components.driving import CHROMIUM
from toolkit.projects import remember_project

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts"))
T = TypeVar("T")


def require_chromium() -> ModuleType:
    """``playwright.sync_api``; skips the calling test module when it or Debian's chromium is missing."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (`make browser` installs it)", allow_module_level=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return sync_api


def open_project(
    browser: Any,
    app_url: str,
    db: Path,
    path: str = "",
    *,
    width: int = 1400,
    height: int = 900,
    dialogs: list[str] | None = None,
) -> Any:
    """A new tab (with its own cookies) on ``app_url + path`` showing the project ``db``: ``db``
    becomes the current project, which the module's server opens in every new tab. With
    ``dialogs``, every alert/confirm the page raises from its first load on is dismissed and its
    message recorded there."""
    remember_project(db)
    pg = browser.new_page(viewport={"width": width, "height": height})
    if dialogs is not None:
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(app_url + path)
    return pg


def warm_up(browser: Any, url: str, timeout_ms: int = 180_000) -> None:
    """Open the app once and wait until its page has drawn and the run has ended: the server's first
    run imports the toolkit (spaCy, pandas), which would otherwise eat the first test's waits on a
    busy machine. Called once per server, by the fixture that starts it."""
    pg = browser.new_page()
    try:
        pg.goto(url)
        pg.wait_for_function(
            "() => (document.querySelector('[data-testid=stMain]')?.innerText || '').trim().length > 0"
            " && !document.querySelector('[data-testid=stAppRunningIcon]')",
            timeout=timeout_ms,
        )
    finally:
        pg.close()


def body_has(pg: Any, text: str, timeout: int = 60_000) -> None:
    """Wait until ``text`` stands on the page ``pg`` (a loaded machine redraws slowly)."""
    pg.wait_for_function("(t) => document.body.innerText.includes(t)", arg=text, timeout=timeout)


def shoot(pg: Any, name: str) -> None:
    """A screenshot of the page from its top into test-artifacts/ (Streamlit scrolls inside its main
    block, so that is scrolled up first)."""
    pg.evaluate(
        "() => document.querySelectorAll('[data-testid=stMain], section').forEach(e => e.scrollTo(0, 0))"
    )
    time.sleep(0.3)
    pg.screenshot(path=str(ARTIFACTS / name))


def shoot_both_sizes(pg: Any, stem: str) -> None:
    """``stem-1400.png`` at 1400×900, then ``stem-1024.png`` at 1024×768 (the page stays at 1024×768)."""
    pg.set_viewport_size({"width": 1400, "height": 900})
    time.sleep(0.8)
    shoot(pg, f"{stem}-1400.png")
    pg.set_viewport_size({"width": 1024, "height": 768})
    time.sleep(0.8)
    shoot(pg, f"{stem}-1024.png")


def choose_by_typing(pg: Any, box: Any, option: str) -> None:
    """Choose ``option`` in the Streamlit select box ``box`` by typing it and Enter, as a keyboard user
    would, and check the box's value: the option list re-renders while the page above it reruns, so a
    click on an option can miss."""
    for _ in range(3):
        box.click()
        pg.keyboard.type(option)
        pg.keyboard.press("Enter")
        time.sleep(0.5)
        if option in box.locator("input").first.input_value():
            return
    raise AssertionError(f"{option!r} could not be chosen")


def eventually(check: Callable[[], T], timeout: float = 20) -> T:
    """The first truthy result of ``check`` within ``timeout`` seconds, else its last result (for what
    the app writes into the project after a click)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    return check()
