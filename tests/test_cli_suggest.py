"""``coding-toolkit suggest`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.codebook import parse_codebook
from toolkit.codes import load_codebook_into
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
    assert set(row) == {"start", "end", "code_path", "score", "source", "evidence", "unit"}
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
    assert "turn\t0.500\tMensch/Schulung\tSchulungen" in result.output
    assert "sentence" not in result.output


def test_suggest_unknown_document_says_what_exists(tmp_path: Path) -> None:
    db = project(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(db), "suggest", "nope", "--json"])
    assert result.exit_code == 1
    assert "no document 'nope'" in result.output
