"""Suggestions in the workbench with a 10,000-word transcript.

Prints: the library's suggest() for the document (first call with the spaCy pipeline loading, then
warm); an AppTest run of the Kodieren page with suggestions on (first, computing them, and again,
cached); in Chromium (Debian's, driven by Playwright) the time from picking the 10,000-word document
with suggestions already on to the side list and the dashed outlines being shown: first opening
(suggestions computed) and reopening (cached), median of 3 each.

    .venv/bin/python benchmarks/bench_suggest_workbench.py
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_import import make_transcript
from streamlit.testing.v1 import AppTest

from app_pages.components.driving import CHROMIUM, CHROMIUM_ARGS, serve_app
from toolkit.codings import add_coder
from toolkit.documents import import_upload
from toolkit.project import DEFAULT_CODEBOOK, ROOT, init_project
from toolkit.store import open_store
from toolkit.suggest import suggest
from toolkit.suggest.feedback import open_suggestions

BIG = "zehntausend"
SMALL = "kurz"
# the document shown, its open suggestions counted in the side list, and outlines in the text
SHOWN = """([name, count]) => {
  const title = Array.from(document.querySelectorAll('h4')).some((h) => h.textContent.trim() === name);
  const caption = Array.from(document.querySelectorAll('[data-testid=stCaptionContainer]'))
    .some((c) => c.textContent.includes(`${count} offene Vorschläge`));
  return title && caption && document.querySelectorAll('.tk-sug').length > 0
    && document.querySelector('[class*=st-key-code_sug_item_]') !== null;
}"""


def build(db: Path) -> int:
    """The project; returns the number of open sentence suggestions of the big document."""
    init_project(db, codebook=DEFAULT_CODEBOOK, actor="bench")
    text = make_transcript(random.Random(7), 10_000)
    with open_store(db) as store:
        import_upload(store, "I: Wie läuft es?\n\nB: Über Flurfunk.\n".encode(), "kurz.txt", actor="bench")
        import_upload(store, text.encode(), "zehntausend.txt", actor="bench")
        add_coder(store, "anna")
        t0 = time.perf_counter()
        found = suggest(store, BIG, coder="anna")
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        found = suggest(store, BIG, coder="anna")
        warm = time.perf_counter() - t0
        sentences = open_suggestions(store, "anna", BIG, [s for s in found if s.unit == "sentence"])
    print(f"suggest() for {BIG} (10,000 words): {len(found)} suggestions, {len(sentences)} for sentences")
    print(f"  first call (spaCy pipeline loads) {cold * 1000:.0f} ms; warm {warm * 1000:.0f} ms")
    return len(sentences)


def apptest(db: Path) -> tuple[float, float]:
    import streamlit as st

    os.environ["CODING_TOOLKIT_DB"] = str(db)
    with open_store(db) as store:
        at = AppTest.from_file(str(ROOT / "app_pages" / "code.py"), default_timeout=120)
        at.session_state["app_store"] = store
        at.session_state["app_coder"] = "anna"
        at.session_state["code_doc"] = BIG
        at.run()
        st.cache_data.clear()
        t0 = time.perf_counter()
        at.toggle(key="code_sug_on").set_value(True).run()
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        at.run()
        again = time.perf_counter() - t0
        assert not at.exception, at.exception
    return first, again


# the same without suggestions: the document's title and all its turns are shown
PLAIN = """([name, turns]) =>
  Array.from(document.querySelectorAll('h4')).some((h) => h.textContent.trim() === name)
  && document.querySelectorAll('.tk-turn').length === turns"""


def pick_document(pg: Any, name: str) -> None:
    pg.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").nth(1).click()
    pg.get_by_role("option", name=name, exact=True).click()


def browser(db: Path, count: int) -> tuple[list[float], list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    with open_store(db) as store:
        turns = [
            r["n"]
            for r in store.query("SELECT count(*) AS n FROM turns GROUP BY document_id ORDER BY document_id")
        ]
    plain: list[float] = []
    first: list[float] = []
    again: list[float] = []
    for _ in range(3):
        with serve_app(db, ROOT) as url, sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pg = b.new_page(viewport={"width": 1400, "height": 950})
            pg.goto(url)
            pg.wait_for_selector("text=Kodierer:in", timeout=60_000)
            pg.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").first.click()
            pg.get_by_role("option", name="anna").click()
            pg.wait_for_selector(".tk-turn", timeout=60_000)
            t0 = time.perf_counter()
            pick_document(pg, BIG)
            pg.wait_for_function(PLAIN, arg=[BIG, turns[1]], timeout=60_000, polling="raf")
            plain.append(time.perf_counter() - t0)
            pick_document(pg, SMALL)
            pg.wait_for_function(PLAIN, arg=[SMALL, turns[0]], timeout=60_000)
            pg.locator("[data-testid=stSidebar]").get_by_text("Vorschläge", exact=True).click()
            pg.wait_for_function(SHOWN, arg=[SMALL, 1], timeout=60_000)  # spaCy is loaded now
            for times in (first, again):
                t0 = time.perf_counter()
                pick_document(pg, BIG)
                pg.wait_for_function(SHOWN, arg=[BIG, count], timeout=60_000, polling="raf")
                times.append(time.perf_counter() - t0)
                if len(again) == 1 and len(first) == 1:  # the 10,000-word document, once
                    pg.screenshot(path=str(ROOT / "test-artifacts" / "bench-suggestions.png"))
                pick_document(pg, SMALL)
                pg.wait_for_function(SHOWN, arg=[SMALL, 1], timeout=60_000)
            b.close()
    return plain, first, again


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        count = build(db)
        first, again = apptest(db)
        print(
            f"AppTest, Kodieren page with suggestions on: first {first * 1000:.0f} ms, "
            f"cached {again * 1000:.0f} ms"
        )
        if not Path(CHROMIUM).exists():
            print("chromium not installed: browser figures skipped")
            return
        (ROOT / "test-artifacts").mkdir(exist_ok=True)
        plain, opened, reopened = browser(db, count)
        for label, times in (
            ("suggestions off (transcript only)", plain),
            ("suggestions on, first opening", opened),
            ("suggestions on, reopening (cached)", reopened),
        ):
            print(
                f"Chromium, document picked -> shown, {label}, median of "
                f"{len(times)}: {statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, "
                f"max {max(times) * 1000:.0f})"
            )


if __name__ == "__main__":
    main()
