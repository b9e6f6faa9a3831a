"""Eight processes adding, editing (expected_version, retry on Conflict) and deleting codings at
once on one project: nothing lost, no "database is locked", one event per acknowledged change."""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench_concurrent_codings import run


def test_eight_writers_lose_nothing_and_never_see_a_locked_database(tmp_path: Path) -> None:
    result = run(8, 30, tmp=str(tmp_path))
    assert result["errors"] == []
    assert result["locked"] == 0
    assert result["lost"] == 0
    assert result["stored"] == result["expected"] > 0
    assert result["events"] == result["acknowledged"] == result["writes"]
    assert result["integrity"] == "ok"
