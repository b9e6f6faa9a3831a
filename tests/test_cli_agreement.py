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
        assert book.sheetnames == ["agreement", "documents", "settings"]
        settings = {row[0].value: row[1].value for row in book["settings"].iter_rows()}
        assert settings["method"] == "character" and settings["created_at"]
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
