"""Excel and CSV files a spreadsheet opens safely and readably: a quote starting ``=cmd|' /C
calc'!A0`` or a coder named ``=1+2`` stays text (issue 16.3), headers are frozen and filtered,
numbers keep number formats, sheet names are whole words."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from _factories import LUECKEN, add_text, store_with_codebook
from click.testing import CliRunner
from openpyxl import load_workbook

from toolkit import analysis
from toolkit.cells import csv_cell, neutralised
from toolkit.cli import cli
from toolkit.codings import add_coding
from toolkit.exports import table_bytes, write_codebook_csv
from toolkit.store import Store

ATTACK = "=cmd|' /C calc'!A0"
TEXT = f"{ATTACK} und dann +49 30 123 und @SUM(A1) -2+3\n"


@pytest.fixture
def hostile(tmp_path: Path) -> Store:
    store = store_with_codebook(tmp_path)
    doc = add_text(store, TEXT, "angriff.txt")
    add_coding(store, doc, 0, len(ATTACK), LUECKEN, coder="=1+2")
    add_coding(store, doc, len(ATTACK) + 10, len(ATTACK) + 20, LUECKEN, coder="=1+2")
    return store


def _formulas(xlsx: bytes) -> list[str]:
    """Every formula element in the workbook's sheets (none may come from the data)."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+49 30", "'+49 30"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Mensch/Treiber", "Mensch/Treiber"),
        ("a=1", "a=1"),
    ],
)
def test_formula_cells_are_neutralised(value: str, expected: str) -> None:
    assert neutralised(value) == expected
    assert csv_cell(value) == expected


def test_numbers_stay_numbers_in_csv() -> None:
    assert csv_cell(-3) == -3 and csv_cell(-0.5) == -0.5 and csv_cell(None) == ""


def test_segments_and_frequencies_keep_a_hostile_turn_and_coder_as_text(hostile: Store) -> None:
    data = analysis.load_codings(hostile)
    seg = analysis.segments(hostile, data, context=0)
    book_bytes = table_bytes(seg, "xlsx", name="Segmente")
    assert _formulas(book_bytes) == []
    book = load_workbook(io.BytesIO(book_bytes))
    sheet = book["Segmente"]
    cells = [c for row in sheet.iter_rows() for c in row]
    attack = next(c for c in cells if c.value == ATTACK)
    assert attack.data_type == "s" and attack.quotePrefix  # shown as text, the quote kept verbatim
    coder = [c for c in cells if c.value == "=1+2"]
    assert coder and all(c.data_type == "s" for c in coder)
    rows = list(csv.reader(io.StringIO(table_bytes(seg, "csv").decode("utf-8-sig"))))
    column = rows[0].index("text")
    assert rows[1][column] == "'" + ATTACK
    assert rows[1][rows[0].index("coder")] == "'=1+2"
    freq = analysis.frequencies(data, "coder")
    assert _formulas(table_bytes(freq, "xlsx")) == []
    assert "'=1+2" in table_bytes(freq, "csv").decode("utf-8-sig")


def test_cli_exports_are_inert(hostile: Store, tmp_path: Path) -> None:
    for fmt in ("xlsx", "csv"):
        target = tmp_path / f"s.{fmt}"
        result = CliRunner().invoke(
            cli, ["--db", str(hostile.path), "segments", "--format", fmt, "-o", str(target)]
        )
        assert result.exit_code == 0, result.output
        if fmt == "xlsx":
            assert _formulas(target.read_bytes()) == []
        else:
            text = target.read_text(encoding="utf-8-sig")
            assert "'" + ATTACK in text and "\n=" not in text and ",=" not in text


def test_codebook_csv_neutralises_definitions(tmp_path: Path) -> None:
    from toolkit.codes import list_codes
    from toolkit.codes_edit import update_code

    store = store_with_codebook(tmp_path)
    update_code(store, LUECKEN, actor="t", definition='=HYPERLINK("http://x")')
    out = io.StringIO()
    write_codebook_csv(list_codes(store), out)
    assert "'=HYPERLINK" in out.getvalue()


def test_sheets_have_frozen_filtered_headers_and_number_formats(tmp_path: Path) -> None:
    from _factories import two_coder_project

    store = two_coder_project(tmp_path)
    freq = analysis.frequencies(analysis.load_codings(store), "field")
    book = load_workbook(io.BytesIO(table_bytes(freq, "xlsx", name="Häufigkeiten Handlungsfeld × Valenz")))
    assert book.sheetnames == ["Info", "Häufigkeiten Handlungsfeld…"]
    sheet = book.worksheets[1]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{len(freq) + 1}"
    header = [c.value for c in sheet[1]]
    assert header == ["Handlungsfeld", "Valenz", "Codierungen", "Codes", "Dokumente", "Wörter", "Anteil %"]
    assert all(c.font.bold for c in sheet[1])
    share = sheet.cell(2, header.index("Anteil %") + 1)
    assert isinstance(share.value, float) and share.number_format == '0.00" %"'
    assert isinstance(sheet.cell(2, 3).value, int)
    assert {sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)} <= {"Herausforderung", "Treiber"}
    assert sheet.column_dimensions["A"].width >= len("Handlungsfeld")
    english = load_workbook(io.BytesIO(table_bytes(freq, "xlsx", lang="en")))
    assert [c.value for c in english.worksheets[1][1]][:2] == ["Field of action", "Valence"]
    assert english.sheetnames[0] == "Info"
    info = {r[0]: r[1] for r in english["Info"].iter_rows(values_only=True)}
    assert info["Filters"] == "none (all codings)"


def test_codings_export_csv_is_inert(hostile: Store) -> None:
    from toolkit.codings import list_codings, write_codings

    out = io.StringIO()
    write_codings(list_codings(hostile), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["coder"] for r in rows} == {"'=1+2"}
    assert any(r["text"] == "'" + ATTACK for r in rows)
    assert all(r["start"].isdigit() for r in rows)
