"""The Auswertung page through AppTest: tables show the library's numbers, filters narrow them,
a selected matrix cell lists its segments, and every table can be downloaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import ROOT, run_page, store_with_codebook
from streamlit.testing.v1 import AppTest

from toolkit import analysis
from toolkit.project import create_demo
from toolkit.store import Store, open_store

PAGE = str(ROOT / "app_pages" / "analysis.py")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = tmp_path_factory.mktemp("page") / "demo.db"
    create_demo(db, ROOT, actor="t")
    return open_store(db)


def run(store: Store, **state: object) -> AppTest:
    at: AppTest = run_page(PAGE, store, **state)
    return at


def test_frequencies_table_shows_the_library_numbers(demo: Store) -> None:
    at = run(demo)
    assert not at.exception
    assert at.title[0].value == "Auswertung"
    shown = at.dataframe[0].value
    expected = analysis.frequencies(analysis.load_codings(demo), "code")
    assert shown["codings"].tolist() == expected["codings"].tolist()
    assert int(shown["codings"].sum()) == demo.one("SELECT count(*) AS n FROM codings")["n"]  # type: ignore[index]
    labels = [t.label for t in at.tabs]
    assert labels == ["Häufigkeiten", "Matrix", "Kookkurrenz", "Segmente", "Bericht & Codebuch"]


def test_grouping_and_coder_filter(demo: Store) -> None:
    at = run(demo)
    at.selectbox(key="analysis_by").set_value("field")
    at.selectbox(key="analysis_coder").set_value("anna")
    at.run()
    assert not at.exception
    shown = at.dataframe[0].value
    expected = analysis.frequencies(analysis.load_codings(demo, coder="anna"), "field")
    assert shown["codings"].tolist() == expected["codings"].tolist()
    assert "coder: anna" in at.caption[0].value


def test_matrix_cell_lists_its_segments(demo: Store) -> None:
    data = analysis.load_codings(demo)
    table = analysis.matrix(data, "document")
    row = int((table.sum(axis=1) > 0).to_numpy().argmax())
    column = str(table.columns[table.iloc[row].to_numpy().argmax()])
    selection = {"selection": {"rows": [], "columns": [], "cells": [[row, column]]}}
    at = run(demo, analysis_matrix_table=selection)
    assert not at.exception
    shown = at.dataframe(key="analysis_matrix_table").value
    assert shown.to_numpy().sum() == table.to_numpy().sum()
    segments = at.dataframe[2].value
    assert len(segments) == table.iloc[row][column]
    assert set(segments["document"]) == {column}


def test_segments_and_downloads(demo: Store) -> None:
    at = run(demo)
    seg = at.dataframe[-1].value
    code = at.selectbox(key="analysis_seg_code").value
    stored = demo.query(
        "SELECT count(*) AS n FROM codings c JOIN codes x ON x.id = c.code_id WHERE x.name = ?",
        (code.rsplit("/", 1)[-1],),
    )
    assert len(seg) == stored[0]["n"]
    assert not at.exception
    keys = {b.proto.id for b in at.get("download_button")}
    assert len(keys) >= 3 * 4  # csv, xlsx, json for each of the four tables, plus report and codebook


def test_empty_project_shows_a_hint(tmp_path: Path) -> None:
    at = run(store_with_codebook(tmp_path))
    assert not at.exception
    assert "Noch keine Codierungen" in at.info[0].value
