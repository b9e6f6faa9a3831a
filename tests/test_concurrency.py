"""Eight processes adding, editing (expected_version, retry on Conflict) and deleting codings at
once on one project: nothing lost, no "database is locked", one event per acknowledged change.
Runs the benchmark script (benchmarks/bench_concurrent_codings.py), which checks the final store."""

from __future__ import annotations

import json
import subprocess
import sys

from _factories import ROOT


def test_eight_writers_lose_nothing_and_never_see_a_locked_database() -> None:
    script = ROOT / "benchmarks" / "bench_concurrent_codings.py"
    out = subprocess.run(
        [sys.executable, str(script), "--levels", "8", "--ops", "30", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    result = json.loads(out.stdout)
    assert result["writers"] == 8 and result["operations"] == 240
    assert result["errors"] == []
    assert result["locked"] == 0
    assert result["lost"] == 0
    assert result["stored"] == result["expected"] > 0
    assert result["events"] == result["acknowledged"] == result["writes"]
    assert result["integrity"] == "ok"
