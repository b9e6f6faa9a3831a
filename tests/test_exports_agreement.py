"""Agreement files for people and for scripts: German (or English) headers and values in XLSX and
DOCX, the wide coefficient table on a landscape page, the compared and excluded documents listed,
the date in words; the CSV keeps keys and numbers and neutralises formula cells."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from _factories import two_coder_project
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from toolkit.agreement import agreement, report_data
from toolkit.exports.agreement import write_csv, write_docx, write_xlsx

ENGLISH_KEYS = ("scope", "percent_agreement", "segments_a", "krippendorff_alpha", "created_at")


def _data(tmp_path: Path, method: str = "unit") -> dict[str, Any]:
    return report_data(agreement(two_coder_project(tmp_path), ["anna", "ben"], method=method, draws=50))


def test_docx_speaks_german_and_turns_the_wide_table(tmp_path: Path) -> None:
    data = _data(tmp_path)
    data["documents"] = ["t"]
    data["excluded_documents"] = [
        {"document": "nur_anna", "not_coded_by": ["ben"], "reason": "not coded by ben"}
    ]
    out = io.BytesIO()
    write_docx(data, out)
    doc = Document(io.BytesIO(out.getvalue()))
    body = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert not any(k in body + cells for k in ENGLISH_KEYS)
    assert (
        "Verglichene Dokumente: t" in body
        and "nicht von allen kodiert): nur_anna (nicht kodiert von ben)" in body
    )
    assert "Erstellt am " in body and "T" not in body.split("Erstellt am ")[1].split("\n")[0]
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header[:3] == ["Ebene", "Code", "Handlungsfeld"] and "Krippendorffs α" in header
    assert doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    assert "Tabelle 1: Übereinstimmung nach Einheiten" in body
    assert {r.cells[0].text for r in doc.tables[0].rows[1:]} == {"Code", "Handlungsfeld", "gesamt"}
    english = io.BytesIO()
    write_docx(data, english, lang="en")
    header_en = [c.text for c in Document(io.BytesIO(english.getvalue())).tables[0].rows[0].cells]
    assert header_en[:3] == ["Level", "Code", "Field of action"]


def test_xlsx_and_csv(tmp_path: Path) -> None:
    data = _data(tmp_path, "segment")
    data["settings"]["coders"] = ["anna", "=1+2"]
    out = io.BytesIO()
    write_xlsx(data, out)
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["Info", "Übereinstimmung"]
    info = {r[0]: r[1] for r in book["Info"].iter_rows(values_only=True)}
    assert info["Methode"] == "Segmenten" and info["Codierer:innen"] == "anna, =1+2"
    sheet = book["Übereinstimmung"]
    header = [c.value for c in sheet[1]]
    assert "Übereinstimmung %" in header and sheet.freeze_panes == "A2"
    pct = sheet.cell(2, header.index("Übereinstimmung %") + 1)
    assert pct.number_format.endswith('" %"') and 0 <= pct.value <= 100  # per cent, not a fraction
    text = io.StringIO()
    data["tables"]["agreement"][0]["pair"] = "=1+2/anna"
    write_csv(data, text)
    rows = list(csv.DictReader(io.StringIO(text.getvalue())))
    assert rows[0]["pair"] == "'=1+2/anna" and rows[0]["table"] == "agreement"
    assert 0 <= float(rows[0]["percent_agreement"]) <= 1  # scripts get the computed value
