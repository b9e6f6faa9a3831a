"""``coding-toolkit agreement`` through click's runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from _factories import (
    TRANSPARENZ,
    TWO_CODERS,
    two_coder_project,
)
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from toolkit.cli import cli

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def db(tmp_path: Path) -> str:
    codings = [c for c in TWO_CODERS if c[2] != TRANSPARENZ]
    two_coder_project(tmp_path, codings).close()
    return str(tmp_path / "p.db")


def run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", db, "agreement", *args])
    return result.exit_code, result.output


def test_help_has_an_example_and_docs_mention_the_command() -> None:
    result = CliRunner().invoke(cli, ["agreement", "--help"])
    assert result.exit_code == 0 and "Example: coding-toolkit agreement" in result.output
    assert "coding-toolkit agreement" in (ROOT / "docs" / "agreement.md").read_text(encoding="utf-8")


def test_json_has_tables_settings_and_paragraphs(db: str) -> None:
    code, output = run(db, "--coders", "anna,ben", "--method", "unit", "--unit", "sentence", "--json")
    assert code == 0, output
    data = json.loads(output)
    assert data["settings"]["coders"] == ["anna", "ben"] and data["settings"]["unit"] == "sentence"
    overall = next(r for r in data["tables"]["agreement"] if r["scope"] == "overall")
    # anna [1,1,0 | 0,0,1], ben [1,0,0 | 0,0,1]: po 5/6, pe 1/2 -> kappa 2/3
    assert overall["cohen_kappa"] == pytest.approx(2 / 3)
    assert "Krippendorffs α" in data["paragraph_de"] and "Krippendorff's α" in data["paragraph_en"]
    assert "2 coders (anna, ben)" in data["paragraph_en"] and "on 3 units" in data["paragraph_en"]
    assert "coded 1 document with 2 codes" in data["paragraph_en"]


def test_text_output_prints_fields_overall_and_the_paragraph(db: str) -> None:
    code, output = run(db, "--coders", "anna,ben", "--method", "segment", "--threshold", "80", "--lang", "en")
    assert code == 0, output
    assert "overall [anna/ben]:" in output and "Information [anna/ben]:" in output
    assert "at least 80%" in output


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".docx"])
def test_exports(db: str, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"agreement{suffix}"
    code, output = run(db, "--coders", "anna,ben", "--method", "character", "-o", str(out))
    assert code == 0, output
    if suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
        assert {r["table"] for r in rows} == {"agreement", "documents"}
    elif suffix == ".xlsx":
        book = load_workbook(out)
        assert book.sheetnames == ["Info", "Übereinstimmung", "Je Dokument"]
        settings = {row[0].value: row[1].value for row in book["Info"].iter_rows()}
        assert settings["Methode"] == "Zeichen" and settings["Erstellt am"]
        assert "NVivo" in settings["Methodenabsatz"]
        header = [c.value for c in next(book["Übereinstimmung"].iter_rows())]
        assert header[:3] == ["Ebene", "Paar", "Code"] and "Übereinstimmung %" in header
    else:
        doc = Document(str(out))
        assert any("NVivo" in p.text for p in doc.paragraphs)
        assert len(doc.tables) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--coders", "anna,zoe"], "no coder 'zoe'"),
        (["--coders", "anna"], "two or more coders"),
        (["--coders", "anna,anna"], "names a coder twice"),
        (["--coders", "anna,ben", "-o", "x.pdf"], "use .csv, .xlsx or .docx"),
    ],
)
def test_errors_are_one_line(db: str, args: list[str], message: str) -> None:
    code, output = run(db, *args)
    assert code == 1 and message in output


def test_json_lists_compared_and_excluded_documents(db: str) -> None:
    from toolkit.codings import add_coding
    from toolkit.documents import import_upload
    from toolkit.store import open_store

    with open_store(db) as store:
        import_upload(store, b"I: Nur Anna.\n", "solo.txt", actor="t")
        add_coding(store, "solo", 3, 12, "Mensch/Treiber/Offenheit", coder="anna")
    code, output = run(db, "--coders", "anna,ben", "--method", "segment", "--json")
    assert code == 0, output
    data = json.loads(output)
    assert data["documents"] == ["t"]
    assert data["excluded_documents"] == [
        {"document": "solo", "not_coded_by": ["ben"], "reason": "not coded by ben"}
    ]
    code, output = run(db, "--coders", "anna,ben", "--method", "segment")
    assert "compared 1 documents: t" in output and "excluded solo: not coded by ben" in output
    # ben marks it done: now compared
    done = CliRunner().invoke(cli, ["--db", db, "done", "solo", "--coder", "ben"])
    assert done.exit_code == 0 and "solo: marked done by ben" in done.output
    listed = json.loads(CliRunner().invoke(cli, ["--db", db, "documents", "--json"]).output)
    assert next(d for d in listed if d["name"] == "solo")["done_by"] == ["ben"]
    data = json.loads(run(db, "--coders", "anna,ben", "--method", "segment", "--json")[1])
    assert data["documents"] == ["solo", "t"] and data["excluded_documents"] == []
    undo = CliRunner().invoke(cli, ["--db", db, "done", "solo", "--coder", "ben", "--undo"])
    assert undo.exit_code == 0 and "not marked done" in undo.output
    assert json.loads(run(db, "--coders", "anna,ben", "--json")[1])["documents"] == ["t"]


def test_done_of_an_unknown_document_is_one_line(db: str) -> None:
    result = CliRunner().invoke(cli, ["--db", db, "done", "zzz", "--coder", "ben"])
    assert result.exit_code == 1 and "no document 'zzz'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_tiny_unitized_disagreements_are_printed_with_significant_digits(db: str) -> None:
    code, output = run(db, "--coders", "anna,ben", "--method", "unitized")
    assert code == 0, output
    line = next(x for x in output.splitlines() if x.startswith("overall"))
    observed = line.split("observed=")[1].split(",")[0]
    assert observed not in ("0.000", "0") and any(ch in observed for ch in "123456789")
