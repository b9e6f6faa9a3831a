"""``coding-toolkit suggestion accept|reject|rejections`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _factories import add_text, store_with_codebook
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.store import open_store

LUECKEN = "Information/Herausforderungen/Lücken"
TEXT = "I: Wie erfahren Sie es?\n\nB: Meist über Flurfunk. Das Wetter war gut.\n"


def project(tmp_path: Path) -> tuple[Path, int, int]:
    store = store_with_codebook(tmp_path)
    add_text(store, TEXT, "interview.txt", language="de")
    store.close()
    start = TEXT.index("Meist")
    return tmp_path / "p.db", start, TEXT.index(" Das Wetter")


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "suggestion", *args])
    return result.exit_code, result.output


@pytest.mark.slow
def test_accept_codes_the_suggestion_with_its_provenance(tmp_path: Path) -> None:
    db, start, end = project(tmp_path)
    code, out = run(db, "accept", "interview", str(start), str(end), "Lücken", "--coder", "anna", "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["origin"] == {"origin": "suggestion:rule"}
    with open_store(db) as store:
        assert store.query('SELECT guid, start, "end", text FROM codings') == [
            {"guid": data["coding"], "start": start, "end": end, "text": "Meist über Flurfunk."}
        ]
    # accepted: no longer open
    code, out = run(db, "accept", "interview", str(start), str(end), LUECKEN, "--coder", "anna")
    assert code == 1 and "no open suggestion" in out


def test_accept_of_something_never_suggested_changes_nothing(tmp_path: Path) -> None:
    db, _, _ = project(tmp_path)
    wetter = TEXT.index("Das Wetter")
    code, out = run(db, "accept", "interview", str(wetter), str(wetter + 19), LUECKEN, "--coder", "anna")
    assert code == 1
    assert "coding-toolkit suggest interview --coder anna" in out
    with open_store(db) as store:
        assert store.query("SELECT id FROM codings") == []


@pytest.mark.slow
def test_reject_then_list_rejections(tmp_path: Path) -> None:
    db, start, end = project(tmp_path)
    code, out = run(db, "reject", "interview", str(start), str(end), LUECKEN, "--coder", "anna")
    assert code == 0, out
    code, out = run(db, "rejections", "--coder", "anna", "--json")
    assert json.loads(out) == [
        {"document": "interview", "start": start, "end": end, "code_path": LUECKEN, "coder": "anna"}
    ]
    code, out = run(db, "rejections", "--coder", "ben")
    assert (code, out) == (0, "")
    result = CliRunner().invoke(cli, ["--db", str(db), "suggest", "interview", "--coder", "anna", "--json"])
    assert [s for s in json.loads(result.output) if s["start"] == start and s["end"] == end] == []
