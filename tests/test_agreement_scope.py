"""Which documents agreement compares: only those every compared coder has coded (a coding there
or a done mark); the others are listed with who has not coded them, in every output."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any

import pytest
from _factories import LUECKEN, OFFENHEIT, TRANSPARENZ, add_text, two_coder_project
from openpyxl import load_workbook

from toolkit.agreement import agreement, methods_paragraph, report_data
from toolkit.codings import add_coding
from toolkit.exports.agreement import write_csv, write_xlsx
from toolkit.progress import set_done
from toolkit.store import Store


def _plain(value: Any) -> Any:
    """NaN as None, so that equal tables compare equal."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.fixture()
def project(tmp_path: Path) -> Store:
    """Document t coded by anna and ben; document solo ("I: Nur Anna hat das hier kodiert.")
    coded by anna alone."""
    store = two_coder_project(tmp_path)
    add_text(store, "I: Nur Anna hat das hier kodiert.\n", "solo.txt")
    add_coding(store, "solo", 3, 33, LUECKEN, coder="anna")
    return store


@pytest.mark.parametrize("method", ["unit", "segment", "character", "unitized", "document"])
def test_a_document_one_coder_coded_is_excluded_and_listed(project: Store, method: str) -> None:
    result = agreement(project, ["anna", "ben"], method=method, draws=0)
    assert result.documents == ("t",)
    assert result.counts["documents"] == 1
    assert [e["document"] for e in result.excluded] == ["solo"]
    assert result.excluded[0]["not_coded_by"] == ["ben"]
    assert "ben" in result.excluded[0]["reason"]
    # the solo coding does not enter the numbers: the same as without the document
    alone = agreement(project, ["anna", "ben"], method=method, document="t", draws=0)
    assert _plain(result.tables) == _plain(alone.tables)


def test_excluded_documents_are_in_the_paragraph_and_every_export(project: Store) -> None:
    result = agreement(project, ["anna", "ben"], method="segment")
    de, en = methods_paragraph(result, "de"), methods_paragraph(result, "en")
    assert "1 Dokument " in de and "solo (nicht kodiert von ben)" in de
    assert "solo (not coded by ben)" in en and "independently coded 1 document" in en
    data = report_data(result)
    assert data["documents"] == ["t"] and data["excluded_documents"][0]["document"] == "solo"
    text = io.StringIO()
    write_csv(data, text)
    rows = list(csv.DictReader(io.StringIO(text.getvalue())))
    assert {"table": "excluded_documents", "document": "solo"}.items() <= next(
        r for r in rows if r["table"] == "excluded_documents"
    ).items()
    book = io.BytesIO()
    write_xlsx(data, book)
    book.seek(0)
    settings = {r[0].value: r[1].value for r in load_workbook(book)["Info"].iter_rows()}
    assert settings["Dokumente"] == "t"
    assert settings["Nicht verglichene Dokumente"] == "solo (nicht kodiert von ben)"


def test_a_done_mark_brings_in_a_document_without_codings(project: Store) -> None:
    set_done(project, "solo", "ben", actor="ben")
    result = agreement(project, ["anna", "ben"], method="unit", unit="sentence", draws=0)
    assert result.documents == ("solo", "t") and result.excluded == ()
    # anna's Lücken on solo's one sentence now counts as a disagreement: 3 -> 4 units
    luecken = next(r for r in result.tables["agreement"] if r["code"] == LUECKEN)
    assert luecken["units"] == 4 and luecken["percent_agreement"] == pytest.approx(2 / 4)
    set_done(project, "solo", "ben", actor="ben", done=False)
    assert agreement(project, ["anna", "ben"], method="document", draws=0).documents == ("t",)


def test_a_done_mark_alone_on_both_sides_compares_an_uncoded_document(project: Store) -> None:
    add_text(project, "I: Hier gibt es nichts.\n", "leer.txt")
    set_done(project, "leer", "anna", actor="anna")
    assert "leer" not in agreement(project, ["anna", "ben"], method="document", draws=0).documents
    set_done(project, "leer", "ben", actor="ben")
    result = agreement(project, ["anna", "ben"], method="character")
    assert "leer" in result.documents
    leer = [r for r in result.tables["documents"] if r["document"] == "leer"]
    assert leer and all(r["both"] == 0 and r["only_a"] == 0 and r["only_b"] == 0 for r in leer)


def test_three_coders_need_all_three(project: Store) -> None:
    add_coding(project, "t", 3, 18, LUECKEN, coder="cem")
    add_coding(project, "solo", 3, 33, LUECKEN, coder="cem")
    three = agreement(project, ["anna", "ben", "cem"], method="segment")
    assert three.documents == ("t",)
    assert three.excluded[0]["document"] == "solo" and three.excluded[0]["not_coded_by"] == ["ben"]
    # anna and cem both coded solo: compared as a pair
    pair = agreement(project, ["anna", "cem"], method="segment")
    assert pair.documents == ("solo", "t") and pair.excluded == ()
    set_done(project, "solo", "ben", actor="ben")
    assert agreement(project, ["anna", "ben", "cem"], method="segment").documents == ("solo", "t")


def test_a_named_document_not_coded_by_all_is_excluded_not_compared(project: Store) -> None:
    result = agreement(project, ["anna", "ben"], method="segment", document="solo")
    assert result.documents == () and result.excluded[0]["document"] == "solo"
    assert [r for r in result.tables["agreement"] if r["scope"] == "code"] == []
    assert all(r["segments_a"] == r["segments_b"] == 0 for r in result.tables["agreement"])
    assert "nicht kodiert von ben" in methods_paragraph(result, "de")


def test_a_coding_of_another_code_counts_as_coded_under_a_code_filter(project: Store) -> None:
    add_coding(project, "solo", 3, 10, OFFENHEIT, coder="ben")
    result = agreement(project, ["anna", "ben"], method="segment", code=TRANSPARENZ)
    assert result.documents == ("solo", "t")
