"""`coding-toolkit search`: hits as JSON, bad queries as one line, autocoding with preview, dry
run, confirmation and one-step undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests._factories import add_text, store_with_codebook
from toolkit.cli import cli
from toolkit.codings import list_codings
from toolkit.store import Store

TEXT = (
    "I: Wie lief der Onlinezugang?\n\n"
    "B: Der Onlinezugang war schwierig. Ein Medienbruch beim Antrag. Noch ein Medienbruch.\n\n"
    "I: Und die Bürger?\n\n"
    "B: Die Buerger fanden den Medienbruch ärgerlich.\n"
)
CODE = "Information/Herausforderungen/Lücken"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    store = store_with_codebook(tmp_path)
    add_text(store, TEXT, "interview_a.txt")
    store.close()
    return tmp_path / "p.db"


def run(db: Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(
        cli, ["--db", str(db), "search", *args], env={"CODING_TOOLKIT_USER": "anna"}, input=input
    )


def codings(db: Path) -> list[tuple[int, int, str]]:
    with Store(db) as store:
        return [(c.start, c.end, c.text) for c in list_codings(store, coder="anna")]


def test_a_page_of_hits_and_the_counts_alone(db: Path) -> None:
    every = json.loads(run(db, "Medienbruch", "--json").output)
    assert len(every) == 3
    page = run(db, "Medienbruch", "--json", "--offset", "1", "--limit", "1")
    assert json.loads(page.output) == every[1:2]
    shown = run(db, "Medienbruch", "--offset", "1", "--limit", "1")
    assert "2-2 of 3 hits" in shown.stderr
    counted = json.loads(run(db, "Medienbruch", "--counts", "--json").output)
    assert counted == {"total": 3, "documents": {"interview_a": 3}, "speakers": {"B": 3}}


def test_search_prints_the_hits_as_json(db: Path) -> None:
    result = run(db, "Medienbruch", "--json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert [h["text"] for h in hits] == ["Medienbruch"] * 3
    assert set(hits[0]) >= {"document", "start", "end", "text", "speaker", "timestamp", "context"}
    assert hits[0]["speaker"] == "B" and "[Medienbruch]" in hits[0]["context"]


def test_fold_regex_and_document_options(db: Path) -> None:
    folded = json.loads(run(db, "Bürger", "--fold", "--json").output)
    assert [h["text"] for h in folded] == ["Bürger", "Buerger"]
    regex = json.loads(run(db, r"Online\w+", "--regex", "--json").output)
    assert [h["text"] for h in regex] == ["Onlinezugang", "Onlinezugang"]
    missing = run(db, "Antrag", "--document", "nope")
    assert missing.exit_code == 1 and "no document 'nope'" in missing.output


@pytest.mark.parametrize("query", ['"Medienbruch', "", "NOT Antrag"])
def test_a_bad_query_is_one_line_and_exit_code_1(db: Path, query: str) -> None:
    result = run(db, query)
    assert result.exit_code == 1
    assert result.output.startswith("Error: query") and len(result.output.strip().splitlines()) == 1


def test_dry_run_shows_what_would_be_coded_and_changes_nothing(db: Path) -> None:
    result = run(db, "Medienbruch", "--autocode", CODE, "--scope", "sentence", "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    plan = json.loads(result.output)
    assert [p["text"] for p in plan["new"]] == [
        "Ein Medienbruch beim Antrag.",
        "Noch ein Medienbruch.",
        "Die Buerger fanden den Medienbruch ärgerlich.",
    ]
    assert codings(db) == []


def test_autocode_asks_then_writes_the_preview_and_undo_takes_it_back_in_one_step(db: Path) -> None:
    declined = run(db, "Medienbruch", "--code", CODE, input="n\n")
    assert declined.exit_code == 1 and codings(db) == []
    result = run(db, "Medienbruch", "--code", CODE, "--unit", "turn", input="y\n")
    assert result.exit_code == 0, result.output
    assert "2 new codings" in result.output
    assert [t for _, _, t in codings(db)] == [
        "Der Onlinezugang war schwierig. Ein Medienbruch beim Antrag. Noch ein Medienbruch.",
        "Die Buerger fanden den Medienbruch ärgerlich.",
    ]
    again = run(db, "Medienbruch", "--code", CODE, "--unit", "turn", "--yes")
    assert "0 new codings" in again.output and "2 already coded" in again.output
    undone = run(db, "--undo-autocode")
    assert undone.exit_code == 0, undone.output
    assert codings(db) == []
    assert run(db, "--undo-autocode").exit_code == 1
