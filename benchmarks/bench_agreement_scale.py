"""Agreement and consensus at a team's full scale (issue 22): seconds and peak memory per method.

Runs each method in a fresh process on a project built by ``make_scale_project.py`` and prints the
time of the library call and the process's peak resident memory (``resource.getrusage``
``ru_maxrss``; ``baseline`` is the same process after its imports, before any work). The CPU
seconds (user + system) of the call are printed too: on a shared machine they vary less than the
wall-clock time.
Targets for 1,000 documents, 1 M codings, 3 coders (two compared): unit/sentences < 10 s,
segment < 5 s, document < 1 s, peak memory < 1 GB. ``unit (sentence), cache empty`` first empties
the project's sentence cache (the very first sentence run after an import splits every document,
including spaCy's import); the next line reads the cache that run filled.

    .venv/bin/python benchmarks/make_scale_project.py --db /tmp/scale.db [--docs 100]
    .venv/bin/python benchmarks/bench_agreement_scale.py --db /tmp/scale.db [--coders anna,ben]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from toolkit.agreement import agreement
from toolkit.agreement.consensus import disagreements
from toolkit.store import open_store
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
store = open_store({db!r})
spec = json.loads({spec!r})
if spec.get("empty_cache"):  # the very first sentence run: every document split and stored
    with store.write("bench") as w:
        w.execute("DELETE FROM sentence_cache")
cpu = resource.getrusage(resource.RUSAGE_SELF)
start = time.perf_counter()
if spec["method"] == "consensus":
    out = disagreements(store, *spec["coders"][:2], method="segment")
    size = len(out)
else:
    result = agreement(store, spec["coders"], method=spec["method"], unit=spec.get("unit", "sentence"),
                       draws=spec.get("draws", 1000))
    size = result.counts.get("documents", 0)
elapsed = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF)
used = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
print(json.dumps({{"seconds": elapsed, "cpu": used, "peak_mb": after.ru_maxrss / 1024,
                  "base_mb": base / 1024, "size": size}}))
"""

SPECS = [
    {"method": "document"},
    {"method": "segment"},
    {"method": "unit", "unit": "sentence", "empty_cache": True},
    {"method": "unit", "unit": "sentence"},
    {"method": "unit", "unit": "turn"},
    {"method": "character"},
    {"method": "unitized"},
    {"method": "consensus"},
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--coders", default="anna,ben")
    parser.add_argument("--only", help="comma-separated methods (document,segment,unit,...)")
    args = parser.parse_args()
    coders = args.coders.split(",")
    only = set(args.only.split(",")) if args.only else None
    print(f"{args.db}, coders {', '.join(coders)}")
    for spec in SPECS:
        if only and spec["method"] not in only:
            continue
        spec = {**spec, "coders": coders}
        code = CHILD.format(root=str(ROOT), db=str(args.db), spec=json.dumps(spec))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        label = spec["method"] + (f" ({spec['unit']})" if "unit" in spec else "")
        label += ", cache empty" if spec.get("empty_cache") else ""
        if done.returncode:
            print(f"  {label}: failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        fig = json.loads(done.stdout.strip().splitlines()[-1])
        what = "disagreements" if spec["method"] == "consensus" else "documents"
        print(
            f"  {label:30s} {fig['seconds']:7.2f} s (CPU {fig['cpu']:6.2f} s)   "
            f"peak {fig['peak_mb']:5.0f} MB "
            f"(baseline {fig['base_mb']:.0f} MB)   {fig['size']:,} {what}"
        )


if __name__ == "__main__":
    main()
