"""Summary tables: documents (with variables) x codes, reopened from XLSX and DOCX."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from _factories import two_coder_project
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from toolkit.documents import set_attributes
from toolkit.errors import InvalidValue, NotFound
from toolkit.exports.summary_tables import summary_table, write_summary_table
from toolkit.qca.summaries import set_summary


def project(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = two_coder_project(tmp_path)
    set_attributes(store, "t", {"municipality_type": "Die Optimierer"}, actor="t")
    set_summary(store, "t", "Information", "=Lücken überall", coder="anna")
    set_summary(store, "t", "Information", "Kaum Lücken", coder="ben")
    set_summary(store, "t", "Mensch", "Offen", coder="anna")
    return store


def test_xlsx_has_a_row_per_document_with_variables_and_codes(tmp_path: Path) -> None:
    table = summary_table(
        project(tmp_path), ["Information", "Mensch"], variables=["municipality_type"], coder="anna"
    )
    buffer = io.BytesIO()
    assert write_summary_table(table, "xlsx", buffer) == 1
    sheet = load_workbook(io.BytesIO(buffer.getvalue()))["Zusammenfassungen"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Dokument", "Kommunentyp", "Information", "Mensch"]
    assert rows[1][:2] == ["t", "Die Optimierer"]
    assert rows[1][2] in ("'=Lücken überall", "=Lücken überall")  # never a formula
    assert sheet["C2"].data_type != "f"
    assert rows[1][3] == "Offen"


def test_docx_is_landscape_and_names_coders_when_several_wrote(tmp_path: Path) -> None:
    table = summary_table(project(tmp_path), ["Information"], lang="en")
    buffer = io.BytesIO()
    write_summary_table(table, "docx", buffer, lang="en")
    doc = Document(io.BytesIO(buffer.getvalue()))
    assert doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    cells = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert cells[0] == ["Document", "Information"]
    assert cells[1][1] == "anna: =Lücken überall\n\nben: Kaum Lücken"
    assert any("Case summaries by theme" in p.text for p in doc.paragraphs)


def test_unknown_codes_variables_and_formats_are_refused(tmp_path: Path) -> None:
    store = project(tmp_path)
    with pytest.raises(NotFound, match="municipality_type"):
        summary_table(store, ["Information"], variables=["gibtsnicht"])
    with pytest.raises(InvalidValue, match="at least one code"):
        summary_table(store, [])
    with pytest.raises(InvalidValue, match="xlsx, docx"):
        write_summary_table(summary_table(store, ["Information"]), "pdf", io.BytesIO())
