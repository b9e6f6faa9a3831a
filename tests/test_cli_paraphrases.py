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


def groups(db: Path) -> list[tuple[str, list[int]]]:
    return [
        (g["name"], g["paraphrases"]) for g in json.loads(run(db, "paraphrase", "groups", "--json").output)
    ]


def test_rename_and_delete_a_group_then_undo(db: Path) -> None:
    run(db, "paraphrase", "add", "t", "3", "18", "Zählt bis drei.")
    run(db, "paraphrase", "group", "Zählen", "1")
    result = run(db, "paraphrase", "rename-group", "Zählen", "Zählen lernen", "--json")
    assert result.exit_code == 0, result.output
    assert (json.loads(result.output)["name"], json.loads(result.output)["paraphrases"]) == (
        "Zählen lernen",
        [1],
    )
    assert groups(db) == [("Zählen lernen", [1])]
    result = run(db, "paraphrase", "delete-group", "Zählen lernen")
    assert result.output == "group Zählen lernen deleted; its 1 paraphrase is in no group now\n"
    assert groups(db) == []
    listed = json.loads(run(db, "paraphrase", "list", "--json").output)
    assert [(p["text"], p["group"]) for p in listed] == [("Zählt bis drei.", "")]  # kept, ungrouped
    assert run(db, "paraphrase", "undo").output == "undone: deletion of group Zählen lernen\n"
    assert run(db, "paraphrase", "undo").output == "undone: renaming of group Zählen to Zählen lernen\n"
    assert groups(db) == [("Zählen", [1])]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rename-group", "Keine", "Neu"), "no paraphrase group 'Keine'; groups are: Rechnen, Zählen"),
        (
            ("rename-group", "Zählen", " "),
            "group name ' ': give 1 to 100 characters without '/' (it becomes a code name)",
        ),
        (("rename-group", "Zählen", "Rechnen"), "anna has a group 'Rechnen' already; choose another name"),
        (("delete-group", "Keine"), "no paraphrase group 'Keine'; groups are: Rechnen, Zählen"),
    ],
)
def test_bad_group_names_are_one_line_and_change_nothing(
    db: Path, args: tuple[str, ...], message: str
) -> None:
    run(db, "paraphrase", "add", "t", "3", "18", "eins")
    run(db, "paraphrase", "add", "t", "40", "57", "drei")
    run(db, "paraphrase", "group", "Zählen", "1")
    run(db, "paraphrase", "group", "Rechnen", "2")
    before = groups(db)
    result = run(db, "paraphrase", *args)
    assert result.exit_code == 1 and result.output.strip().splitlines() == [f"Error: {message}"]
    assert groups(db) == before
