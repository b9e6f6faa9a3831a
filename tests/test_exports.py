"""Exports: CSV/JSON/XLSX tables hold the numbers shown, the DOCX report opens and quotes the stored
coded text with references, the coding guide lists every code with its rules."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from _factories import ROOT
from docx import Document
from openpyxl import load_workbook

from toolkit import analysis
from toolkit.codes import list_codes
from toolkit.errors import InvalidValue
from toolkit.exports import (
    build_report,
    table_bytes,
    write_codebook_csv,
    write_codebook_guide,
    write_csv,
    write_json,
    write_report,
    write_xlsx,
)
from toolkit.exports.codebook_docx import CSV_COLUMNS
from toolkit.exports.tables import sheet_name
from toolkit.project import create_demo
from toolkit.store import Store, open_store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = tmp_path_factory.mktemp("exports") / "demo.db"
    create_demo(db, ROOT, actor="t")
    return open_store(db)


@pytest.fixture(scope="module")
def data(demo: Store) -> analysis.CodingData:
    return analysis.load_codings(demo)


def test_csv_and_json_hold_the_table(data: analysis.CodingData) -> None:
    freq = analysis.frequencies(data, "field")
    out = io.StringIO()
    assert write_csv(freq, out) == len(freq)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [int(r["codings"]) for r in rows] == freq["codings"].tolist()
    assert [float(r["share_pct"]) for r in rows] == freq["share_pct"].tolist()
    text = io.StringIO()
    write_json(freq, text)
    assert json.loads(text.getvalue())[0] == {
        k: (v.item() if hasattr(v, "item") else v) for k, v in freq.iloc[0].items()
    }


def test_matrix_csv_starts_with_the_row_labels(data: analysis.CodingData) -> None:
    table = analysis.matrix(data, "document")
    rows = list(csv.reader(io.StringIO(table_bytes(table, "csv").decode("utf-8-sig"))))
    assert rows[0] == ["code", *table.columns]
    assert rows[1][0] == table.index[0]
    assert sum(int(v) for row in rows[1:] for v in row[1:]) == int(table.to_numpy().sum())
    assert table_bytes(table, "csv").startswith("\ufeff".encode())
    assert not table_bytes(table, "csv", bom=False).startswith("\ufeff".encode())


def test_xlsx_has_an_info_sheet_and_one_sheet_per_table(data: analysis.CodingData) -> None:
    anna = analysis.select(data, coder="anna", attributes={"municipality_type": ["Die Optimierer"]})
    tables = {
        "Häufigkeiten": analysis.frequencies(anna, "code"),
        "Matrix Dokument": analysis.matrix(anna, "document"),
        "Kookkurrenz": analysis.cooccurrence(anna),
    }
    out = io.BytesIO()
    names = write_xlsx(tables, out, filters=anna.filters, title="Test")
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["Info", *names] and names == list(tables)
    info = [[c for c in row if c is not None] for row in book["Info"].iter_rows(values_only=True)]
    assert info[0] == ["Titel", "Test"] and info[1][0] == "Erstellt am"
    assert ["Codierer:in", "anna"] in info and ["municipality_type", "Die Optimierer"] in info
    sheet = list(book["Häufigkeiten"].iter_rows(values_only=True))
    assert list(sheet[0])[:4] == ["Code", "Handlungsfeld", "Valenz", "Codierungen"]
    assert [r[3] for r in sheet[1:]] == tables["Häufigkeiten"]["codings"].tolist()
    assert {r[2] for r in sheet[1:]} == {"Herausforderung", "Treiber", "–"}  # – a code without valence
    matrix = list(book["Matrix Dokument"].iter_rows(values_only=True))
    assert matrix[0][0] == "Code" and sum(sum(r[1:]) for r in matrix[1:]) == len(anna.codings)


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("Matrix attribute:municipality_type/x", taken) == "Matrix attribute-municipality_…"
    assert sheet_name("Matrix attribute:municipality_type/y", taken) == "Matrix attribute-municipal… (2)"
    assert sheet_name("Häufigkeiten Handlungsfeld × Valenz", taken) == "Häufigkeiten Handlungsfeld…"
    assert sheet_name("Häufigkeiten je Code", taken) == "Häufigkeiten je Code"
    with pytest.raises(InvalidValue, match="no tables"):
        write_xlsx({}, io.BytesIO())
    with pytest.raises(InvalidValue, match="use one of csv, xlsx, json"):
        table_bytes(pd.DataFrame(), "ods")


def _report(
    demo: Store, data: analysis.CodingData, *, charts: bool = False, **kwargs: object
) -> tuple[object, object]:
    built = build_report(demo, data, **kwargs)  # type: ignore[arg-type]
    out = io.BytesIO()
    write_report(built, out, charts=charts)
    return built, Document(io.BytesIO(out.getvalue()))


def test_report_charts_are_pictures_one_overview_and_one_per_field(
    demo: Store, data: analysis.CodingData
) -> None:
    pytest.importorskip("vl_convert")
    built, doc = _report(demo, data, charts=True)
    fields = [f for f, _ in built.fields]  # type: ignore[attr-defined]
    shapes = doc.inline_shapes  # type: ignore[attr-defined]
    assert len(shapes) == 1 + len(fields)
    assert all(s.width > 0 and s.height > 0 for s in shapes)
    assert len(doc.tables) == len(fields)  # type: ignore[attr-defined]  # no bar tables
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]  # type: ignore[attr-defined]
    figures = [c for c in captions if c.startswith("Abbildung")]
    assert figures == ["Abbildung 1: Codierungen je Handlungsfeld und Valenz"] + [
        f"Abbildung {n}: Codierungen je Code: {f}" for n, f in enumerate(fields, start=2)
    ]
    assert [c for c in captions if c.startswith("Tabelle")] == [
        f"Tabelle {n}: Häufigkeiten im Handlungsfeld {f}" for n, f in enumerate(fields, start=1)
    ]


def test_report_tables_hold_the_frequencies(demo: Store, data: analysis.CodingData) -> None:
    built, doc = _report(demo, data)
    freq = analysis.frequencies(data, "code")
    used = freq[freq["codings"] > 0]
    fields = [f for f, _ in built.fields]  # type: ignore[attr-defined]
    assert fields == ["Information", "Mensch", "Produkt", "Organisation"]
    tables = doc.tables  # type: ignore[attr-defined]
    assert len(tables) == 2 * len(fields)  # a frequency table and a bar chart per field
    assert [c.text for c in tables[0].rows[0].cells] == [
        "Code",
        "Valenz",
        "Codierungen",
        "Dokumente",
        "Wörter",
        "Anteil %",
    ]
    counts = [int(row.cells[2].text) for t in tables[::2] for row in t.rows[1:]]
    assert counts == used["codings"].tolist()
    bars = [int(row.cells[2].text) for t in tables[1::2] for row in t.rows[1:]]
    assert bars == counts
    text = "\n".join(p.text for p in doc.paragraphs)  # type: ignore[attr-defined]
    assert f"{len(data.codings)} Codierungen in 3 Dokumenten" in text
    assert "Ansicht: gepoolt: Codierungen von anna, ben zusammen gezählt" in text
    shares = [row.cells[5].text for t in tables[::2] for row in t.rows[1:]]
    assert all(s.endswith("\u00a0%") and "," in s and "." not in s for s in shares)


def test_report_quotes_are_the_stored_coded_text_with_references(
    demo: Store, data: analysis.CodingData
) -> None:
    _, doc = _report(demo, data)
    quotes = [p for p in doc.paragraphs if p.style.name == "Quote"]  # type: ignore[attr-defined]
    spans = demo.query('SELECT DISTINCT document_id, code_id, start, "end", text FROM codings')
    stored = sorted(r["text"] for r in spans)  # a span coded alike by anna and ben: quoted once
    assert sorted(p.text.rsplit("\n— ", 1)[0] for p in quotes) == stored
    refs = [p.text.rsplit("\n— ", 1)[1] for p in quotes]
    assert any("interview_cdo · B (CDO) · 00:" in r for r in refs)
    assert all("Zeichen " in r for r in refs)


def test_report_limits_quotes_and_keeps_awkward_text(demo: Store, data: analysis.CodingData) -> None:
    ben = analysis.select(data, coder="ben", attributes={"municipality_type": ["Die Optimierer"]})
    built, doc = _report(demo, ben, quotes_per_code=1, title="Nur Ben")
    assert any(p.text.startswith("Filter: Kommunentyp: Die Optimierer") for p in doc.paragraphs)  # type: ignore[attr-defined]
    codes_used = ben.codings["code"].nunique()
    assert len(built.quotes) == codes_used  # type: ignore[attr-defined]
    assert doc.paragraphs[0].text == "Nur Ben"  # type: ignore[attr-defined]
    from toolkit.exports.report_docx import _runs

    assert "\x0b" not in _runs("a\x0bb <&> ")
    assert "&lt;&amp;&gt;" in _runs("a\x0bb <&> ")


def test_coding_guide_docx_has_a_table_per_field(demo: Store) -> None:
    codes = list_codes(demo)
    out = io.BytesIO()
    assert write_codebook_guide(codes, out, title="Digitalisierung", language="de") == 4
    doc = Document(io.BytesIO(out.getvalue()))
    assert doc.paragraphs[0].text == "Kodierleitfaden: Digitalisierung"
    assert [len(t.rows) - 1 for t in doc.tables] == [
        sum(1 for c in codes if c.field_of_action == f)
        for f in ("Information", "Mensch", "Produkt", "Organisation")
    ]
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header == ["Kategorie", "Definition", "Ankerbeispiel", "Kodierregel"]
    leaf = next(c for c in codes if c.depth == 2 and c.field_of_action == "Mensch")
    rows = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    row = next(r for r in rows if r[0].endswith(leaf.name))
    assert row[1:] == [leaf.definition, leaf.anchor_example, leaf.coding_rule]
    english = io.BytesIO()
    write_codebook_guide(codes, english, language="en")
    assert Document(io.BytesIO(english.getvalue())).tables[0].rows[0].cells[2].text == "Anchor example"


def test_codebook_csv_lists_every_code(demo: Store) -> None:
    codes = list_codes(demo)
    out = io.StringIO()
    assert write_codebook_csv(codes, out) == len(codes)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["path"] for r in rows] == [c.path for c in codes]
    assert rows[-1]["coding_rule"] == codes[-1].coding_rule
    assert "; " in next(r["keywords_de"] for r in rows if r["keywords_de"])


def test_an_english_report_names_codes_by_name_en(demo: Store, data: analysis.CodingData) -> None:
    """``lang="en"``: headings of fields and codes by the codebook's English names, each quote
    under its code; German: the codebook's own names."""
    built, doc = _report(demo, data, lang="en", quotes_per_code=2)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]  # type: ignore[attr-defined]
    assert "People" in headings and "Mensch" not in headings
    assert "Information/Challenges/Gaps in the flow of information" in headings
    assert "Information/Herausforderungen/Lücken im Informationsfluss" not in headings
    counts = built.segments_per_code  # type: ignore[attr-defined]
    assert counts["Information/Challenges/Gaps in the flow of information"] > 0
    _, german = _report(demo, data, lang="de")
    headings = [p.text for p in german.paragraphs if p.style.name.startswith("Heading")]  # type: ignore[attr-defined]
    assert "Mensch" in headings and "Information/Herausforderungen/Lücken im Informationsfluss" in headings
