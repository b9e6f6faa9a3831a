"""How fast ``coding-toolkit`` starts: CPU seconds (user + system of the child process, from
``resource.getrusage(RUSAGE_CHILDREN)``) of ``--help``, ``documents --json``, ``code --help`` and
``turns`` on the demo project (3 transcripts, 191 codings), median of N runs (default 7), run
alternately, after one run of each that is not counted. The children may write bytecode
(``PYTHONDONTWRITEBYTECODE`` is removed from their environment): a user's installation compiles each
module once, and compiling all of them again in every run would add about 0.3 s. CPU time, not wall
time: on a shared machine the wall time mostly measures the neighbours. Also prints an empty
``python -c pass`` as the floor and the targets of issue 17.

    .venv/bin/python benchmarks/bench_cli.py [N]
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from toolkit.project import ROOT, create_demo

TARGETS = {"--help": 0.3, "documents --json": 0.5}
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cpu_seconds(command: list[str]) -> float:
    """CPU time of one run of ``command`` (a failing run aborts the benchmark)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    entry = str(Path(sys.executable).with_name("coding-toolkit"))
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        create_demo(db, ROOT, actor="bench")
        commands = {
            "python -c pass (floor)": [sys.executable, "-c", "pass"],
            "--help": [entry, "--help"],
            "documents --json": [entry, "--db", db, "documents", "--json"],
            "code --help": [entry, "code", "--help"],
            "turns interview_cdo": [entry, "--db", db, "turns", "interview_cdo"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            cpu_seconds(command)  # writes the bytecode of what the command imports
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(cpu_seconds(command))
    print(f"coding-toolkit start, CPU seconds, median of {runs} (min-max):")
    for name, values in times.items():
        target = f"  target < {TARGETS[name]} s" if name in TARGETS else ""
        spread = f"({min(values):.3f}-{max(values):.3f})"
        print(f"  {name:<24} {statistics.median(values):.3f} s  {spread}{target}")


if __name__ == "__main__":
    main()
