"""Projects: how long switching takes and what the shared current project costs the CLI.

Prints: ``default_db()`` (read the recent-projects list; what every CLI command without --db does);
``coding-toolkit documents`` with --db and without (the current project): CPU time, median of 7
processes run alternately; in
Chromium (Debian's, driven by Playwright) the time from picking the other project in the sidebar to
its transcript being shown on Kodieren, demo project (3 documents, 191 codings), median of 6.

    .venv/bin/python benchmarks/bench_projects.py
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app_pages.components.driving import CHROMIUM, CHROMIUM_ARGS, choose_coder, serve_app
from toolkit.documents import import_upload
from toolkit.project import ROOT, create_demo
from toolkit.projects import CONFIG_ENV, default_db, remember_project
from toolkit.store import open_store

ONLY_B = "Nur im Projekt B gibt es diesen Satz."
SHOWN = """([phrase, wanted]) => {
  const root = document.querySelector('.tk-root');
  return root !== null && document.querySelectorAll('.tk-turn').length > 0
    && root.innerText.includes(phrase) === wanted;
}"""


def cli_seconds(*commands: list[str]) -> list[float]:
    """Median CPU time (user + system) of each command, run alternately 7 times: on a shared
    machine the wall time mostly measures the neighbours."""
    runs: list[list[float]] = [[] for _ in commands]
    for _ in range(7):
        for i, args in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([sys.executable, "-m", "toolkit", *args], check=True, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            runs[i].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [statistics.median(r) for r in runs]


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-projects-"))
    os.environ[CONFIG_ENV] = str(tmp / "config")
    os.environ.pop("CODING_TOOLKIT_DB", None)
    a, b = tmp / "a.db", tmp / "b.db"
    create_demo(a, ROOT, actor="bench")
    shutil.copy(a, b)
    with open_store(b) as store:
        import_upload(store, f"I: Frage?\n\nB: {ONLY_B}\n".encode(), "aaa_projekt_b.txt", actor="bench")
    remember_project(b, name="Projekt B")
    remember_project(a, name="Projekt A")

    n = 1000
    t0 = time.perf_counter()
    for _ in range(n):
        default_db()
    print(f"default_db() (read the recent list): {(time.perf_counter() - t0) / n * 1e6:.0f} µs per call")
    with_db, without = cli_seconds(["--db", str(a), "documents"], ["documents"])
    print(
        f"coding-toolkit documents, CPU time: --db {with_db:.2f} s, current project {without:.2f} s "
        f"(ratio {without / with_db:.2f}; median of 7)"
    )

    if not Path(CHROMIUM).exists():
        print("Chromium missing: browser part skipped")
        return
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {"Projekt B": [], "Projekt A": []}
    with serve_app("", ROOT) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        pg.goto(url)
        choose_coder(pg, "anna")
        for _ in range(3):
            for name in ("Projekt B", "Projekt A"):
                pg.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").nth(1).click()
                option = pg.get_by_role("option", name=name)
                option.wait_for()
                t0 = time.perf_counter()
                option.click()
                pg.wait_for_function(SHOWN, arg=[ONLY_B, name == "Projekt B"], timeout=30_000)
                times[name].append(time.perf_counter() - t0)
                time.sleep(0.5)
        browser.close()
    every = times["Projekt A"] + times["Projekt B"]
    print(
        f"switch project in the sidebar -> its transcript shown: median {statistics.median(every):.2f} s "
        f"(min {min(every):.2f}, max {max(every):.2f}; {len(every)} switches)"
    )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
