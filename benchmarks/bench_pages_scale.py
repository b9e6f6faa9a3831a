"""Übereinstimmung and Konsens at a team's full scale (issue 22): seconds until the first view.

Runs each page through Streamlit's ``AppTest`` on a project built by ``make_scale_project.py``
(1,000 documents, 1 M codings), as coder ``anna``, in a fresh process per page: the first run
(``cold``: includes importing the page's modules and Streamlit's scan for components, as the first
visit after the app starts) and then three more (``warm``: a new visit while the app runs, sharing
the first run's component registry as the server does; the median is printed). Also prints
the CPU seconds of the process for the first run and the warm runs (on a shared machine they vary
less than the wall-clock time; the first run's include Streamlit's threads) and its peak memory.
Targets: first view < 2 s.

    .venv/bin/python benchmarks/make_scale_project.py --db /tmp/scale.db
    .venv/bin/python benchmarks/bench_pages_scale.py --db /tmp/scale.db
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, resource, statistics, sys, time
sys.path.insert(0, {root!r})
from streamlit.testing.v1 import AppTest
from toolkit.store import open_store
store = open_store({db!r})
components = None  # AppTest scans every installed package for components on each new AppTest; the
                   # app's server does it once at start, so the visits after the first share it

def run():
    global components
    at = AppTest.from_file({page!r}, default_timeout=600)
    at._bidi_component_manager = components
    at.session_state["app_store"] = store
    at.session_state["app_coder"] = "anna"
    started = time.perf_counter()
    at.run()
    if at.exception:
        raise SystemExit(str(at.exception[0].value))
    components = at._bidi_component_manager
    return time.perf_counter() - started, at

before = resource.getrusage(resource.RUSAGE_SELF)
cold, at = run()
after = resource.getrusage(resource.RUSAGE_SELF)
cold_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
warm, cpu = [], []
for _ in range(3):
    before = resource.getrusage(resource.RUSAGE_SELF)
    seconds, at = run()
    after = resource.getrusage(resource.RUSAGE_SELF)
    warm.append(seconds)
    cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
shown = [c.value for c in at.caption][:1] + [i.value for i in at.info][:1]
print(json.dumps({{"cold": cold, "cold_cpu": cold_cpu, "warm": statistics.median(warm),
                  "cpu": statistics.median(cpu),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "shown": " | ".join(shown)[:160]}}))
"""

PAGES = {"Übereinstimmung": "app_pages/agreement.py", "Konsens": "app_pages/consensus.py"}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    print(f"{args.db}: first view per page (AppTest, coder anna)")
    for name, page in PAGES.items():
        code = CHILD.format(root=str(ROOT), db=str(args.db), page=str(ROOT / page))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"  {name}: failed: {(done.stderr or done.stdout).strip().splitlines()[-1:]}")
            continue
        fig = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"  {name:16s} warm {fig['warm']:5.2f} s (CPU {fig['cpu']:5.2f} s), "
            f"cold {fig['cold']:5.2f} s (CPU {fig['cold_cpu']:5.2f} s), "
            f"peak {fig['peak_mb']:4.0f} MB   shows: {fig['shown']}"
        )


if __name__ == "__main__":
    main()
