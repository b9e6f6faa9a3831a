"""`coding-toolkit paraphrase add/list/group/to-code/undo`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests._factories import two_coder_project
from toolkit.cli import cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    two_coder_project(tmp_path).close()
    return tmp_path / "p.db"


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], env={"CODING_TOOLKIT_USER": "anna"})


def test_add_list_group_to_code_and_undo(db: Path) -> None:
    assert run(db, "paraphrase", "add", "t", "3", "18", "Zählt bis drei.").exit_code == 0
    assert run(db, "paraphrase", "add", "t", "40", "57", "Zählt weiter.").exit_code == 0
    listed = json.loads(run(db, "paraphrase", "list", "--document", "t", "--json").output)
    assert [(p["start"], p["end"], p["text"], p["coder"]) for p in listed] == [
        (3, 18, "Zählt bis drei.", "anna"),
        (40, 57, "Zählt weiter.", "anna"),
    ]
    ids = [str(p["id"]) for p in listed]
    result = run(db, "paraphrase", "group", "Zählen", *ids)
    assert result.exit_code == 0 and "group Zählen: 2 paraphrases" in result.output
    result = run(db, "paraphrase", "to-code", "Zählen", "--parent", "Information", "--coder", "anna")
    assert result.exit_code == 0, result.output
    assert "new code Information/Zählen: 2 segments coded" in result.output
    coded = json.loads(run(db, "codings", "export", "--format", "json").output)
    assert sum(c["code_path"] == "Information/Zählen" for c in coded) == 2
    assert "undone: category Information/Zählen" in run(db, "paraphrase", "undo").output
    coded = json.loads(run(db, "codings", "export", "--format", "json").output)
    assert not any(c["code_path"] == "Information/Zählen" for c in coded)


def test_errors_are_one_line_and_change_nothing(db: Path) -> None:
    result = run(db, "paraphrase", "add", "nope", "0", "2", "x")
    assert result.exit_code == 1 and "no document 'nope'" in result.output
    assert "Traceback" not in result.output
    result = run(db, "paraphrase", "to-code", "Keine", "--coder", "anna")
    assert result.exit_code == 1 and "no paraphrase group 'Keine'" in result.output
    result = run(db, "paraphrase", "group", "G", "42")
    assert result.exit_code == 1 and "no paraphrase '42'" in result.output
    assert run(db, "paraphrase", "list").output.strip() == "no paraphrases"
