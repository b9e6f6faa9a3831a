"""`coding-toolkit summary set/show/export/undo`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from tests._factories import two_coder_project
from toolkit.cli import cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    two_coder_project(tmp_path).close()
    return tmp_path / "p.db"


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], env={"CODING_TOOLKIT_USER": "anna"})


def test_summary_set_show_and_undo(db: Path, tmp_path: Path) -> None:
    assert run(db, "summary", "set", "t", "Information", "Lücken.").exit_code == 0
    source = tmp_path / "s.txt"
    source.write_text("Aus der Datei.\n", encoding="utf-8")
    result = run(db, "summary", "set", "t", "Mensch", "--file", str(source))
    assert result.exit_code == 0, result.output
    shown = json.loads(run(db, "summary", "show", "--json").output)
    assert [(s["document"], s["code_path"], s["coder"], s["text"]) for s in shown] == [
        ("t", "Information", "anna", "Lücken."),
        ("t", "Mensch", "anna", "Aus der Datei."),
    ]
    assert not any(s["changed"] for s in shown)
    assert "undone: summary of t / Mensch" in run(db, "summary", "undo").output
    assert len(json.loads(run(db, "summary", "show", "--json").output)) == 1


def test_summary_errors_are_one_line(db: Path) -> None:
    result = run(db, "summary", "set", "nope", "Information", "x")
    assert result.exit_code == 1 and "no document 'nope'" in result.output
    assert "Traceback" not in result.output
    assert run(db, "summary", "set", "t", "Information").exit_code == 2  # neither TEXT nor --file


def test_summary_export_xlsx(db: Path, tmp_path: Path) -> None:
    run(db, "summary", "set", "t", "Information", "Lücken.")
    out = tmp_path / "z.xlsx"
    result = run(db, "summary", "export", "--codes", "Information,Mensch", "-o", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["Zusammenfassungen"]
    assert [c.value for c in sheet[2]] == ["t", "Lücken.", None]


def test_memo_code_set_show_undo_and_memos_export(db: Path, tmp_path: Path) -> None:
    assert run(db, "memo", "code", "Mensch", "Menschen, nicht Rollen.").exit_code == 0
    assert run(db, "memo", "code", "Mensch").output.strip() == "Menschen, nicht Rollen."
    run(db, "summary", "set", "t", "Information", "Lücken.")
    listed = json.loads(run(db, "memos", "--json").output)
    assert sorted(m["kind"] for m in listed) == ["code", "summary"]
    only = json.loads(run(db, "memos", "--type", "code", "--json").output)
    assert [m["text"] for m in only] == ["Menschen, nicht Rollen."]
    out = tmp_path / "memos.docx"
    result = run(db, "memos", "-o", str(out))
    assert result.exit_code == 0 and "2 memos" in result.output
    from docx import Document

    assert "Menschen, nicht Rollen." in [p.text for p in Document(str(out)).paragraphs]
    assert "undone: memo on Mensch" in run(db, "memo", "code", "Mensch", "--undo").output
    assert run(db, "memo", "code", "Mensch").output.strip() == ""
    bad = run(db, "memo", "code", "Gibt/Es/Nicht", "x")
    assert bad.exit_code == 1 and "Traceback" not in bad.output
