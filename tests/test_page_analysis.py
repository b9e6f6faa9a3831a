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


def test_without_consensus_the_page_asks_whose_codings(demo: Store) -> None:
    at = run(demo)
    assert not at.exception
    assert at.multiselect(key="analysis_coders").value == []
    assert "noch keinen Konsens" in at.info[0].value and not at.dataframe


def test_coders_of_another_project_are_dropped(demo: Store) -> None:
    at = run(demo, analysis_coders=["zoe", "anna"])
    assert not at.exception
    assert at.multiselect(key="analysis_coders").value == ["anna"]
    at = run(demo, analysis_coders=["anna"], analysis_coders_project="/elsewhere/other.db")
    assert at.multiselect(key="analysis_coders").value == []  # that project's choice is not this one's


def test_the_consensus_is_the_default(tmp_path: Path) -> None:
    from _factories import LUECKEN, two_coder_project

    from toolkit.codings import add_coding

    store = two_coder_project(tmp_path)
    add_coding(store, "t", 3, 18, LUECKEN, coder="consensus")
    at = run(store)
    assert not at.exception
    assert at.multiselect(key="analysis_coders").value == ["consensus"]
    assert at.caption[0].value.startswith("Codierungen von Konsens · 1 Codierung in 1 Dokument ·")
    assert int(at.dataframe[0].value["codings"].sum()) == 1


def test_frequencies_table_shows_the_library_numbers(demo: Store) -> None:
    at = run(demo, analysis_coders=["anna", "ben"], analysis_coders_project=str(demo.path))
    assert not at.exception
    assert at.title[0].value == "Auswertung"
    assert at.caption[0].value.startswith("gepoolt: Codierungen von anna, ben zusammen gezählt")
    shown = at.dataframe[0].value
    expected = analysis.frequencies(analysis.load_codings(demo), "code")
    assert shown["codings"].tolist() == expected["codings"].tolist()
    assert int(shown["codings"].sum()) == demo.one("SELECT count(*) AS n FROM codings")["n"]  # type: ignore[index]
    labels = [t.label for t in at.tabs]
    assert labels == ["Häufigkeiten", "Matrix", "Kookkurrenz", "Segmente", "Bericht & Codebuch"]


def test_grouping_and_coder_filter(demo: Store) -> None:
    at = run(demo, analysis_coders=["anna", "ben"], analysis_coders_project=str(demo.path))
    at.selectbox(key="analysis_by").set_value("field")
    at.multiselect(key="analysis_coders").set_value(["anna"])
    at.run()
    assert not at.exception
    shown = at.dataframe[0].value
    expected = analysis.frequencies(analysis.load_codings(demo, coder="anna"), "field")
    assert shown["codings"].tolist() == expected["codings"].tolist()
    assert set(shown["valence"]) == {"Herausforderung", "Treiber"}
    assert all("," in v and v.endswith("\u00a0%") for v in shown["share_pct"])  # 3,1 %, not 3.1
    assert at.caption[0].value.startswith("Codierungen von anna ·")


def test_matrix_cell_lists_its_segments(demo: Store) -> None:
    data = analysis.load_codings(demo)
    table = analysis.matrix(data, "document")
    row = int((table.sum(axis=1) > 0).to_numpy().argmax())
    column = str(table.columns[table.iloc[row].to_numpy().argmax()])
    selection = {"selection": {"rows": [], "columns": [], "cells": [[row, column]]}}
    at = run(
        demo,
        analysis_matrix_table=selection,
        analysis_coders=["anna", "ben"],
        analysis_coders_project=str(demo.path),
    )
    assert not at.exception
    shown = at.dataframe(key="analysis_matrix_table").value
    assert shown.to_numpy().sum() == table.to_numpy().sum()
    segments = at.dataframe[2].value
    spans = data.codings[(data.codings["code"] == table.index[row]) & (data.codings["document"] == column)]
    assert len(segments) == len(spans.drop_duplicates(["start", "end"]))  # a span coded by both: once
    assert set(segments["document"]) == {column}


def test_segments_and_downloads(demo: Store) -> None:
    at = run(demo, analysis_coders=["anna", "ben"], analysis_coders_project=str(demo.path))
    seg = at.dataframe[-1].value
    code = at.selectbox(key="analysis_seg_code").value
    stored = demo.query(
        "SELECT count(DISTINCT c.start || '-' || c.\"end\" || '-' || c.document_id) AS n FROM codings c "
        "JOIN codes x ON x.id = c.code_id WHERE x.name = ?",
        (code.rsplit("/", 1)[-1],),
    )
    assert len(seg) == stored[0]["n"]  # pooled: a quote coded alike by anna and ben is listed once
    assert not seg.duplicated(["document", "start", "end"]).any()
    assert not at.exception
    keys = {b.proto.id for b in at.get("download_button")}
    assert len(keys) >= 3 * 4  # csv, xlsx, json for each of the four tables, plus report and codebook


def test_empty_project_shows_a_hint(tmp_path: Path) -> None:
    at = run(store_with_codebook(tmp_path))
    assert not at.exception
    assert "Noch keine Codierungen" in at.info[0].value


def test_a_speaker_without_role_reads_as_a_dash(tmp_path: Path) -> None:
    """A speaker without a role shows a dash in the segments, not the library's English '(none)'."""
    db = tmp_path / "demo.db"
    create_demo(db, ROOT, actor="t")
    store = open_store(db)
    store.conn.execute("DELETE FROM speaker_attributes")  # no speaker has a role any more
    store.conn.commit()
    at = run(store, analysis_coders=["anna", "ben"], analysis_coders_project=str(store.path))
    seg = at.dataframe[-1].value
    assert len(seg) > 0 and "speaker_role" in seg.columns
    assert set(seg["speaker_role"].astype(str)) == {"–"}


def test_in_english_headings_codes_and_numbers_follow_the_language(demo: Store) -> None:
    """English chosen: tabs, captions and column headings in English, code paths by the codebook's
    English names, decimals with a point; German: the codebook's names and a decimal comma."""
    english = run(
        demo, analysis_coders=["anna", "ben"], analysis_coders_project=str(demo.path), ui_language="en"
    )
    assert not english.exception
    assert english.title[0].value == "Analysis"
    assert [t.label for t in english.tabs] == [
        "Frequencies",
        "Matrix",
        "Co-occurrence",
        "Segments",
        "Report & codebook",
    ]
    assert " codings in 3 documents · filters: none" in english.caption[0].value
    freq = english.dataframe[0]
    assert "Information/Challenges/Gaps in the flow of information" in freq.value["code"].tolist()
    assert '"label": "Codings"' in freq.proto.columns  # the heading shown over the codings column
    shares = [s for s in freq.value["share_pct"] if s != "0.0%"]
    assert shares and all(s.endswith("%") and "," not in s and "\u00a0" not in s for s in shares)
    matrix = english.dataframe(key="analysis_matrix_table").value
    assert "Information/Challenges/Gaps in the flow of information" in matrix.index
    german = run(
        demo, analysis_coders=["anna", "ben"], analysis_coders_project=str(demo.path), ui_language="de"
    )
    freq = german.dataframe[0]
    assert "Information/Herausforderungen/Lücken im Informationsfluss" in freq.value["code"].tolist()
    assert any(s.endswith("\u00a0%") and "," in s for s in freq.value["share_pct"])


def test_segments_filtered_by_weight(tmp_path: Path) -> None:
    """Issue 20: the Segments tab keeps only codings weighted at least the chosen value."""
    from toolkit.codings import coding_version, list_codings, update_coding

    db = tmp_path / "demo.db"
    create_demo(db, ROOT, actor="t")
    store = open_store(db)
    coding = list_codings(store, coder="anna")[0]
    update_coding(
        store, coding.guid, actor="anna", expected_version=coding_version(store, coding.guid), weight=75
    )
    state = {"analysis_coders": ["anna"], "analysis_seg_code": coding.code_path}
    at = run(store, **state)
    everything = at.dataframe[-1].value
    assert len(everything) > 1 and "weight" in everything.columns
    at = run(store, **state, analysis_seg_weight=60)
    assert not at.exception
    heavy = at.dataframe[-1].value
    assert heavy[["document", "weight"]].values.tolist() == [[coding.document, 75]]
    assert at.number_input(key="analysis_seg_weight").label == "Mindestgewicht der Codierungen"
