"""The data the coding workbench shows: turns, filtered coding spans, recent codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import add_text, store_with_codebook

from toolkit.codes import list_codes
from toolkit.codings import add_coding, list_codings
from toolkit.errors import Conflict, InvalidValue, NotFound, PermissionDenied
from toolkit.store import Store
from toolkit.workbench import (
    Link,
    ViewFilter,
    add_in_vivo_coding,
    codings_at,
    format_timestamp,
    in_vivo_name,
    parse_link,
    recent_codes,
    run_op,
    selection_text,
    span_window,
    transcript_view,
    tree_rows,
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


def test_in_vivo_name_from_selected_words() -> None:
    assert in_vivo_name("  „wir drucken es aus,“ ") == "wir drucken es aus"
    assert in_vivo_name("Akte/Papier\nund  mehr.") == "Akte-Papier und mehr"
    long = in_vivo_name("sehr " * 30)
    assert len(long) <= 60 and not long.endswith(" ")


def test_in_vivo_code_is_made_and_applied_in_one_step(store: Store) -> None:
    start = TEXT.index("Wie geht")
    made = add_in_vivo_coding(store, "doc", start, start + 8, "Information/Treiber", "Wie geht", coder="anna")
    assert (made.code_path, made.text) == ("Information/Treiber/Wie geht", "Wie geht")
    # a name taken under the same parent: refused, and no coding is left behind
    with pytest.raises(Conflict):
        add_in_vivo_coding(store, "doc", 0, 2, "Information/Treiber", "wie GEHT", coder="anna")
    with pytest.raises(NotFound):
        add_in_vivo_coding(store, "doc", 0, 2, "Information/Gibtsnicht", "Neu", coder="anna")
    with pytest.raises(InvalidValue, match="may not contain"):
        add_in_vivo_coding(store, "doc", 0, 2, None, "a/b", coder="anna")
    assert [c.code_path for c in list_codings(store)] == ["Information/Treiber/Wie geht"]
    assert "Information/Gibtsnicht" not in {c.path for c in list_codes(store)}


def test_in_vivo_code_needs_a_lead_in_team_mode(store: Store) -> None:
    from toolkit.accounts import add_user, set_team_mode

    add_user(store, "lea", role="lead", password="geheim-genug-1", actor="t")
    add_user(store, "carl", role="coder", password="geheim-genug-2", actor="lea")
    set_team_mode(store, True, actor="lea")
    with pytest.raises(PermissionDenied):
        add_in_vivo_coding(store, "doc", 0, 2, "Information/Treiber", "Neu", coder="carl")
    assert list_codings(store) == []


def test_tree_rows_count_the_document_and_the_project_with_subcodes(store: Store) -> None:
    add_text(store, "I: Noch ein Text über Transparenz.\n", "zwei.txt")
    add_coding(store, "doc", 3, 10, "Transparenz", coder="anna")
    add_coding(store, "doc", 12, 14, "Transparenz", coder="ben")
    add_coding(store, "zwei", 3, 8, "Transparenz", coder="anna")
    add_coding(store, "doc", 3, 10, "Lücken", coder="anna")
    rows = {r[0]: r for r in tree_rows(store, "doc", "anna")}
    assert rows["Information/Treiber/Transparenz"][4:6] == (2, 3)
    assert rows["Information"][4:6] == (3, 4)  # subcodes included
    assert rows["Information"][6] is True and rows["Information/Treiber/Transparenz"][6] is False
    assert rows["Mensch/Treiber/Offenheit"][4:6] == (0, 0)
    assert [r[3] for r in tree_rows(store, "doc", "anna")][:3] == [0, 1, 2]


def test_tree_rows_name_codes_in_english_where_the_codebook_has_it(store: Store) -> None:
    from toolkit.code_labels import path_names
    from toolkit.codes_edit import update_code

    update_code(store, "Information/Treiber", name_en="Drivers", actor="lea")
    update_code(store, "Information/Treiber/Transparenz", name_en="Transparency", actor="lea")
    english = {r[0]: r[1] for r in tree_rows(store, "doc", "anna", "en")}
    assert english["Information/Treiber/Transparenz"] == "Transparency"  # the path stays the codebook's
    assert english["Information/Herausforderungen"] == "Herausforderungen"  # no name_en: the name
    german = {r[0]: r[1] for r in tree_rows(store, "doc", "anna", "de")}
    assert german["Information/Treiber/Transparenz"] == "Transparenz"
    shown = path_names(store, "en")
    assert shown["Information/Treiber/Transparenz"] == "Information/Drivers/Transparency"
    assert path_names(store, "de")["Information/Treiber/Transparenz"] == "Information/Treiber/Transparenz"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"doc": "doc", "start": "3", "end": "10", "coder": "anna"}, Link("doc", 3, 10, "anna")),
        ({"doc": "doc"}, Link("doc", None, None, None)),
        ({"doc": "nope"}, "not in this project"),
        ({"doc": "doc", "start": "x", "end": "10"}, "not whole numbers"),
        ({"doc": "doc", "start": "10", "end": "3"}, "outside document"),
        ({"doc": "doc", "start": "3", "end": "9999"}, "outside document"),
    ],
)
def test_parse_link(params: dict[str, str], expected: Link | str) -> None:
    if isinstance(expected, Link):
        assert parse_link(params, ["doc"], 100) == expected
    else:
        with pytest.raises((NotFound, InvalidValue), match=expected):
            parse_link(params, ["doc"], 100)


def test_run_op_assigns_adjusts_and_adds_codes(store: Store) -> None:
    done = run_op(
        store, {"kind": "assign", "start": 3, "end": 10, "code": "Transparenz"}, coder="anna", document="doc"
    )
    assert (done.code_path, done.start, done.end) == ("Information/Treiber/Transparenz", 3, 10)
    with pytest.raises(Conflict):  # the same span and code again
        run_op(
            store,
            {"kind": "assign", "start": 3, "end": 10, "code": "Transparenz"},
            coder="anna",
            document="doc",
        )
    moved = run_op(
        store,
        {"kind": "adjust", "guid": done.guid, "version": 1, "start": 4, "end": 12},
        coder="anna",
        document="doc",
    )
    assert (moved.start, moved.end) == (4, 12)
    assert [c.text for c in list_codings(store)] == [TEXT[4:12]]
    with pytest.raises(Conflict):  # an old version: someone changed it meanwhile
        run_op(
            store,
            {"kind": "adjust", "guid": done.guid, "version": 1, "start": 3, "end": 12},
            coder="anna",
            document="doc",
        )
    made = run_op(
        store, {"kind": "code", "parent": "Mensch/Treiber", "name": "Mut"}, coder="anna", document="doc"
    )
    assert made.code_path == "Mensch/Treiber/Mut"
    with pytest.raises(InvalidValue, match="unknown workbench op"):
        run_op(store, {"kind": "drop"}, coder="anna", document="doc")


def test_span_window_is_the_turn_around_the_span_with_exact_offsets(store: Store) -> None:
    text = transcript_view(store, "doc", ViewFilter("anna"))["text"]
    start = text.index("Café")
    base, window = span_window(store, "doc", start, start + 4)
    assert (base, window) == (start, "Café é <script>alert(1)</script>")  # the whole turn B
    base, window = span_window(store, "doc", start + 5, start + 6, around=2)
    assert (base, window) == (start + 3, text[start + 3 : start + 8])
    with pytest.raises(InvalidValue):
        span_window(store, "doc", 5, 5)
