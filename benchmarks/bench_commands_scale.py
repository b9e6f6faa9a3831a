"""CLI commands at a team's full scale (issue 22): seconds, CPU seconds and peak memory of each.

Each command runs as its own ``coding-toolkit`` process on a project built by
``make_scale_project.py``; its CPU time and peak resident memory come from ``os.wait4`` (that
process alone). ``frequencies`` runs twice: first with the analysis cache removed (what the first
table after a change of the codebook, coders or documents costs: every coding read), then from the
cache. Targets: report with capped quotes < 10 s, backup < 5 s, no command above 1 GB.

    .venv/bin/python benchmarks/make_scale_project.py --db /tmp/scale.db
    .venv/bin/python benchmarks/bench_commands_scale.py --db /tmp/scale.db
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "toolkit"]


def run(db: Path, args: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak MB and exit code of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*CLI, "--db", str(db), *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--coder", default="anna")
    parser.add_argument(
        "--group-by", default="municipality_type", help="document attribute of the grouped matrix"
    )
    args = parser.parse_args()
    cache = args.db.with_name(f".{args.db.name}.analysis-cache.npz")
    group = f"attribute:{args.group_by}"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        commands = [
            ("frequencies, every coding read", ["frequencies", "--coder", args.coder]),
            ("frequencies from the cache", ["frequencies", "--coder", args.coder]),
            ("matrix (first page of 40)", ["matrix", "--coder", args.coder]),
            ("matrix, page 25 of 25", ["matrix", "--coder", args.coder, "--page", "25"]),
            ("matrix grouped by an attribute", ["matrix", "--coder", args.coder, "--group-by", group]),
            ("report, 10 quotes per code", ["report", "-o", str(out / "r.docx"), "--coder", args.coder]),
            ("backup", ["backup", "-o", str(out / "b.db")]),
        ]
        print(f"{args.db}: one process per command (coder {args.coder})")
        for i, (label, command) in enumerate(commands):
            if i == 0:
                cache.unlink(missing_ok=True)
            wall, cpu, peak, code = run(args.db, command)
            state = "" if code == 0 else f"   FAILED (exit {code})"
            print(f"  {label:32s} {wall:7.2f} s (CPU {cpu:6.2f} s)   peak {peak:5.0f} MB{state}")


if __name__ == "__main__":
    main()
