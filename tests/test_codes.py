"""The project's codes: loading codebooks, lookup by path, and the tree operations with codings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from _factories import (
    INTERVIEW,
    MINI_CODEBOOK,
    SHIPPED_CODEBOOK,
    add_text,
    events_of,
    mini_codebook,
    new_store,
    store_with_codebook,
)

from toolkit.codebook import dump_codebook, load_codebook, parse_codebook
from toolkit.codes import code_by_path, export_codebook, find_code, list_codes
from toolkit.codes_edit import add_code, affected_codings, delete_code, merge_codes, move_code, rename_code
from toolkit.codes_merge import load_codebook_into
from toolkit.codings import add_coding, list_codings
from toolkit.errors import Conflict, InvalidValue, NotFound, ToolkitError
from toolkit.store import Store

MINI_PATHS = [
    "Information",
    "Information/Herausforderungen",
    "Information/Herausforderungen/Lücken",
    "Information/Treiber",
    "Information/Treiber/Transparenz",
    "Mensch",
    "Mensch/Treiber",
    "Mensch/Treiber/Offenheit",
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return store_with_codebook(tmp_path)


@pytest.fixture
def doc(store: Store) -> str:
    return add_text(store, INTERVIEW)


def paths(store: Store) -> list[str]:
    return [c.path for c in list_codes(store)]


def coded(store: Store, code: str | None = None) -> list[tuple[str, str, int, int]]:
    return [(c.code_path, c.coder, c.start, c.end) for c in list_codings(store, code=code)]


# --- loading a codebook --------------------------------------------------------------------------


def test_load_adds_all_codes_fields_and_attributes(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    report = load_codebook_into(store, mini_codebook(), actor="t")
    assert sorted(report.added) == sorted(c.id for c in mini_codebook().codes)
    assert (report.updated, report.unchanged, report.not_in_file) == ((), 0, ())
    assert paths(store) == MINI_PATHS
    assert [r["name"] for r in store.query("SELECT name FROM fields_of_action ORDER BY position")] == [
        "Information",
        "Mensch",
    ]
    assert {r["name"] for r in store.query("SELECT name FROM attribute_definitions")} == {
        "municipality_type",
        "speaker_role",
    }
    assert len(events_of(store, "add", "code")) == len(MINI_PATHS)


def test_loading_the_same_file_again_changes_nothing(store: Store) -> None:
    before = list_codes(store)
    report = load_codebook_into(store, mini_codebook(), actor="t")
    assert report.added == ()
    assert report.updated == ()
    assert report.unchanged == len(MINI_PATHS)
    assert report.not_in_file == ()
    assert list_codes(store) == before
    assert events_of(store, "update", "code") == []


def test_changed_definition_is_updated_with_an_event(store: Store) -> None:
    text = MINI_CODEBOOK.replace("Was Informationen erleichtert.", "Was den Informationsfluss fördert.")
    report = load_codebook_into(store, parse_codebook(text, "mini.yaml"), actor="editor")
    assert report.updated == ("info-t",)
    assert report.unchanged == len(MINI_PATHS) - 1
    assert code_by_path(store, "Information/Treiber").definition == "Was den Informationsfluss fördert."
    [event] = events_of(store, "update", "code")
    assert event["actor"] == "editor"
    assert event["payload"]["before"] == {"definition": "Was Informationen erleichtert."}
    assert event["payload"]["after"] == {"definition": "Was den Informationsfluss fördert."}


def test_codes_missing_from_a_second_file_are_kept_and_reported(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Offenheit", coder="k")
    book = mini_codebook()
    smaller = dataclasses.replace(book, codes=tuple(c for c in book.codes if c.id != "mensch-t-offenheit"))
    report = load_codebook_into(store, smaller, actor="t")
    assert report.not_in_file == ("mensch-t-offenheit",)
    assert paths(store) == MINI_PATHS
    assert coded(store) == [("Mensch/Treiber/Offenheit", "k", 0, 5)]


def test_codebook_guids_become_the_code_guids(store: Store) -> None:
    expected = {c.id: c.guid for c in mini_codebook().codes}
    assert {c.slug: c.guid for c in list_codes(store)} == expected


def test_reloading_a_codebook_with_a_renamed_id_updates_the_same_code(store: Store) -> None:
    before = {c.path: c.guid for c in list_codes(store)}
    text = MINI_CODEBOOK.replace("id: mensch-t-offenheit", "id: offenheit")
    report = load_codebook_into(store, parse_codebook(text, "mini.yaml"), actor="t")
    assert report.added == () and report.not_in_file == ()
    assert report.updated == ("offenheit",)
    assert paths(store) == MINI_PATHS
    assert {c.path: c.guid for c in list_codes(store)} == before
    assert code_by_path(store, "offenheit").path == "Mensch/Treiber/Offenheit"


def test_reloading_with_an_id_taken_by_another_code_is_refused(store: Store) -> None:
    text = MINI_CODEBOOK.replace("id: mensch-t-offenheit", "id: offenheit").replace(
        "name: Offenheit", "name: Neugier"
    )
    load_codebook_into(
        store,
        parse_codebook(
            MINI_CODEBOOK.replace("name: Offenheit", "name: Neugier").replace(
                "id: mensch-t-offenheit", "id: mensch-t-neugier"
            ),
            "a.yaml",
        ),
        actor="t",
    )
    with pytest.raises(ToolkitError, match="is another code of the project"):
        load_codebook_into(
            store,
            parse_codebook(
                text.replace("id: offenheit", "id: mensch-t-neugier").replace(
                    "name: Neugier", "name: Offenheit"
                ),
                "b.yaml",
            ),
            actor="t",
        )


# --- listing and lookup --------------------------------------------------------------------------


def test_list_codes_inherits_field_and_valence(store: Store) -> None:
    rows = {c.path: c for c in list_codes(store)}
    assert list(rows) == MINI_PATHS
    expected = {
        "Information": ("Information", None, 0),
        "Information/Herausforderungen": ("Information", "challenge", 1),
        "Information/Herausforderungen/Lücken": ("Information", "challenge", 2),
        "Information/Treiber/Transparenz": ("Information", "driver", 2),
        "Mensch/Treiber/Offenheit": ("Mensch", "driver", 2),
    }
    for path, (field, valence, depth) in expected.items():
        assert (rows[path].field_of_action, rows[path].valence, rows[path].depth) == (field, valence, depth)
    assert rows["Information/Herausforderungen/Lücken"].keywords_de == ("Flurfunk", "Bescheid")


def test_list_codes_counts_codings(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    add_coding(store, doc, 0, 5, "Transparenz", coder="j")
    counts = {c.path: c.codings for c in list_codes(store)}
    assert counts["Information/Treiber/Transparenz"] == 2
    assert counts["Information/Treiber"] == 0


@pytest.mark.parametrize(
    "query",
    [
        "Information/Treiber/Transparenz",
        "/Information/Treiber/Transparenz/",
        "Transparenz",
        "info-t-transparenz",
    ],
    ids=["full-path", "slashes-around", "unique-name", "slug"],
)
def test_code_by_path(store: Store, query: str) -> None:
    assert code_by_path(store, query).path == "Information/Treiber/Transparenz"


def test_ambiguous_name_lists_the_options(store: Store) -> None:
    with pytest.raises(NotFound) as info:
        code_by_path(store, "Treiber")
    message = str(info.value)
    assert "ambiguous" in message
    assert "Information/Treiber" in message
    assert "Mensch/Treiber" in message


def test_unknown_code_says_how_to_list_codes(store: Store) -> None:
    with pytest.raises(NotFound, match=r"no code 'Gibt es nicht'.*codebook show"):
        code_by_path(store, "Gibt es nicht")


# --- add ------------------------------------------------------------------------------------------


def test_add_code_creates_missing_parents(store: Store) -> None:
    row = add_code(store, "Produkt/Treiber/Schnittstellen", actor="t", definition="Offene APIs.")
    assert row.path == "Produkt/Treiber/Schnittstellen"
    assert row.definition == "Offene APIs."
    assert {"Produkt", "Produkt/Treiber", "Produkt/Treiber/Schnittstellen"} <= set(paths(store))
    assert len(paths(store)) == len(MINI_PATHS) + 3
    assert [e["payload"].get("path") for e in events_of(store, "add", "code")][-3:] == [
        "Produkt",
        "Produkt/Treiber",
        "Produkt/Treiber/Schnittstellen",
    ]


def test_added_subcode_inherits_field_and_valence(store: Store) -> None:
    row = add_code(store, "Information/Treiber/Neu", actor="t")
    assert (row.field_of_action, row.valence) == ("Information", "driver")


@pytest.mark.parametrize(
    "path",
    ["Information/Treiber", "Information/TREIBER", "information", "Information/Herausforderungen/lücken"],
    ids=["exact", "upper", "lower-top-level", "lower-with-umlaut-inside"],
)
def test_duplicate_sibling_is_a_conflict(store: Store, path: str) -> None:
    with pytest.raises(Conflict, match="already exists"):
        add_code(store, path, actor="t")
    assert paths(store) == MINI_PATHS


def test_duplicate_sibling_differing_in_umlaut_case_is_a_conflict(store: Store) -> None:
    add_code(store, "Ärger", actor="t")
    with pytest.raises(Conflict):
        add_code(store, "ärger", actor="t")


@pytest.mark.parametrize(
    ("path", "kwargs", "message"),
    [
        ("Information//Neu", {}, "empty part"),
        ("/", {}, "empty"),
        ("Neu", {"valence": "good"}, "'challenge' or 'driver'"),
    ],
    ids=["empty-part", "only-slash", "bad-valence"],
)
def test_add_code_invalid(store: Store, path: str, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        add_code(store, path, actor="t", **kwargs)
    assert paths(store) == MINI_PATHS


# --- rename and move ------------------------------------------------------------------------------


def test_rename_keeps_codings(store: Store, doc: str) -> None:
    coding = add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    guid = code_by_path(store, "Transparenz").guid
    row = rename_code(store, "Information/Treiber/Transparenz", "Offene Kommunikation", actor="t")
    assert row.path == "Information/Treiber/Offene Kommunikation"
    assert row.guid == guid
    [after] = list_codings(store)
    assert (after.guid, after.code_path) == (coding.guid, "Information/Treiber/Offene Kommunikation")
    [event] = events_of(store, "rename", "code")
    assert event["payload"] == {"before": "Transparenz", "after": "Offene Kommunikation"}


def test_rename_may_change_only_the_case(store: Store) -> None:
    assert (
        rename_code(store, "Transparenz", "TRANSPARENZ", actor="t").path == "Information/Treiber/TRANSPARENZ"
    )


@pytest.mark.parametrize(
    ("new_name", "error", "message"),
    [
        ("herausforderungen", Conflict, "already exists"),
        ("A/B", InvalidValue, "without '/'"),
        ("   ", InvalidValue, "non-empty"),
    ],
    ids=["sibling-exists", "slash", "blank"],
)
def test_rename_refused(store: Store, new_name: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        rename_code(store, "Information/Treiber", new_name, actor="t")
    assert paths(store) == MINI_PATHS


def test_move_takes_the_subtree_and_codings_along(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Lücken", coder="k")
    row = move_code(store, "Information/Herausforderungen", "Mensch", actor="t")
    assert row.path == "Mensch/Herausforderungen"
    assert "Information/Herausforderungen/Lücken" not in paths(store)
    moved = code_by_path(store, "Mensch/Herausforderungen/Lücken")
    assert (moved.field_of_action, moved.valence) == ("Mensch", "challenge")
    assert coded(store) == [("Mensch/Herausforderungen/Lücken", "k", 0, 5)]


def test_move_to_the_top_level(store: Store) -> None:
    assert move_code(store, "Mensch/Treiber/Offenheit", None, actor="t").path == "Offenheit"
    assert code_by_path(store, "Offenheit").depth == 0


@pytest.mark.parametrize(
    ("code", "new_parent", "message"),
    [
        ("Information", "Information", "below itself"),
        ("Information", "Information/Treiber/Transparenz", "below itself"),
        ("Information/Treiber", "Information/Treiber/Transparenz", "below itself"),
        ("Mensch/Treiber", "Information", "already exists"),
    ],
    ids=["onto-itself", "into-grandchild", "into-child", "sibling-name-taken"],
)
def test_move_refused(store: Store, code: str, new_parent: str, message: str) -> None:
    with pytest.raises(Conflict, match=message):
        move_code(store, code, new_parent, actor="t")
    assert paths(store) == MINI_PATHS


def test_move_to_the_current_parent_is_a_no_op(store: Store) -> None:
    assert move_code(store, "Information/Treiber", "Information", actor="t").path == "Information/Treiber"
    assert paths(store) == MINI_PATHS


# --- merge ---------------------------------------------------------------------------------------


def test_merge_moves_codings_drops_twins_and_children(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Mensch/Treiber", coder="k")
    add_coding(store, doc, 0, 5, "Information/Treiber", coder="k")  # k's twin on the target
    add_coding(store, doc, 6, 10, "Mensch/Treiber", coder="k")
    add_coding(store, doc, 0, 5, "Mensch/Treiber", coder="j")  # same span, other coder: kept
    result = merge_codes(store, "Mensch/Treiber", "Information/Treiber", actor="t")
    assert result == {"moved": 2, "dropped": 1}
    with pytest.raises(NotFound):
        code_by_path(store, "Mensch/Treiber")
    assert "Information/Treiber/Offenheit" in paths(store)
    assert sorted(coded(store)) == [
        ("Information/Treiber", "j", 0, 5),
        ("Information/Treiber", "k", 0, 5),
        ("Information/Treiber", "k", 6, 10),
    ]
    [event] = events_of(store, "merge", "code")
    assert (event["payload"]["moved"], event["payload"]["dropped"]) == (2, 1)


@pytest.mark.parametrize(
    ("source", "target"),
    [("Information", "Information"), ("Information", "Information/Treiber")],
    ids=["into-itself", "into-own-subcode"],
)
def test_merge_into_itself_is_refused(store: Store, source: str, target: str) -> None:
    with pytest.raises(Conflict, match="into itself or its own subcode"):
        merge_codes(store, source, target, actor="t")
    assert paths(store) == MINI_PATHS


def test_merge_with_clashing_child_names_changes_nothing(store: Store, doc: str) -> None:
    add_code(store, "Mensch/Treiber/Transparenz", actor="t")
    add_coding(store, doc, 0, 5, "Mensch/Treiber", coder="k")
    before_paths, before_codings = paths(store), coded(store)
    with pytest.raises(Conflict, match="Transparenz"):
        merge_codes(store, "Mensch/Treiber", "Information/Treiber", actor="t")
    assert paths(store) == before_paths
    assert coded(store) == before_codings


# --- delete --------------------------------------------------------------------------------------


def test_delete_is_refused_while_codings_exist(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    add_coding(store, doc, 6, 10, "Transparenz", coder="k")
    with pytest.raises(Conflict) as info:
        delete_code(store, "Information/Treiber/Transparenz", actor="t")
    assert "used by 2 codings" in str(info.value)
    assert "--move-to" in str(info.value)
    assert paths(store) == MINI_PATHS


def test_delete_with_move_codings_to(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    add_coding(store, doc, 6, 10, "Transparenz", coder="k")
    moved = delete_code(store, "Transparenz", actor="t", move_codings_to="Mensch/Treiber/Offenheit")
    assert moved == 2
    assert "Information/Treiber/Transparenz" not in paths(store)
    assert coded(store) == [("Mensch/Treiber/Offenheit", "k", 0, 5), ("Mensch/Treiber/Offenheit", "k", 6, 10)]
    [event] = events_of(store, "delete", "code")
    assert event["payload"]["moved_to"] == "Mensch/Treiber/Offenheit"


def test_delete_of_a_code_with_subcodes_is_refused(store: Store) -> None:
    with pytest.raises(Conflict, match="subcodes"):
        delete_code(store, "Information/Treiber", actor="t")
    assert paths(store) == MINI_PATHS


def test_delete_of_an_unused_leaf(store: Store) -> None:
    assert delete_code(store, "Offenheit", actor="t") == 0
    assert paths(store) == [p for p in MINI_PATHS if p != "Mensch/Treiber/Offenheit"]


def test_delete_moving_codings_to_itself_is_refused(store: Store, doc: str) -> None:
    add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    with pytest.raises(Conflict):
        delete_code(store, "Transparenz", actor="t", move_codings_to="Transparenz")
    assert coded(store) == [("Information/Treiber/Transparenz", "k", 0, 5)]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("Information", 4),
        ("Information/Treiber", 3),
        ("Information/Treiber/Transparenz", 2),
        ("Mensch", 1),
        ("Information/Herausforderungen", 0),
    ],
    ids=["root-with-subtree", "middle", "leaf", "other-root", "unused"],
)
def test_affected_codings_counts_the_subtree(store: Store, doc: str, path: str, expected: int) -> None:
    add_coding(store, doc, 0, 5, "Information", coder="k")
    add_coding(store, doc, 0, 5, "Information/Treiber", coder="k")
    add_coding(store, doc, 0, 5, "Transparenz", coder="k")
    add_coding(store, doc, 0, 5, "Transparenz", coder="j")
    add_coding(store, doc, 0, 5, "Mensch", coder="k")
    assert affected_codings(store, path) == expected


# --- export --------------------------------------------------------------------------------------


def test_export_of_a_loaded_codebook_equals_the_file(store: Store) -> None:
    assert export_codebook(store) == mini_codebook()


def test_export_round_trips_after_edits(store: Store, tmp_path: Path) -> None:
    add_code(store, "Mensch/Neu", actor="t", definition="Neu hinzugefügt.", colour="#AABBCC")
    rename_code(store, "Transparenz", "Offene Kommunikation", actor="t")
    exported = export_codebook(store)
    text = dump_codebook(exported)
    again = parse_codebook(text, "export.yaml")
    assert again == exported
    assert again.fields_of_action == mini_codebook().fields_of_action
    assert again.attributes == mini_codebook().attributes
    by_id = {c.id: c for c in again.codes}
    assert by_id["info-t-transparenz"].name == "Offene Kommunikation"
    new = next(c for c in again.codes if c.name == "Neu")
    assert (new.parent, new.definition, new.colour) == ("mensch", "Neu hinzugefügt.", "#AABBCC")
    # loading the export into a fresh project rebuilds the same tree with the same GUIDs
    other = new_store(tmp_path, "other.db")
    load_codebook_into(other, again, actor="t")
    assert [(c.path, c.guid) for c in list_codes(other)] == [(c.path, c.guid) for c in list_codes(store)]


def test_export_of_the_shipped_codebook(tmp_path: Path) -> None:
    if not SHIPPED_CODEBOOK.exists():
        pytest.skip(f"the shipped codebook {SHIPPED_CODEBOOK} is missing")
    book = load_codebook(SHIPPED_CODEBOOK)
    store = new_store(tmp_path)
    load_codebook_into(store, book, actor="t")
    exported = export_codebook(store)
    assert exported == book
    assert parse_codebook(dump_codebook(exported), "x.yaml") == book


# --- editing descriptive fields ------------------------------------------------------------------


def test_update_code_changes_fields_and_logs_before_after(store: Store) -> None:
    from toolkit.codes_edit import update_code
    from toolkit.store import events

    code = update_code(
        store,
        "Transparenz",
        actor="lead",
        definition="Neu definiert",
        colour="#00ff00",
        keywords_de=["offen", "Info"],
        valence="driver",
    )
    assert (code.definition, code.colour, code.keywords_de) == ("Neu definiert", "#00ff00", ("offen", "Info"))
    last = [e for e in events(store) if e["entity"] == "code"][-1]
    assert last["action"] == "update" and last["payload"]["after"]["definition"] == "Neu definiert"
    assert last["payload"]["before"]["definition"] == "Offene Projektkommunikation."


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "x"}, "cannot edit name"),
        ({"colour": "grün"}, "not #RRGGBB"),
        ({"valence": "gut"}, "challenge"),
    ],
    ids=["name", "colour", "valence"],
)
def test_update_code_refuses_bad_fields(store: Store, fields: dict[str, str], message: str) -> None:
    from toolkit.codes_edit import update_code

    with pytest.raises(ToolkitError, match=message):
        update_code(store, "Transparenz", actor="lead", **fields)


# --- cached code tree: never stale -----------------------------------------------------------------


def test_edits_within_one_millisecond_are_seen(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import toolkit.codes_edit
    import toolkit.store

    monkeypatch.setattr(toolkit.store, "now", lambda: "2026-01-01T00:00:00.000+00:00")
    monkeypatch.setattr(toolkit.codes_edit, "now", lambda: "2026-01-01T00:00:00.000+00:00")
    assert code_by_path(store, "Transparenz").path == "Information/Treiber/Transparenz"
    rename_code(store, "Transparenz", "Offene Kommunikation", actor="t")
    assert find_code(store, "Information/Treiber/Offene Kommunikation").name == "Offene Kommunikation"
    with pytest.raises(NotFound):
        find_code(store, "Information/Treiber/Transparenz")


def test_a_rolled_back_code_never_shows_up(store: Store) -> None:
    from toolkit.codes import code_tree
    from toolkit.codes_edit import add_code_in

    before = [c.path for c in code_tree(store)]
    with pytest.raises(RuntimeError), store.write("t") as w:
        add_code_in(w, "Information/Treiber/Gespenst")
        assert "Information/Treiber/Gespenst" in [c.path for c in code_tree(store)]
        raise RuntimeError("abort")
    assert [c.path for c in code_tree(store)] == before
    rename_code(store, "Transparenz", "Klarheit", actor="t")  # another change, same revision number
    paths = [c.path for c in code_tree(store)]
    assert "Information/Treiber/Gespenst" not in paths and "Information/Treiber/Klarheit" in paths


def test_a_new_project_at_the_same_path_has_its_own_codes(tmp_path: Path) -> None:
    from toolkit.codes import code_tree

    first = new_store(tmp_path, "same.db")
    add_code(first, "Alt/Eins", actor="t")
    assert [c.path for c in code_tree(first)] == ["Alt", "Alt/Eins"]
    first.close()
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"same.db{suffix}").unlink(missing_ok=True)
    second = new_store(tmp_path, "same.db")
    add_code(second, "Neu/Zwei", actor="t")
    assert [c.path for c in code_tree(second)] == ["Neu", "Neu/Zwei"]


def test_a_new_code_with_a_colour_that_is_not_hex_is_refused_and_nothing_is_added(store: Store) -> None:
    before = [c.path for c in list_codes(store)]
    with pytest.raises(InvalidValue, match=r"colour .* is not #RRGGBB"):
        add_code(store, "Mensch/Bunt", actor="t", colour="red' onmouseover='alert(1)")
    assert [c.path for c in list_codes(store)] == before
