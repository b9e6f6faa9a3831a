"""Driving the transcript component from Playwright, for browser tests and benchmarks: start the app
on a free port, select a code-point range of a turn with real mouse moves, as a person would."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
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
def serve_app(db: Path | str, root: Path | str) -> Iterator[str]:
    """Run ``streamlit run app.py`` from ``root`` on the project ``db``; yields the URL once the port
    answers, and stops the server afterwards."""
    port = free_port()
    env = {**os.environ, "CODING_TOOLKIT_DB": str(db)}
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    proc = subprocess.Popen(
        [*cmd, "--server.headless", "true"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


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
