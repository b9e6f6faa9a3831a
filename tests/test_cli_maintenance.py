"""backup, restore, snapshot, history and pseudonyms through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli

TRANSCRIPT = (
    "Frau Berger: Wir haben in Musterstadt die E-Akte eingeführt.\n\n"
    "I: Und Herr Yilmaz?\n\n"
    "Frau Berger: Der kommt aus Musterstadt und druckt alles aus.\n"
)


def invoke(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env=env or {"CODING_TOOLKIT_USER": "lead"})
    return result.exit_code, result.output


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    assert invoke(path, "init")[0] == 0
    (tmp_path / "berger.txt").write_text(TRANSCRIPT, encoding="utf-8")
    code, out = invoke(path, "import", str(tmp_path / "berger.txt"))
    assert code == 0, out
    return path


def test_backup_then_restore_with_confirmation(db: Path, tmp_path: Path) -> None:
    code, out = invoke(db, "backup", "-o", str(tmp_path / "b.db"), "--json")
    assert code == 0, out
    assert json.loads(out)["documents"] == 1
    assert invoke(db, "backup", "-o", str(tmp_path / "b.db"))[0] == 1  # never overwrites
    (tmp_path / "other.txt").write_text("B: Noch ein Interview.\n", encoding="utf-8")
    assert invoke(db, "import", str(tmp_path / "other.txt"))[0] == 0
    result = CliRunner().invoke(cli, ["--db", str(db), "restore", str(tmp_path / "b.db")], input="n\n")
    assert result.exit_code == 1 and "Aborted" in result.output
    assert len(json.loads(invoke(db, "documents", "--json")[1])) == 2
    code, out = invoke(db, "restore", str(tmp_path / "b.db"), "--yes")
    assert code == 0 and "previous state is in" in out, out
    assert len(json.loads(invoke(db, "documents", "--json")[1])) == 1


def test_restore_of_a_non_project_is_one_clear_line(db: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("hello", encoding="utf-8")
    code, out = invoke(db, "restore", str(tmp_path / "notes.db"), "--yes")
    assert code == 1 and "not a SQLite database" in out and len(out.strip().splitlines()) == 1


def test_snapshot_and_history(db: Path, tmp_path: Path) -> None:
    code, out = invoke(db, "snapshot", "--folder", str(tmp_path / "snaps"), "--keep", "2")
    assert code == 0 and (tmp_path / "snaps").is_dir(), out
    code, out = invoke(db, "history", "--document", "berger", "--json")
    assert code == 0, out
    events = json.loads(out)
    assert [(e["actor"], e["action"]) for e in events] == [("lead", "import")]
    code, out = invoke(db, "history", "--limit", "1")
    assert code == 0 and "imported document berger" in out


@pytest.mark.slow
def test_pseudonyms_commands(db: Path, tmp_path: Path) -> None:
    code, out = invoke(db, "pseudonyms", "propose", "--json")
    assert code == 0, out
    assert {"Berger", "Musterstadt", "Yilmaz"} <= {c["original"] for c in json.loads(out)}
    assert invoke(db, "pseudonyms", "add", "Berger")[0] == 0
    assert (
        invoke(db, "pseudonyms", "add", "Musterstadt", "--placeholder", "[Stadt A]", "--kind", "place")[0]
        == 0
    )
    code, out = invoke(db, "pseudonyms", "list", "--json")
    assert [(p["original"], p["placeholder"]) for p in json.loads(out)] == [
        ("Berger", "[Person A]"),
        ("Musterstadt", "[Stadt A]"),
    ]
    code, out = invoke(db, "pseudonyms", "apply", "--all", "--dry-run")
    assert code == 0 and "4 replaced" in out and "dry run" in out
    code, out = invoke(db, "segments", "--pseudonymise")
    assert code == 0
    code, out = invoke(db, "pseudonyms", "apply", "berger", "--yes", "--json")
    assert code == 0 and json.loads(out)[0]["total"] == 4, out
    code, out = invoke(db, "turns", "berger", "--json")
    assert [t["speaker"] for t in json.loads(out)] == ["Frau [Person A]", "I", "Frau [Person A]"]


def test_import_pseudonymised(db: Path, tmp_path: Path) -> None:
    assert invoke(db, "pseudonyms", "add", "Yilmaz")[0] == 0
    text = "Herr Yilmaz: Guten Tag.\n\nI: Hallo Herr Yilmaz.\n\nHerr Yilmaz: Ja, bitte.\n"
    (tmp_path / "Yilmaz.txt").write_text(text, encoding="utf-8")
    code, out = invoke(db, "import", str(tmp_path / "Yilmaz.txt"), "--pseudonymise", "--json")
    assert code == 0, out
    assert json.loads(out)[0]["document"] == "[Person A]"
    code, out = invoke(db, "turns", "[Person A]", "--json")
    assert [t["speaker"] for t in json.loads(out)] == ["Herr [Person A]", "I", "Herr [Person A]"]


def test_segments_pseudonymised_and_written_atomically(db: Path, tmp_path: Path) -> None:
    assert invoke(db, "code", "berger", "13", "60", "Mensch", "--coder", "anna")[0] == 0
    assert invoke(db, "pseudonyms", "add", "Musterstadt", "--kind", "place")[0] == 0
    out_file = tmp_path / "seg.csv"
    code, out = invoke(db, "segments", "--pseudonymise", "-o", str(out_file))
    assert code == 0, out
    content = out_file.read_text(encoding="utf-8-sig")
    assert "[Ort A]" in content and "Musterstadt" not in content
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    code, out = invoke(db, "pseudonyms", "list", env={"CODING_TOOLKIT_USER": "someone"})
    assert code == 0  # single-user mode: everyone is a lead


def test_codings_export_pseudonymised(db: Path, tmp_path: Path) -> None:
    assert (
        invoke(db, "code", "berger", "13", "60", "Mensch", "--coder", "anna", "--memo", "Berger zögert")[0]
        == 0
    )
    assert invoke(db, "pseudonyms", "add", "Berger")[0] == 0
    assert invoke(db, "pseudonyms", "add", "Musterstadt", "--kind", "place")[0] == 0
    code, out = invoke(db, "codings", "export", "--format", "json", "--pseudonymise")
    assert code == 0, out
    [row] = json.loads(out)
    assert "[Ort A]" in row["text"] and row["memo"] == "[Person A] zögert"
    assert "Musterstadt" in invoke(db, "codings", "export", "--format", "json")[1]  # the project is unchanged


def test_pseudonyms_propose_says_where_a_name_outside_the_documents_was_found(db: Path) -> None:
    memo = "Laut Frau Kellermann gilt das auch für Flyer."
    code, out = invoke(db, "memo", "code", "Information", memo, env={"CODING_TOOLKIT_USER": "anna"})
    assert code == 0, out
    code, out = invoke(db, "pseudonyms", "propose", "--json")
    assert code == 0, out
    found = {c["original"]: c for c in json.loads(out)}
    assert found["Kellermann"]["documents"] == []
    assert found["Kellermann"]["elsewhere"] == [{"kind": "code_memo", "where": "Information"}]
    assert found["Berger"]["documents"] == ["berger"] and found["Berger"]["elsewhere"] == []
    code, out = invoke(db, "pseudonyms", "propose")
    line = next(row for row in out.splitlines() if "\tKellermann\t" in row)
    assert line.endswith("\tcode memo: Information")
    assert next(row for row in out.splitlines() if "\tBerger\t" in row).endswith("\tberger")
