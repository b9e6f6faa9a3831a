"""The app in a real browser (Debian chromium driven by Playwright): it renders, and transcript text
that looks like HTML or script stays text. Skips when chromium or Playwright is not installed;
.ci/run installs both."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit.documents import import_upload
from toolkit.project import DEFAULT_CODEBOOK, init_project
from toolkit.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian chromium is not installed", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    db = tmp_path / "browser.db"
    init_project(db, codebook=DEFAULT_CODEBOOK, actor="test")
    with open_store(db) as store:
        import_upload(
            store,
            b"I: <img src=x onerror=\"alert('xss')\"> <script>alert(1)</script>\n\nB: Ja.\n",
            "xss_<b>fett</b>.txt",
            actor="test",
        )
    port = _free_port()
    env = {**os.environ, "CODING_TOOLKIT_DB": str(db)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_overview_renders_and_script_in_transcripts_stays_text(server: str, tmp_path: Path) -> None:
    dialogs: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server)
        page.wait_for_selector("text=Codebuch", timeout=30_000)
        page.wait_for_timeout(1500)
        assert page.get_by_text("Projekt", exact=True).first.is_visible()
        assert page.locator("[data-testid='stMetricValue']").first.inner_text() == "1"
        page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
        assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
        browser.close()
    assert dialogs == []
