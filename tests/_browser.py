"""What the browser test modules share (Debian chromium driven by Playwright for Python).

A module calls :func:`require_chromium` at import: it returns ``playwright.sync_api`` or skips the
whole module with the reason when Playwright or chromium is missing. The fixtures ``browser`` (one
chromium per module) and ``app_url`` (one Streamlit server per module, opening the current project)
live in ``conftest.py``; a test makes its own fresh project current with :func:`open_project` before
it opens a page, so the tests of a module share the server but not their data.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app_pages.components.driving import CHROMIUM
from toolkit.projects import remember_project

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts"))


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
