"""The data the coding workbench shows: turns, filtered coding spans, recent codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import add_text, store_with_codebook

from toolkit.codings import add_coding
from toolkit.store import Store
from toolkit.workbench import (
    ViewFilter,
    codings_at,
    format_timestamp,
    recent_codes,
    selection_text,
    transcript_view,
)

TEXT = (
    "I: [00:01] Wie geht es? 👋🏽\n\nB: [48:39] Café e\u0301 <script>alert(1)</script>\n\nI: [49:00] Danke.\n"
)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = store_with_codebook(tmp_path)
    add_text(s, TEXT, "doc.txt")
    return s


def test_view_has_turns_with_times_and_the_stored_text(store: Store) -> None:
    view = transcript_view(store, "doc", ViewFilter("anna"))
    assert [(t["speaker"], t["time"]) for t in view["turns"]] == [
        ("I", "00:00:01"),
        ("B", "00:48:39"),
        ("I", "00:49:00"),
    ]
    b = view["turns"][1]
    assert view["text"][b["start"] : b["end"]] == "Café é <script>alert(1)</script>"


def test_filters_on_coders_speakers_and_codes(store: Store) -> None:
    add_coding(store, "doc", 3, 10, "Transparenz", coder="anna")
    add_coding(store, "doc", 3, 10, "Lücken", coder="ben")
    mine = transcript_view(store, "doc", ViewFilter("anna", show_others=False))
    assert [(s["coder"], s["mine"]) for s in mine["spans"]] == [("anna", True)]
    both = transcript_view(store, "doc", ViewFilter("anna"))
    assert sorted(s["coder"] for s in both["spans"]) == ["anna", "ben"]
    only_ben = transcript_view(store, "doc", ViewFilter("anna", coders=["ben"]))
    assert [s["coder"] for s in only_ben["spans"]] == ["ben"]
    by_code = transcript_view(store, "doc", ViewFilter("anna", codes=["Information/Herausforderungen"]))
    assert [s["code"] for s in by_code["spans"]] == ["Information/Herausforderungen/Lücken"]
    speakers = transcript_view(store, "doc", ViewFilter("anna", speakers=["B"]))
    assert [t["speaker"] for t in speakers["turns"]] == ["B"]


def test_revision_changes_with_codings_and_filters(store: Store) -> None:
    first = transcript_view(store, "doc", ViewFilter("anna"))["revision"]
    assert transcript_view(store, "doc", ViewFilter("anna"))["revision"] == first
    add_coding(store, "doc", 3, 10, "Transparenz", coder="anna")
    second = transcript_view(store, "doc", ViewFilter("anna"))["revision"]
    assert second != first
    assert transcript_view(store, "doc", ViewFilter("anna", show_others=False))["revision"] != second
    assert transcript_view(store, "doc", ViewFilter("anna"))["revision"] == second


def test_codings_at_a_position_and_their_colours(store: Store) -> None:
    add_coding(store, "doc", 3, 10, "Transparenz", coder="anna")
    add_coding(store, "doc", 8, 14, "Lücken", coder="anna")
    view = transcript_view(store, "doc", ViewFilter("anna"))
    assert [s["code"] for s in codings_at(view, 9)] == [
        "Information/Treiber/Transparenz",
        "Information/Herausforderungen/Lücken",
    ]
    assert codings_at(view, 10)[0]["code"] == "Information/Herausforderungen/Lücken"
    assert codings_at(view, 2) == []
    assert all(s["colour"].startswith("#") for s in view["spans"])


def test_recent_codes_newest_first(store: Store) -> None:
    add_coding(store, "doc", 0, 2, "Transparenz", coder="anna")
    add_coding(store, "doc", 3, 5, "Lücken", coder="anna")
    add_coding(store, "doc", 6, 8, "Transparenz", coder="anna")
    add_coding(store, "doc", 6, 8, "Offenheit", coder="ben")
    assert recent_codes(store, "anna") == [
        "Information/Treiber/Transparenz",
        "Information/Herausforderungen/Lücken",
    ]
    assert recent_codes(store, "nobody") == []


def test_selection_text_uses_code_points(store: Store) -> None:
    start = TEXT.index("👋🏽")
    assert selection_text(store, "doc", start, start + 2) == "👋🏽"


@pytest.mark.parametrize(
    ("seconds", "label"), [(None, ""), (0, "00:00:00"), (2919, "00:48:39"), (3723.9, "01:02:03")]
)
def test_format_timestamp(seconds: float | None, label: str) -> None:
    assert format_timestamp(seconds) == label


def test_blind_coding_shows_only_own_and_consensus_codings(store: Store) -> None:
    from toolkit.blind import set_blind_coding

    add_coding(store, "doc", 3, 10, "Transparenz", coder="anna")
    add_coding(store, "doc", 3, 10, "Lücken", coder="ben")
    add_coding(store, "doc", 3, 10, "Offenheit", coder="consensus")
    set_blind_coding(store, True, actor="lead")
    shown = transcript_view(store, "doc", ViewFilter("anna"))
    assert sorted(s["coder"] for s in shown["spans"]) == ["anna", "consensus"]
    set_blind_coding(store, False, actor="lead")
    assert len(transcript_view(store, "doc", ViewFilter("anna"))["spans"]) == 3
