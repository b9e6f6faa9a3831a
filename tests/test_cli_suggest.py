"""``coding-toolkit suggest``, ``train`` and ``evaluate-suggestions`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.codebook import parse_codebook
from toolkit.codes_merge import load_codebook_into
from toolkit.documents import import_upload
from toolkit.store import create_store

CODEBOOK = """\
format: 1
title: Test
fields_of_action: [{name: Mensch}]
codes:
  - {id: mensch, name: Mensch, field_of_action: Mensch, definition: M}
  - id: schulung
    parent: mensch
    name: Schulung
    definition: Lernen
    keywords: {de: [Schulung, Fortbildung], en: [training]}
"""


def project(tmp_path: Path) -> Path:
    db = tmp_path / "p.db"
    store = create_store(db)
    load_codebook_into(store, parse_codebook(CODEBOOK, "cb.yaml"), actor="t")
    import_upload(store, b"I: Und?\n\nB: Es gab drei Schulungen.\n", "x.txt", actor="t", language="de")
    store.close()
    return db


def test_suggest_json_lists_units_with_evidence(tmp_path: Path) -> None:
    db = project(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(db), "suggest", "x", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["unit"] for r in rows} == {"sentence", "turn"}
    row = rows[0]
    assert set(row) == {"start", "end", "code_path", "score", "source", "evidence", "unit", "model"}
    assert (row["code_path"], row["score"], row["source"], row["evidence"]) == (
        "Mensch/Schulung",
        0.5,
        "rule",
        ["Schulungen"],
    )


def test_suggest_unit_coder_and_table(tmp_path: Path) -> None:
    db = project(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "suggest", "x", "--unit", "turn", "--coder", "anna"])
    assert result.exit_code == 0, result.output
    assert "turn\t0.500\trule\tMensch/Schulung\tSchulungen" in result.output
    assert "sentence" not in result.output


def test_suggest_unknown_document_says_what_exists(tmp_path: Path) -> None:
    db = project(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(db), "suggest", "nope", "--json"])
    assert result.exit_code == 1
    assert "no document 'nope'" in result.output


# ---------------------------------------------------------------- train and evaluate-suggestions

TRAINING_CODEBOOK = """\
format: 1
title: Test
fields_of_action: [{name: Alltag}]
codes:
  - {id: alltag, name: Alltag, field_of_action: Alltag, definition: A}
  - {id: pause, parent: alltag, name: Pause, definition: Pausen}
  - {id: wetter, parent: alltag, name: Wetter, definition: Wetter}
"""
PAUSE_SENTENCE = "Wir trinken morgens Kaffee in der Küche."
WETTER_SENTENCE = "Das Wetter war gestern schön."


def coded_project(tmp_path: Path, documents: int = 4) -> Path:
    """Documents in which anna coded the coffee sentence Pause and the weather sentence Wetter."""
    from toolkit.codings import add_coding
    from toolkit.documents import document_text

    db = tmp_path / "coded.db"
    store = create_store(db)
    load_codebook_into(store, parse_codebook(TRAINING_CODEBOOK, "cb.yaml"), actor="t")
    for i in range(documents):
        text = f"I: Wie war Woche {i}?\n\nB: {PAUSE_SENTENCE} {WETTER_SENTENCE} Sonst nichts.\n"
        name = import_upload(store, text.encode(), f"woche{i}.txt", actor="t", language="de").document
        stored = document_text(store, name)
        for sentence, code in ((PAUSE_SENTENCE, "Alltag/Pause"), (WETTER_SENTENCE, "Alltag/Wetter")):
            start = stored.index(sentence)
            add_coding(store, name, start, start + len(sentence), code, coder="anna")
    store.close()
    return db


def test_train_stores_a_model_that_suggest_then_uses(tmp_path: Path) -> None:
    db = coded_project(tmp_path)
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--db", str(db), "train", "--coder", "anna", "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["language"], summary["labels"], summary["documents"]) == ("de", 2, 4)
    result = runner.invoke(cli, ["--db", str(db), "suggest", "woche0", "--unit", "sentence", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    best = max((r for r in rows if r["code_path"] == "Alltag/Pause"), key=lambda r: r["score"])
    assert (best["source"], best["model"]) == ("model", summary["model"])
    assert "kaffee" in best["evidence"]
    result = runner.invoke(cli, ["--db", str(db), "suggest", "woche0", "--rules-only", "--json"])
    assert json.loads(result.output) == []  # this codebook has no keywords


def test_train_reports_progress_and_refuses_a_coder_without_codings(tmp_path: Path) -> None:
    db = coded_project(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "train", "--coder", "anna", "--epochs", "2"])
    assert result.exit_code == 0, result.output
    assert "epoch 4/4" in result.output
    result = runner.invoke(cli, ["--db", str(db), "train", "--coder", "ben"])
    assert result.exit_code == 1
    assert "no codings to learn from" in result.output


def test_evaluate_suggestions_prints_top1_top3_and_f1_per_source(tmp_path: Path) -> None:
    db = coded_project(tmp_path)
    args = ["--db", str(db), "evaluate-suggestions", "--coder", "anna", "--json"]
    args += ["--train", "woche0", "--train", "woche1", "--train", "woche2", "--test", "woche3"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert set(figures) == {"rules", "model", "combined"}
    assert figures["model"]["codings"] == 2
    assert (figures["model"]["top1"], figures["model"]["top3"]) == (1.0, 1.0)
    assert figures["rules"]["top3"] == 0.0


def test_evaluate_suggestions_refuses_a_document_in_both_sets(tmp_path: Path) -> None:
    db = coded_project(tmp_path, documents=2)
    args = [
        "--db",
        str(db),
        "evaluate-suggestions",
        "--coder",
        "anna",
        "--train",
        "woche0",
        "--test",
        "woche0",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "both a training and a test document" in result.output


def test_suggest_orders_by_uncertainty_for_active_learning(tmp_path: Path) -> None:
    db = coded_project(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "train", "--coder", "anna", "--epochs", "2"]).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db), "suggest", "woche0", "--order", "uncertainty", "--json"])
    assert result.exit_code == 0, result.output
    distance = [abs(r["score"] - 0.5) for r in json.loads(result.output)]
    assert distance and distance == sorted(distance)
