"""Lists of segments link to their span in Kodieren (AppTest): Auswertung segments and matrix cells,
Konsens cards (with speaker, time stamp and the turn), the history of codings on the page Projekt."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from tests._factories import LUECKEN, ROOT, TRANSPARENZ, add_text, run_page, store_with_codebook
from toolkit.codings import add_coding, delete_coding
from toolkit.documents import document_text
from toolkit.links import transcript_link
from toolkit.store import Store

TEXT = (
    "I [00:00:05]: Wie läuft die Digitalisierung bei Ihnen?\n\n"
    "B [00:01:05]: Die E-Akte ist eingeführt, aber langsam. Viele drucken weiter aus.\n"
)


@pytest.fixture()
def project(tmp_path: Path) -> tuple[Store, str, int, int]:
    store = store_with_codebook(tmp_path)
    doc = add_text(store, TEXT, "interview.txt")
    start = document_text(store, doc).index("eingeführt")
    end = start + len("eingeführt")
    add_coding(store, doc, start, end, LUECKEN, coder="anna")
    add_coding(store, doc, start, end, TRANSPARENZ, coder="ben")
    return store, doc, start, end


def page(name: str, store: Store, **state: object) -> AppTest:
    at: AppTest = run_page(ROOT / "app_pages" / name, store, app_coder="anna", **state)
    assert not at.exception, at.exception
    return at


def linked(at: AppTest) -> list[object]:
    """The tables with a column of links, in page order."""
    return [d.value for d in at.dataframe if "link" in d.value.columns]


def expected(store: Store, doc: str, start: int, end: int) -> str:
    return transcript_link(doc, start, end, coder="anna", project=str(Path(store.path).absolute()))


def test_auswertung_segments_link_to_their_span(project: tuple[Store, str, int, int]) -> None:
    store, doc, start, end = project
    at = page("analysis.py", store, analysis_coders=["anna", "ben"])
    seg = linked(at)[-1]  # the tab Segmente
    assert list(seg["link"]) == [expected(store, doc, start, end)]
    query = parse_qs(urlsplit(seg["link"][0]).query)
    assert query["doc"] == [doc] and query["coder"] == ["anna"]


def test_a_matrix_cell_links_its_segments(project: tuple[Store, str, int, int]) -> None:
    store, doc, start, end = project
    at = page("analysis.py", store, analysis_coders=["anna", "ben"])
    table = at.dataframe(key="analysis_matrix_table").value
    row = [str(i) for i in table.index].index(LUECKEN)
    selection = {"selection": {"rows": [], "columns": [], "cells": [[row, doc]]}}
    at = page("analysis.py", store, analysis_coders=["anna", "ben"], analysis_matrix_table=selection)
    cell, _segments = linked(at)
    assert list(cell["link"]) == [expected(store, doc, start, end)]


def test_konsens_cards_show_speaker_time_turn_and_link(project: tuple[Store, str, int, int]) -> None:
    store, doc, start, end = project
    at = page("consensus.py", store)
    cards = [m.value for m in at.markdown if "in neuem Tab" in m.value]
    assert cards and all("Zeichen" not in c for c in cards)
    assert f"B · 00\\:01\\:05 · [in neuem Tab]({expected(store, doc, start, end)})" in cards[0]
    opens = [b.label for b in at.button if str(b.key).startswith("consensus_open_")]
    assert opens == ["Im Transkript öffnen"] * len(cards)  # one per card, opening it in this tab
    turns = [m.value for m in at.markdown if "**eingeführt**" in m.value]
    assert turns and turns[0].startswith("Die E\\-Akte ist **eingeführt**, aber langsam")


def test_the_history_of_codings_links_each_change(project: tuple[Store, str, int, int]) -> None:
    store, doc, start, end = project
    gone = add_coding(store, doc, 0, 3, LUECKEN, coder="anna")
    delete_coding(store, gone.guid, actor="anna")
    at = page("overview.py", store)
    (changes,) = linked(at)
    assert list(changes["Änderung"])[:2] == ["gelöscht", "hinzugefügt"]
    assert list(changes["link"]) == [
        expected(store, doc, 0, 3),  # the place the deleted coding had
        expected(store, doc, 0, 3),
        expected(store, doc, start, end),
        expected(store, doc, start, end),
    ]
    assert list(changes["Wer"]) == ["anna", "anna", "ben", "anna"]
