"""The analysis commands through CliRunner: tables on stdout or in files, the report, the coding
guide, and one-line errors that say what to do."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from _factories import ROOT
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from toolkit.cli import cli
from toolkit.project import create_demo
from toolkit.store import open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    create_demo(path, ROOT, actor="t")
    return path


def invoke(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.output


def total(db: Path, where: str = "") -> int:
    with open_store(db) as store:
        row = store.one(f"SELECT count(*) AS n FROM codings c JOIN coders k ON k.id = c.coder_id {where}")
    return int(row["n"]) if row else 0


@pytest.mark.parametrize(
    "by", ["code", "field", "document", "speaker", "role", "coder", "attribute:municipality_type"]
)
def test_frequencies_csv_adds_up(db: Path, by: str) -> None:
    code, out = invoke(db, "frequencies", "--by", by, "--format", "csv", "--all-coders")
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sum(int(r["codings"]) for r in rows) == total(db)


def test_frequencies_of_one_coder_as_json(db: Path) -> None:
    code, out = invoke(db, "frequencies", "--by", "field", "--coder", "ben", "--format", "json")
    assert code == 0
    assert sum(r["codings"] for r in json.loads(out)) == total(db, "WHERE k.name = 'ben'")


def test_xlsx_needs_a_file_and_writes_one(db: Path, tmp_path: Path) -> None:
    code, out = invoke(db, "frequencies", "--format", "xlsx")
    assert code == 2 and "add -o FILE.xlsx" in out
    target = tmp_path / "f.xlsx"
    code, out = invoke(
        db, "frequencies", "--by", "role", "--coder", "anna", "--format", "xlsx", "-o", str(target)
    )
    assert code == 0, out
    book = load_workbook(target)
    assert book.sheetnames[0] == "Info"
    info = [[v for v in r if v is not None] for r in book["Info"].iter_rows(values_only=True)]
    assert ["Ansicht", "Codierungen von anna"] in info
    assert book.sheetnames[1] == "Häufigkeiten je Rolle"
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    column = list(rows[0]).index("Codierungen")
    assert sum(r[column] for r in rows[1:]) == total(db, "WHERE k.name = 'anna'")


def test_matrix_against_sql(db: Path) -> None:
    code, out = invoke(
        db, "matrix", "--rows", "code", "--cols", "document", "--format", "json", "--all-coders"
    )
    assert code == 0
    rows = json.loads(out)
    with open_store(db) as store:
        per_doc = {
            r["name"]: r["n"]
            for r in store.query(
                "SELECT d.name, count(*) AS n FROM codings c "
                "JOIN documents d ON d.id = c.document_id GROUP BY d.name"
            )
        }
    assert {doc: sum(r[doc] for r in rows) for doc in per_doc} == per_doc
    code, out = invoke(
        db, "matrix", "--cols", "attribute:municipality_type", "--values", "presence", "--coder", "ben"
    )
    assert code == 0 and set(out.splitlines()[1].split(",")[1:]) <= {"0", "1"}


@pytest.mark.slow
def test_report_and_coding_guide(db: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.docx"
    code, out = invoke(db, "report", "-o", str(report), "--coder", "anna", "--quotes-per-code", "2")
    assert code == 0, out
    anna = total(db, "WHERE k.name = 'anna'")
    assert f"{anna} codings" in out
    assert Document(str(report)).paragraphs[0].text == "Auswertung"
    guide = tmp_path / "g.docx"
    assert invoke(db, "codebook", "export", "--format", "docx", "-o", str(guide))[0] == 0
    assert len(Document(str(guide)).tables) == 4
    sheet = tmp_path / "g.csv"
    code, out = invoke(db, "codebook", "export", "--format", "csv", "-o", str(sheet))
    assert code == 0 and "wrote" in out
    assert sheet.read_text(encoding="utf-8-sig").startswith("path,name,name_en")


def test_segments_and_cooccurrence(db: Path) -> None:
    code, out = invoke(
        db,
        "segments",
        "--role",
        "CDO",
        "--attr",
        "municipality_type=Die Optimierer",
        "--context",
        "turn",
        "--all-coders",
    )
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (
        rows
        and {r["speaker_role"] for r in rows} == {"CDO"}
        and {r["document"] for r in rows} == {"interview_cdo"}
    )
    code, out = invoke(db, "cooccurrence", "--method", "turn", "--coder", "anna")
    assert code == 0 and out.startswith("code_a,code_b,count,jaccard")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["frequencies", "--by", "attribute:size", "--coder", "anna"], "no document attribute 'size'"),
        (["frequencies"], "no consensus yet: choose whose codings to report with --coder NAME"),
        (["report", "-o", "r.docx"], "or --all-coders for a pooled view"),
        (["report", "-o", "r.docx", "--coder", "anna", "--all-coders"], "not both"),
        (["frequencies", "--coder", "carl"], "no coder 'carl'; coders are: anna, ben"),
        (["matrix", "--cols", "speaker", "--all-coders"], "matrix columns 'speaker' are not supported"),
        (["segments", "--context", "lots", "--all-coders"], "neither a number of characters nor 'turn'"),
        (["segments", "--attr", "x"], "is not NAME=VALUE"),
    ],
)
def test_errors_are_one_line(db: Path, args: list[str], message: str) -> None:
    code, out = invoke(db, *args)
    assert code != 0 and message in out


@pytest.mark.slow
def test_report_defaults_to_the_consensus_and_pools_on_request(tmp_path: Path) -> None:
    from _factories import LUECKEN, two_coder_project

    from toolkit.codings import add_coding

    store = two_coder_project(tmp_path)
    add_coding(store, "t", 3, 18, LUECKEN, coder="consensus")
    db = Path(store.path)
    target = tmp_path / "r.docx"
    code, out = invoke(db, "report", "-o", str(target))
    assert code == 0, out
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "Ansicht: Codierungen von Konsens" in texts
    assert sum(p.style.name == "Quote" for p in Document(str(target)).paragraphs) == 1
    code, out = invoke(
        db, "report", "-o", str(target), "--coder", "anna", "--coder", "ben", "--language", "en"
    )
    assert code == 0, out
    doc = Document(str(target))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Results" and any(t.startswith("View: pooled: codings of anna, ben") for t in texts)
    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    assert len(quotes) == 5  # 7 codings, of which two spans were coded alike by anna and ben
    assert sum("anna, ben" in q for q in quotes) == 2


def test_segments_min_weight(tmp_path: Path) -> None:
    """``segments --min-weight N`` lists only codings weighted at least N, with their weight."""
    from toolkit.codings import coding_version, list_codings, update_coding

    path = tmp_path / "demo.db"
    create_demo(path, ROOT, actor="t")
    with open_store(path) as store:
        first = list_codings(store, coder="anna")[0]
        update_coding(
            store, first.guid, actor="anna", expected_version=coding_version(store, first.guid), weight=70
        )
    code, out = invoke(path, "segments", "--coder", "anna", "--min-weight", "60", "--format", "json")
    assert code == 0, out
    rows = json.loads(out)
    assert [(r["document"], r["start"], r["end"], r["weight"]) for r in rows] == [
        (first.document, first.start, first.end, 70)
    ]
    code, out = invoke(path, "segments", "--coder", "anna", "--min-weight", "101")
    assert code != 0 and "101" in out
