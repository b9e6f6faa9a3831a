"""The CLI through click's runner: what a researcher types and sees."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from toolkit.cli import cli

ROOT = Path(__file__).resolve().parents[1]

CODEBOOK = """\
format: 1
title: Test
fields_of_action: [{name: Mensch}, {name: Produkt}]
codes:
  - {id: mensch, name: Mensch, field_of_action: Mensch, definition: Menschen}
  - {id: mensch-h, parent: mensch, name: Herausforderungen, valence: challenge, definition: H}
  - {id: widerstand, parent: mensch-h, name: Widerstand, definition: Ablehnung, colour: "#AA0000"}
  - {id: produkt, name: Produkt, field_of_action: Produkt, definition: Produkte}
  - {id: produkt-h, parent: produkt, name: Herausforderungen, valence: challenge, definition: H}
  - {id: medienbruch, parent: produkt-h, name: Medienbruch, definition: Ausdrucken}
attributes:
  - name: municipality_type
    values: [Die Optimierer, Die Bedächtigen]
  - name: speaker_role
    applies_to: speaker
    values: [CDO, Interviewer:in]
"""

TRANSCRIPT = (
    "I: Wie läuft es mit dem Onlineantrag? #00:00:05-0#\n\n"
    "B: Der kommt als PDF, wir drucken ihn aus und tippen ihn ab. #00:00:15-5#\n\n"
    "I: Und die Kolleginnen? #00:48:39-0#\n\n"
    "B: Die wollen das eigentlich nicht. #00:48:45-0#\n"
)


def invoke(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    cb = tmp_path / "cb.yaml"
    cb.write_text(CODEBOOK, encoding="utf-8")
    db = tmp_path / "p.db"
    code, out = invoke(db, "init", "--codebook", str(cb))
    assert code == 0, out
    (tmp_path / "interview.txt").write_text(TRANSCRIPT, encoding="utf-8")
    code, out = invoke(
        db, "import", str(tmp_path / "interview.txt"), "--attr", "municipality_type=Die Optimierer"
    )
    assert code == 0, out
    return db


def test_init_reports_codes_and_refuses_existing(tmp_path: Path, project: Path) -> None:
    code, out = invoke(project, "init", "--empty")
    assert code == 1
    assert "already exists" in out


def test_init_with_shipped_codebook(tmp_path: Path) -> None:
    code, out = invoke(tmp_path / "new.db", "init")
    assert code == 0, out
    n = int(out.split(" with ")[1].split()[0])
    assert n >= 40


def test_documents_json(project: Path) -> None:
    code, out = invoke(project, "documents", "--json")
    assert code == 0
    (doc,) = json.loads(out)
    assert doc["name"] == "interview"
    assert doc["turns"] == 4
    assert doc["speakers"] == ["I", "B"]
    assert doc["first_timestamp"] == 5.0
    assert doc["last_timestamp"] == 2925.0
    assert doc["words"] > 20
    assert doc["attributes"] == {"municipality_type": "Die Optimierer"}


def test_turns_json_offsets_point_at_the_turn_text(project: Path) -> None:
    code, out = invoke(project, "turns", "interview", "--json")
    assert code == 0
    turns = json.loads(out)
    assert [t["speaker"] for t in turns] == ["I", "B", "I", "B"]
    assert [t["timestamp"] for t in turns] == [5.0, 15.5, 2919.0, 2925.0]
    code, out = invoke(project, "codings", "export", "--format", "json")
    text = TRANSCRIPT
    assert (
        text[turns[1]["start"] : turns[1]["end"]]
        == "Der kommt als PDF, wir drucken ihn aus und tippen ihn ab."
    )


def test_code_then_export_csv_and_json(project: Path, tmp_path: Path) -> None:
    start = TRANSCRIPT.index("wir drucken")
    end = start + len("wir drucken ihn aus")
    code, out = invoke(
        project,
        "code",
        "interview",
        str(start),
        str(end),
        "Produkt/Herausforderungen/Medienbruch",
        "--coder",
        "anna",
        "--memo",
        "klassisch",
    )
    assert code == 0, out
    code, out = invoke(
        project, "code", "interview", str(start), str(end), "medienbruch", "--coder", "ben", "--json"
    )
    assert json.loads(out)["code_path"] == "Produkt/Herausforderungen/Medienbruch"
    csv_path = tmp_path / "c.csv"
    code, out = invoke(project, "codings", "export", "--format", "csv", "-o", str(csv_path))
    assert code == 0 and "wrote 2 codings" in out
    header, first, *_ = csv_path.read_text(encoding="utf-8").splitlines()
    assert header.startswith("document,code_path,start,end,text,coder,memo")
    assert first.startswith(
        f"interview,Produkt/Herausforderungen/Medienbruch,{start},{end},wir drucken ihn aus,anna,klassisch"
    )
    code, out = invoke(project, "codings", "export", "--format", "json", "--coder", "ben")
    rows = json.loads(out)
    assert [(r["coder"], r["text"]) for r in rows] == [("ben", "wir drucken ihn aus")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["code", "interview", "5", "3", "medienbruch", "--coder", "a"], "start must be below end"),
        (["code", "interview", "0", "99999", "medienbruch", "--coder", "a"], "outside document 'interview'"),
        (
            ["code", "nope", "0", "5", "medienbruch", "--coder", "a"],
            "no document 'nope'; documents are: interview",
        ),
        (["code", "interview", "0", "5", "Gibt/Es/Nicht", "--coder", "a"], "no code 'Gibt/Es/Nicht'"),
        (["code", "interview", "0", "5", "Herausforderungen", "--coder", "a"], "ambiguous"),
        (["turns", "nope"], "no document 'nope'"),
        (["import", "x.txt", "--attr", "municipality_type"], "is not KEY=VALUE"),
        (["attributes", "set", "interview", "municipality_type=Riesig"], "use one of: Die Optimierer"),
        (["attributes", "set", "interview", "speaker_role=CDO", "--speaker", "Z"], "has no speaker 'Z'"),
        (["codebook", "delete", "Mensch"], "has subcodes"),
    ],
    ids=[
        "reversed",
        "outside",
        "no-doc",
        "no-code",
        "ambiguous",
        "turns-no-doc",
        "bad-attr",
        "bad-value",
        "bad-speaker",
        "delete-parent",
    ],
)
def test_errors_are_one_clear_line(project: Path, args: list[str], message: str) -> None:
    code, out = invoke(project, *args)
    assert code == 1
    assert message in out
    assert len(out.strip().splitlines()) == 1


def _bad_files(folder: Path) -> dict[str, Path]:
    files = {
        "not-a-zip.docx": b"this is not a zip file at all",
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 8,
        "scan.pdf": b"%PDF-1.4 ...",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    encrypted = folder / "encrypted.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    paths["encrypted.docx"] = encrypted
    bomb = folder / "bomb.docx"
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("word/document.xml", "w", force_zip64=True) as fh,
    ):
        chunk = b"\0" * (1 << 20)
        for _ in range(210):
            fh.write(chunk)
    paths["bomb.docx"] = bomb
    return paths


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("not-a-zip.docx", "not a valid .docx"),
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("scan.pdf", "not a readable .pdf"),
        ("encrypted.docx", "encrypted"),
        ("bomb.docx", "zip bomb"),
    ],
)
def test_bad_input_changes_nothing(project: Path, tmp_path: Path, name: str, problem: str) -> None:
    paths = _bad_files(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text("I: Hallo?\n\nB: Hallo.\n", encoding="utf-8")
    before = invoke(project, "documents", "--json")[1]
    code, out = invoke(project, "import", str(good), str(paths[name]))
    assert code == 1
    line = out.strip()
    assert len(line.splitlines()) == 1
    assert name in line and problem in line
    assert invoke(project, "documents", "--json")[1] == before


def test_import_too_large(project: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("I: " + "Wort " * 300_000, encoding="utf-8")
    code, out = invoke(project, "import", str(big), "--max-mb", "1")
    assert code == 1 and "big.txt" in out and "over the limit" in out


def test_reimport_is_skipped(project: Path, tmp_path: Path) -> None:
    code, out = invoke(project, "import", str(tmp_path / "interview.txt"))
    assert code == 0 and "skipped" in out and "same content as 'interview'" in out
    assert len(json.loads(invoke(project, "documents", "--json")[1])) == 1


def test_codebook_show_export_load_round_trip(project: Path, tmp_path: Path) -> None:
    code, out = invoke(project, "codebook", "show", "--json")
    codes = json.loads(out)
    leaf = next(c for c in codes if c["name"] == "Widerstand")
    assert leaf["path"] == "Mensch/Herausforderungen/Widerstand"
    assert leaf["field_of_action"] == "Mensch" and leaf["valence"] == "challenge"
    assert leaf["colour"] == "#AA0000"
    out_file = tmp_path / "export.yaml"
    assert invoke(project, "codebook", "export", "--format", "yaml", "-o", str(out_file))[0] == 0
    code, out = invoke(tmp_path / "other.db", "init", "--codebook", str(out_file))
    assert code == 0, out
    again = json.loads(invoke(tmp_path / "other.db", "codebook", "show", "--json")[1])
    assert [(c["path"], c["guid"]) for c in again] == [(c["path"], c["guid"]) for c in codes]
    code, out = invoke(project, "codebook", "load", str(out_file))
    assert code == 0 and "0 added, 0 updated" in out


def test_codebook_edit_commands(project: Path) -> None:
    start = TRANSCRIPT.index("Die wollen")
    invoke(project, "code", "interview", str(start), str(start + 9), "Widerstand", "--coder", "anna")
    assert invoke(project, "codebook", "add", "Mensch/Herausforderungen/Skepsis", "--definition", "x")[0] == 0
    code, out = invoke(project, "codebook", "delete", "Widerstand")
    assert code == 1 and "used by 1 codings" in out
    code, out = invoke(
        project, "codebook", "merge", "Widerstand", "Mensch/Herausforderungen/Skepsis", "--yes"
    )
    assert code == 0 and "1 codings moved" in out
    rows = json.loads(invoke(project, "codings", "export", "--format", "json")[1])
    assert [r["code_path"] for r in rows] == ["Mensch/Herausforderungen/Skepsis"]
    assert invoke(project, "codebook", "rename", "Skepsis", "Zweifel")[0] == 0
    assert invoke(project, "codebook", "move", "Mensch/Herausforderungen/Zweifel", "--to", "Produkt")[0] == 0
    rows = json.loads(invoke(project, "codings", "export", "--format", "json")[1])
    assert [r["code_path"] for r in rows] == ["Produkt/Zweifel"]


def test_attributes_set_and_show(project: Path) -> None:
    assert invoke(project, "attributes", "set", "interview", "speaker_role=CDO", "--speaker", "B")[0] == 0
    data = json.loads(invoke(project, "attributes", "show", "interview", "--json")[1])
    assert data == {
        "document": {"municipality_type": "Die Optimierer"},
        "speakers": {"B": {"speaker_role": "CDO"}},
    }


def test_taguette_import_reports_created_codes_and_unanchored(project: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "highlights.csv"
    csv_file.write_text(
        "id,document,tag,content\n"
        '1,interview.odt,Medienbruch,"wir drucken ihn\n aus"\n'
        "2,interview.odt,Neuer Tag,Die wollen das eigentlich nicht.\n"
        "3,interview.odt,Medienbruch,Das steht nirgends.\n"
        "4,anderes.docx,Medienbruch,Hallo\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(project),
            "codings",
            "import",
            str(csv_file),
            "--format",
            "taguette-csv",
            "--coder",
            "team",
            "--allow-unanchored",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["imported"] == 2
    assert report["created_codes"] == ["Neuer Tag"]
    assert [(u["line"], u["reason"]) for u in report["unanchored"]] == [
        (5, "content not found in the document text"),
        (6, "no imported document of that name"),
    ]
    rows = json.loads(invoke(project, "codings", "export", "--format", "json")[1])
    assert sorted(r["text"] for r in rows) == ["Die wollen das eigentlich nicht.", "wir drucken ihn aus"]


def test_missing_project_says_how_to_create_one(tmp_path: Path) -> None:
    code, out = invoke(tmp_path / "nothing.db", "documents")
    assert code == 1 and "init" in out


def test_db_from_environment(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CODING_TOOLKIT_DB", str(project))
    result = CliRunner().invoke(cli, ["documents", "--json"])
    assert json.loads(result.output)[0]["name"] == "interview"


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, f"`{prefix}{name}` is listed but cannot be loaded"
        full = f"{prefix}{name}"
        out.append((full, command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, full + " "))
    return out


COMMANDS = _commands(cli)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_with_an_example_and_is_documented(name: str, command: click.Command) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0
    assert "Example: coding-toolkit" in result.output
    docs = "\n".join(
        p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    )
    assert f"coding-toolkit {name}" in docs, f"neither README.md nor docs/ document `coding-toolkit {name}`"
