"""Driving the transcript component from Playwright, for browser tests and benchmarks: start the app
on a free port, select a code-point range of a turn with real mouse moves, as a person would."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Debian's chromium, headless, with nothing that reaches the network on its own
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# client coordinates of the first and last character of a code-point range in one turn
LOCATE_JS = """
([turn, from, to]) => {
  const box = document.querySelectorAll('.tk-text')[turn];
  const root = box.closest('.tk-root');
  root.scrollIntoView({block: 'start'});
  window.scrollBy(0, -80);  // clear of the app's fixed header
  root.scrollTop += box.getBoundingClientRect().top - root.getBoundingClientRect().top - 8;
  function find(cp) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chars = Array.from(node.data);
      if (cp < seen + chars.length) {
        const idx = chars.slice(0, cp - seen).join('').length;
        const r = document.createRange();
        r.setStart(node, idx);
        r.setEnd(node, idx + chars[cp - seen].length);
        return r.getBoundingClientRect();
      }
      seen += chars.length;
    }
    throw new Error('offset outside the turn');
  }
  const a = find(from), b = find(to - 1);
  return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
}
"""


def select_range(page: Any, turn: int, start: int, end: int) -> str:
    """Select code points [start, end) of the turn-th turn by mouse; returns the browser's selection."""
    box = page.evaluate(LOCATE_JS, [turn, start, end])
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=5)
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()
    return str(page.evaluate("window.getSelection().toString()"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_app(db: Path | str, root: Path | str, *, timeout: float = 90) -> Iterator[str]:
    """Run ``streamlit run app.py`` from ``root`` on the project ``db`` (``""``: the current project,
    as ``make run`` without DB); yields the URL once the server reports healthy, and stops it
    afterwards. A port taken meanwhile by another process (parallel tests) is retried on a new one;
    a server that does not come up raises with the end of its output."""
    for attempt in range(3):
        port = free_port()
        with tempfile.TemporaryFile() as log:
            proc = subprocess.Popen(
                [
                    *[sys.executable, "-m", "streamlit", "run", "app.py"],
                    *["--server.port", str(port), "--server.headless", "true"],
                    # no file watcher: tests change no source, and watching costs CPU on a busy machine
                    *["--server.fileWatcherType", "none", "--server.runOnSave", "false"],
                ],
                cwd=root,
                env={**os.environ, "CODING_TOOLKIT_DB": str(db)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                url = f"http://127.0.0.1:{port}"
                if _wait_healthy(proc, url, timeout):
                    yield url
                    return
                log.seek(0)
                output = log.read().decode("utf-8", "replace")[-2000:]
                if proc.poll() is None or attempt == 2 or "already in use" not in output:
                    raise RuntimeError(f"the app did not start on {url} within {timeout:.0f} s:\n{output}")
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def _wait_healthy(proc: subprocess.Popen[bytes], url: str, timeout: float) -> bool:
    """Whether the server at ``url`` answers its health check before ``timeout`` s or its exit."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def project_with_transcript(db: Path, text: str, filename: str, *, language: str | None = None) -> Path:
    """A project at ``db`` with the shipped codebook, one transcript and the coder ``anna``."""
    from toolkit.codings import add_coder
    from toolkit.documents import import_upload
    from toolkit.project import DEFAULT_CODEBOOK, init_project
    from toolkit.store import open_store

    init_project(db, codebook=DEFAULT_CODEBOOK, actor="test")
    with open_store(db) as store:
        import_upload(store, text.encode(), filename, actor="test", language=language)
        add_coder(store, "anna")
    return db


def choose_coder(pg: Any, name: str) -> None:
    """Pick ``name`` in the sidebar's coder box and wait for the transcript."""
    pg.wait_for_selector("text=Kodierer:in", timeout=30_000)
    pg.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").first.click()
    pg.get_by_role("option", name=name).click()
    pg.wait_for_selector(".tk-turn", timeout=30_000)
