"""The project store: pragmas, migrations, transactions, the append-only event log, concurrency."""

from __future__ import annotations

import multiprocessing
import sqlite3
import sys
import types
from pathlib import Path

import pytest
import sqlite_utils
from _factories import add_codings_worker, add_text, new_store

from toolkit.codes_edit import add_code, add_code_in
from toolkit.codings import list_codings
from toolkit.errors import StoreError
from toolkit.store import Store, create_store, events, migrations, open_store

ALL_MIGRATIONS = [
    "m001_initial_schema",
    "m002_coding_provenance",
    "m003_consensus_decisions",
    "m004_codes_revision",
    "m005_suggestion_models",
    "m006_suggestion_feedback",
    "m008_accounts_and_sessions",
    "m009_pseudonyms",
    "m010_document_revisions",
    "m011_done_marks",
    "m012_login_failure_sources",
    "m013_search_index",
    "m014_sentence_cache",
    "m015_qca",
    "m015b_coding_weights",
    "m015c_paraphrases",
    "m016_media",
    "m017_document_sets",
    "m018_turn_pages",
    "m013a_search_voices",
]


def pragma(store: Store, name: str) -> object:
    return store.conn.execute(f"PRAGMA {name}").fetchone()[0]


def count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# --- opening --------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["create_store", "open_store"])
def test_connection_pragmas(tmp_path: Path, how: str) -> None:
    store = new_store(tmp_path)
    if how == "open_store":
        store.close()
        store = open_store(tmp_path / "p.db")
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "foreign_keys") == 1
    assert int(pragma(store, "busy_timeout")) >= 1000  # type: ignore[call-overload]


def test_new_store_has_all_migrations(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    assert store.applied_migrations() == ALL_MIGRATIONS
    columns = {c.name for c in store.db["codings"].columns}
    assert "origin" in columns


def test_open_store_of_missing_file_says_how_to_create_one(tmp_path: Path) -> None:
    path = tmp_path / "nothing-here.db"
    with pytest.raises(StoreError) as info:
        open_store(path)
    message = str(info.value)
    assert str(path) in message
    assert "init" in message
    assert not path.exists()


def test_create_store_refuses_an_existing_project_and_keeps_it(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    add_text(store, "I: Hallo und willkommen.\n\nB: Danke.")
    store.close()
    with pytest.raises(StoreError, match="already exists"):
        create_store(tmp_path / "p.db")
    again = open_store(tmp_path / "p.db")
    assert [r["name"] for r in again.query("SELECT name FROM documents")] == ["x"]


def test_create_store_refuses_any_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("meine Notizen", encoding="utf-8")
    with pytest.raises(StoreError) as info:
        create_store(path)
    assert str(path) in str(info.value)
    assert path.read_text(encoding="utf-8") == "meine Notizen"


@pytest.mark.parametrize("opener", [open_store, Store], ids=["open_store", "Store"])
def test_a_file_that_is_not_sqlite_is_a_store_error(tmp_path: Path, opener: object) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"\x89 definitely not an SQLite file " * 200)
    with pytest.raises(StoreError) as info:
        opener(path)  # type: ignore[operator]
    assert str(path) in str(info.value)


# --- migrations ---------------------------------------------------------------------------------


def test_an_old_project_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    raw = sqlite_utils.Database(path)
    migrations.apply(raw, stop_before="m002_coding_provenance")
    assert [m.name for m in migrations.applied(raw)] == ["m001_initial_schema"]
    stamp = "2024-01-01T00:00:00.000+00:00"
    text = "I: Wir scannen alles ein."
    with raw.conn:
        raw.conn.execute(
            "INSERT INTO coders (id, guid, name, created_at) VALUES (1, 'C1', 'anna', ?)", (stamp,)
        )
        raw.conn.execute(
            "INSERT INTO codes (id, guid, slug, name, created_at, updated_at) "
            "VALUES (1, 'K1', 'scan', 'Scannen', ?, ?)",
            (stamp, stamp),
        )
        raw.conn.execute(
            "INSERT INTO documents (id, guid, name, text, language, source_format, source_name, sha256, "
            "words, imported_at, imported_by) "
            "VALUES (1, 'D1', 'alt', ?, 'de', 'txt', 'alt.txt', 'abc', 5, ?, 't')",
            (text, stamp),
        )
        raw.conn.execute(
            'INSERT INTO codings (guid, document_id, code_id, coder_id, start, "end", text, created_at, '
            "updated_at) VALUES ('G1', 1, 1, 1, 3, 6, 'Wir', ?, ?)",
            (stamp, stamp),
        )
    raw.close()

    store = Store(path)
    assert store.applied_migrations() == ALL_MIGRATIONS
    rows = store.query('SELECT guid, start, "end", text, origin FROM codings')
    assert rows == [{"guid": "G1", "start": 3, "end": 6, "text": "Wir", "origin": "manual"}]
    codings = list_codings(store)
    assert [(c.document, c.code_path, c.coder, c.text) for c in codings] == [
        ("alt", "Scannen", "anna", "Wir")
    ]


def test_reopening_does_not_apply_migrations_twice(tmp_path: Path) -> None:
    new_store(tmp_path).close()
    store = open_store(tmp_path / "p.db")
    names = [r["name"] for r in store.query("SELECT name FROM _sqlite_migrations")]
    assert sorted(names) == sorted(ALL_MIGRATIONS)  # once each (the table lists them by name)


# --- event log and transactions ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    ["UPDATE events SET actor = 'mallory'", "DELETE FROM events"],
    ids=["update", "delete"],
)
def test_event_log_is_append_only(tmp_path: Path, sql: str) -> None:
    store = new_store(tmp_path)
    before = events(store)
    assert before, "creating a project writes events"
    with pytest.raises(sqlite3.Error, match="append-only"):
        store.conn.execute(sql)
    store.conn.rollback()
    assert events(store) == before


def test_failed_write_block_leaves_no_rows_and_no_events(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    n_events = count(store, "events")
    with pytest.raises(RuntimeError, match="boom"), store.write("t") as w:
        add_code_in(w, "Oben/Unten")
        w.event("note", "test", None, {"x": 1})
        raise RuntimeError("boom")
    assert count(store, "codes") == 0
    assert count(store, "events") == n_events
    # and the store is still usable afterwards
    add_code(store, "Oben", actor="t")
    assert count(store, "codes") == 1


def test_nested_write_commits_with_the_outer_block(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    with store.write("t") as outer:
        add_code_in(outer, "Aussen")
        with store.write("t") as inner:
            add_code_in(inner, "Innen")
    names = sorted(r["name"] for r in store.query("SELECT name FROM codes"))
    assert names == ["Aussen", "Innen"]
    assert not store.conn.in_transaction


def test_failed_nested_write_rolls_back_only_the_inner_block(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    with store.write("t") as outer:
        add_code_in(outer, "Aussen")
        with pytest.raises(ValueError), store.write("t") as inner:
            add_code_in(inner, "Innen")
            raise ValueError("inner fails")
    names = [r["name"] for r in store.query("SELECT name FROM codes")]
    assert names == ["Aussen"]
    assert [e["payload"]["path"] for e in events(store) if e["entity"] == "code"] == ["Aussen"]


def test_failed_outer_block_discards_a_finished_nested_block(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    with pytest.raises(KeyError), store.write("t") as outer:
        with store.write("t") as inner:
            add_code_in(inner, "Innen")
        add_code_in(outer, "Aussen")
        raise KeyError("outer fails")
    assert count(store, "codes") == 0


def test_events_record_the_actor(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    add_code(store, "Thema", actor="maria")
    [event] = [e for e in events(store) if e["entity"] == "code"]
    assert event["actor"] == "maria"
    assert event["action"] == "add"
    assert event["payload"]["name"] == "Thema"


# --- concurrency ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_eight_processes_add_codings_at_once(
    tmp_path: Path, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"start method {method!r} is not available here")
    # spawned children re-import the parent's __main__; after AppTest ran app.py in this process that
    # would be the app, so give them an empty one
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    workers, per_worker = 8, 25
    store = new_store(tmp_path)
    add_text(store, "I: " + " ".join(["Wort"] * 100), filename="doc.txt")
    add_code(store, "Code", actor="t")
    store.close()

    ctx = multiprocessing.get_context(method)
    barrier = ctx.Barrier(workers)
    procs = [
        ctx.Process(target=add_codings_worker, args=(str(tmp_path / "p.db"), i, per_worker, barrier))
        for i in range(workers)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    exit_codes = [p.exitcode for p in procs]
    assert exit_codes == [0] * workers, "a worker failed; its traceback is in the captured stderr"

    store = open_store(tmp_path / "p.db")
    assert count(store, "codings") == workers * per_worker
    adds = [e for e in events(store) if e["action"] == "add" and e["entity"] == "coding"]
    assert len(adds) == workers * per_worker
    assert {e["actor"] for e in adds} == {"team"}
    assert [r["name"] for r in store.query("SELECT name FROM coders")] == ["team"]
    spans = {(r["start"], r["end"]) for r in store.query('SELECT start, "end" FROM codings')}
    assert spans == {(s, s + 1) for s in range(workers * per_worker)}
