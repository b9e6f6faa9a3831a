"""Shared by all tests.

- Every test (and every app or CLI process a test starts) keeps its recent-projects list in a
  temporary folder, never in the user's ~/.config/coding-toolkit (one folder per xdist worker).
- Browser tests: ``browser`` (one chromium per module) and ``app_url`` (one Streamlit server per
  module); see tests/_browser.py. Every test of a ``test_browser*`` module, and every test using
  these fixtures, is marked ``browser``. Under xdist the Makefile distributes whole files
  (``--dist loadfile``), so a module's server and chromium start once. (``--dist loadgroup`` with
  ``xdist_group`` marks does not group with pytest 9.2 and pytest-xdist 3.8: xdist renames
  ``item._nodeid``, which pytest 9.2 no longer reads.)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from toolkit.projects import CONFIG_ENV

ROOT = Path(__file__).resolve().parents[1]
BROWSER_FIXTURES = {"browser", "app_url"}


@pytest.fixture(autouse=True, scope="session")
def _private_project_list(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get(CONFIG_ENV)
    os.environ[CONFIG_ENV] = str(tmp_path_factory.mktemp("config"))
    yield
    if before is None:
        os.environ.pop(CONFIG_ENV, None)
    else:
        os.environ[CONFIG_ENV] = before


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name.startswith("test_browser") or BROWSER_FIXTURES & set(
            getattr(item, "fixturenames", ())
        ):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Debian chromium for the test module; each test opens its own tabs (new_page
    gives each its own cookies) and closes them."""
    from _browser import require_chromium

    from app_pages.components.driving import CHROMIUM, CHROMIUM_ARGS

    sync_api = require_chromium()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app_url(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One Streamlit server for the test module, opening the current project in every new tab (as
    ``make run`` without DB): a test makes its own project current with ``_browser.open_project``.
    The server is warmed up on a small project of its own before the first test."""
    from _browser import warm_up

    from app_pages.components.driving import project_with_transcript, serve_app
    from toolkit.projects import remember_project

    db = project_with_transcript(tmp_path_factory.mktemp("app") / "warm.db", "I: Ja?\n\nB: Ja.\n", "warm.txt")
    remember_project(db)  # the current project until a test opens its own
    with serve_app("", ROOT) as url:
        warm_up(browser, url)
        yield url
