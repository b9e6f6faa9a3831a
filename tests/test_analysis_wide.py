"""The code x document matrix of many documents: paged (40 documents at a time) or grouped by a
document attribute, in the library and the CLI ``matrix``."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from _factories import LUECKEN, OFFENHEIT, TRANSPARENZ, store_with_codebook
from click.testing import CliRunner

from toolkit import analysis
from toolkit.cli import cli
from toolkit.codes import code_by_path
from toolkit.documents import import_upload, set_attributes
from toolkit.errors import InvalidValue, NotFound
from toolkit.store import Store, new_guid, now

DOCUMENTS = 43
TYPES = ("Die Bedächtigen", "Die Optimierer")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """43 documents d00..d42; d(i) has i % 3 + 1 codings of Lücken, every fifth one Offenheit;
    even documents are Bedächtige, odd ones Optimierer, d42 has no type."""
    store = store_with_codebook(tmp_path_factory.mktemp("wide"))
    for i in range(DOCUMENTS):
        import_upload(store, f"B: Text {i} über Akten und mehr.\n".encode(), f"d{i:02d}.txt", actor="t")
        if i < DOCUMENTS - 1:
            set_attributes(store, f"d{i:02d}", {"municipality_type": TYPES[i % 2]}, actor="t")
    ids = {r["name"]: r["id"] for r in store.query("SELECT id, name FROM documents")}
    codes = {p: code_by_path(store, p).id for p in (LUECKEN, OFFENHEIT, TRANSPARENZ)}
    stamp = now()
    with store.write("t") as w:
        coder = w.insert("coders", {"guid": new_guid(), "name": "anna", "created_at": stamp})
        rows = []
        for i in range(DOCUMENTS):
            for k in range(i % 3 + 1):
                rows.append((ids[f"d{i:02d}"], codes[LUECKEN], k, k + 4))
            if i % 5 == 0:
                rows.append((ids[f"d{i:02d}"], codes[OFFENHEIT], 3, 7))
        w.store.conn.executemany(
            'INSERT INTO codings (guid, document_id, code_id, coder_id, start, "end", text, created_at, '
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)",
            [(new_guid(), d, c, coder, s, e, stamp, stamp) for d, c, s, e in rows],
        )
    return store


@pytest.fixture(scope="module")
def data(store: Store) -> analysis.CodingData:
    return analysis.load_codings(store)


def test_more_than_40_documents_are_paged_and_the_pages_make_the_whole(data: analysis.CodingData) -> None:
    whole = analysis.matrix(data, "document")
    first = analysis.document_matrix(data)
    assert first.paged and (first.page, first.pages, first.first, first.last) == (1, 2, 1, 40)
    assert list(first.table.columns) == [f"d{i:02d}" for i in range(40)]
    second = analysis.document_matrix(data, page=9)  # clipped to the last page
    assert (second.page, second.first, second.last) == (2, 41, 43)
    assert list(second.table.columns) == ["d40", "d41", "d42"]
    pd.testing.assert_frame_equal(pd.concat([first.table, second.table], axis=1), whole)
    every = analysis.document_matrix(data, all_columns=True)
    assert not every.paged and every.table.shape[1] == DOCUMENTS
    few = analysis.select(data, documents=["d01", "d02"])
    assert not analysis.document_matrix(few).paged


def test_grouped_by_an_attribute_sums_the_documents_of_each_value(data: analysis.CodingData) -> None:
    whole = analysis.matrix(data, "document")
    grouped = analysis.document_matrix(data, group_by="attribute:municipality_type")
    assert list(grouped.table.columns) == [analysis.NONE_LABEL, *TYPES]
    assert grouped.sizes == (1, 21, 21)
    even = [f"d{i:02d}" for i in range(0, 42, 2)]
    assert grouped.table.loc[LUECKEN, "Die Bedächtigen"] == whole.loc[LUECKEN, even].sum()
    assert grouped.table.loc[LUECKEN, analysis.NONE_LABEL] == whole.loc[LUECKEN, "d42"] == 1
    present = analysis.document_matrix(data, values="presence", group_by="attribute:municipality_type")
    # documents with Offenheit: d00, d05, ..., d40; even ones are Bedächtige
    assert present.table.loc[OFFENHEIT, "Die Bedächtigen"] == 5
    assert present.table.loc[OFFENHEIT, "Die Optimierer"] == 4
    assert present.table.loc[LUECKEN].tolist() == [1, 21, 21]
    assert present.table.loc[TRANSPARENZ].tolist() == [0, 0, 0]
    with pytest.raises(NotFound, match="no document attribute 'size'"):
        analysis.document_matrix(data, group_by="attribute:size")
    with pytest.raises(InvalidValue, match="attribute:NAME"):
        analysis.document_matrix(data, group_by="coder")


def _cli(store: Store, *args: str) -> tuple[pd.DataFrame, str]:
    result = CliRunner().invoke(cli, ["--db", store.path, "matrix", "--coder", "anna", *args])
    assert result.exit_code == 0, result.output
    return pd.read_csv(io.StringIO(result.stdout), index_col=0), result.stderr


def test_cli_pages_groups_or_shows_every_document(store: Store) -> None:
    table, note = _cli(store)
    assert table.shape[1] == 40 and "documents 1-40 of 43 (page 1 of 2)" in note
    table, note = _cli(store, "--page", "2")
    assert list(table.columns) == ["d40", "d41", "d42"]
    table, note = _cli(store, "--group-by", "attribute:municipality_type", "--values", "presence")
    assert list(table.columns) == [analysis.NONE_LABEL, *TYPES] and note == ""
    table, _ = _cli(store, "--all-columns")
    assert table.shape[1] == DOCUMENTS
    table, _ = _cli(store, "--attribute", "municipality_type=Die Optimierer")
    assert table.shape[1] == 21  # 21 documents fit on one page
    result = CliRunner().invoke(cli, ["--db", store.path, "matrix", "--cols", "coder", "--group-by", "x"])
    assert result.exit_code != 0 and "are for --cols document" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--group-by", "attribute:municipality_type", "--page", "2"], "leave out --page"),
        (["--group-by", "set", "--all-columns"], "leave out --all-columns"),
        (["--page", "3"], "--page 3: 43 documents fill 2 pages of 40; choose --page 1 to 2"),
        (["--document", "d01", "--page", "2"], "--page 2: 1 document fills 1 page of 40; leave out --page"),
    ],
)
def test_cli_refuses_a_page_it_would_ignore(store: Store, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["--db", store.path, "matrix", "--coder", "anna", *args])
    assert result.exit_code == 2 and message in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("Error")]) == 1
    assert "d00" not in result.stdout  # nothing printed


def test_auswertung_pages_or_groups_the_matrix(store: Store) -> None:
    from _factories import ROOT, run_page

    at = run_page(str(ROOT / "app_pages" / "analysis.py"), store)
    assert not at.exception
    matrix = next(d for d in at.dataframe if "d00" in d.value.columns)
    assert list(matrix.value.columns) == [f"d{i:02d}" for i in range(40)]
    assert any("Dokumente 1–40 von 43" in c.value for c in at.caption)
    assert any("43 Dokumente sind zu viele Spalten" in i.value for i in at.info)
    at.number_input(key="analysis_matrix_page").set_value(2).run()
    matrix = next(d for d in at.dataframe if "d40" in d.value.columns)
    assert list(matrix.value.columns) == ["d40", "d41", "d42"]
    at.selectbox(key="analysis_matrix_group").set_value("attribute:municipality_type").run()
    assert not at.exception
    grouped = next(d for d in at.dataframe if "Die Optimierer" in d.value.columns)
    assert list(grouped.value.columns) == ["ohne Wert", *TYPES]
    assert int(grouped.value.loc[LUECKEN, "Die Optimierer"]) == sum(i % 3 + 1 for i in range(1, 42, 2))
    assert any("Dokumente je Gruppe: ohne Wert: 1; Die Bedächtigen: 21" in c.value for c in at.caption)


def test_grouped_by_document_sets_in_the_library_and_the_cli(store: Store, data: analysis.CodingData) -> None:
    from toolkit.document_sets import create_set, list_sets

    create_set(store, "Welle 1", ["d00", "d01", "d05"], actor="t")
    create_set(store, "Welle 2", ["d05", "d10"], actor="t")  # d05 is in both
    sets = {s.name: s.documents for s in list_sets(store)}
    whole = analysis.matrix(data, "document")
    grouped = analysis.document_matrix(data, group_by="set", sets=sets)
    assert list(grouped.table.columns) == ["Welle 1", "Welle 2", analysis.NONE_LABEL]
    assert grouped.sizes == (3, 2, 39)
    assert (
        grouped.table.loc[LUECKEN, "Welle 1"] == whole.loc[LUECKEN, ["d00", "d01", "d05"]].sum() == 1 + 2 + 3
    )
    assert grouped.table.loc[LUECKEN, "Welle 2"] == whole.loc[LUECKEN, ["d05", "d10"]].sum()
    others = [c for c in whole.columns if c not in ("d00", "d01", "d05", "d10")]
    assert grouped.table.loc[LUECKEN, analysis.NONE_LABEL] == whole.loc[LUECKEN, others].sum()
    present = analysis.document_matrix(data, values="presence", group_by="set", sets=sets)
    assert present.table.loc[OFFENHEIT].tolist() == [2, 2, 6]  # d00, d05 | d05, d10 | d15 ... d40
    with pytest.raises(InvalidValue, match="no document sets"):
        analysis.document_matrix(data, group_by="set", sets={})
    table, _ = _cli(store, "--group-by", "set")
    assert list(table.columns) == ["Welle 1", "Welle 2", analysis.NONE_LABEL]
    assert table.loc[LUECKEN].tolist() == grouped.table.loc[LUECKEN].tolist()
    cell = analysis.set_cell(data, sets, LUECKEN, "Welle 2")  # the codings behind one cell
    assert len(cell.codings) == grouped.table.loc[LUECKEN, "Welle 2"]
    assert set(cell.codings["document"]) == {"d05", "d10"} and set(cell.codings["code"]) == {LUECKEN}
    rest = analysis.set_cell(data, sets, LUECKEN, analysis.NONE_LABEL)
    assert len(rest.codings) == grouped.table.loc[LUECKEN, analysis.NONE_LABEL]
    with pytest.raises(NotFound, match="Welle 3"):
        analysis.set_cell(data, sets, LUECKEN, "Welle 3")


def test_a_cell_of_the_matrix_grouped_by_sets_lists_its_segments(store: Store) -> None:
    """Auswertung: a click on a set's cell lists the segments of that set's documents."""
    from _factories import ROOT, run_page

    from toolkit.document_sets import create_set, list_sets

    if not list_sets(store):
        create_set(store, "Welle 1", ["d00", "d01", "d05"], actor="t")
    page = str(ROOT / "app_pages" / "analysis.py")
    at = run_page(page, store, analysis_matrix_group="set")
    matrix = at.dataframe(key="analysis_matrix_table").value
    row = list(matrix.index).index(LUECKEN)
    column = list(matrix.columns).index("Welle 1")
    selection = {"selection": {"rows": [], "columns": [], "cells": [[row, "Welle 1"]]}}
    at = run_page(page, store, analysis_matrix_group="set", analysis_matrix_table=selection)
    assert not at.exception
    assert any(s.value == f"{LUECKEN} · Welle 1" for s in at.subheader)
    segments = next(d.value for d in at.dataframe if "text" in d.value.columns and "link" in d.value.columns)
    assert len(segments) == int(matrix.iloc[row, column]) == 1 + 2 + 3
    assert set(segments["document"]) == {"d00", "d01", "d05"}
