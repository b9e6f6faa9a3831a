"""The project store: one SQLite file per project, opened through sqlite-utils.

- WAL journal, foreign keys on, a busy timeout; writers take the lock up front
  (``BEGIN IMMEDIATE``) and retry, so concurrent coders wait instead of failing.
- Versioned, named migrations (sqlite-utils ``Migrations``) that keep data.
- Every change happens inside :meth:`Store.write`, one transaction, and appends to the
  append-only ``events`` table (who, when, what, with before/after values).
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils
from sqlite_utils.migrations import Migrations

from toolkit.errors import Conflict, StoreError

BUSY_TIMEOUT_MS = 30_000
LOCK_RETRIES = 8
migrations = Migrations("coding_toolkit")


def now() -> str:
    """UTC time as ISO 8601 with milliseconds, the one time format of the store."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_guid() -> str:
    return str(uuid.uuid4()).upper()


def _run(db: sqlite_utils.Database, statements: str) -> None:
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)


@migrations(name="m001_initial_schema")
def m001_initial_schema(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE coders (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
  created_at TEXT NOT NULL);
CREATE TABLE codes (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  slug TEXT UNIQUE,
  parent_id INTEGER REFERENCES codes(id) ON DELETE RESTRICT,
  name TEXT NOT NULL CHECK (trim(name) <> '' AND instr(name, '/') = 0),
  name_en TEXT NOT NULL DEFAULT '',
  definition TEXT NOT NULL DEFAULT '',
  anchor_example TEXT NOT NULL DEFAULT '',
  coding_rule TEXT NOT NULL DEFAULT '',
  colour TEXT NOT NULL DEFAULT '',
  field_of_action TEXT,
  valence TEXT CHECK (valence IN ('challenge', 'driver')),
  keywords_de TEXT NOT NULL DEFAULT '[]',
  keywords_en TEXT NOT NULL DEFAULT '[]',
  source TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE UNIQUE INDEX codes_sibling_name ON codes (coalesce(parent_id, 0), name);
CREATE TABLE fields_of_action (
  name TEXT PRIMARY KEY, name_en TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE attribute_definitions (
  name TEXT PRIMARY KEY,
  label TEXT NOT NULL DEFAULT '',
  label_en TEXT NOT NULL DEFAULT '',
  applies_to TEXT NOT NULL DEFAULT 'document' CHECK (applies_to IN ('document', 'speaker')),
  description TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  value_list TEXT NOT NULL DEFAULT '[]');
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
  text TEXT NOT NULL,
  language TEXT NOT NULL,
  source_format TEXT NOT NULL,
  source_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  words INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL);
CREATE TABLE document_attributes (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (document_id, name));
CREATE TABLE speaker_attributes (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  speaker TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (document_id, speaker, name));
CREATE TABLE turns (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  timestamp REAL,
  CHECK (0 <= start AND start <= "end"),
  UNIQUE (document_id, seq));
CREATE TABLE codings (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (0 <= start AND start < "end"));
CREATE INDEX codings_document ON codings (document_id, start);
CREATE INDEX codings_code ON codings (code_id);
CREATE INDEX codings_coder ON codings (coder_id);
CREATE UNIQUE INDEX codings_same_span ON codings (document_id, code_id, coder_id, start, "end");
CREATE TABLE memos (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  coder_id INTEGER REFERENCES coders(id) ON DELETE RESTRICT,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  guid TEXT,
  payload TEXT NOT NULL DEFAULT '{}');
CREATE INDEX events_guid ON events (guid);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END
""",
    )


@migrations(name="m002_coding_provenance")
def m002_coding_provenance(db: sqlite_utils.Database) -> None:
    """Where a coding came from: typed by hand, imported, or an accepted suggestion."""
    db.execute("ALTER TABLE codings ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual'")


@migrations(name="m003_consensus_decisions")
def m003_consensus_decisions(db: sqlite_utils.Database) -> None:
    """One row per decided disagreement (the consensus codings themselves are codings)."""
    db.execute(
        """CREATE TABLE consensus_decisions (
  key TEXT PRIMARY KEY,
  method TEXT NOT NULL,
  document TEXT NOT NULL,
  code TEXT NOT NULL,
  coder_a TEXT NOT NULL,
  coder_b TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('take_a', 'take_b', 'both', 'neither', 'edit')),
  codings TEXT NOT NULL DEFAULT '[]',
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL)"""
    )


@migrations(name="m004_codes_revision")
def m004_codes_revision(db: sqlite_utils.Database) -> None:
    """A counter that every change of a code increments, so cached code trees know when they are old."""
    db.execute("INSERT OR IGNORE INTO project (key, value) VALUES ('codes_revision', '0')")
    for event in ("INSERT", "UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER codes_revision_{event.lower()} AFTER {event} ON codes BEGIN "
            "UPDATE project SET value = CAST(value AS INTEGER) + 1 WHERE key = 'codes_revision'; END"
        )


# -- migrations of issue 4 (suggestion models) go here --


@migrations(name="m005_suggestion_models")
def m005_suggestion_models(db: sqlite_utils.Database) -> None:
    """Learned suggestion models and their training runs: status, progress, provenance, model bytes."""
    db.execute(
        """CREATE TABLE suggestion_models (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  coder TEXT NOT NULL,
  language TEXT NOT NULL,
  codes_revision TEXT NOT NULL,
  codings_hash TEXT NOT NULL DEFAULT '',
  codings_count INTEGER NOT NULL DEFAULT 0,
  codings TEXT NOT NULL DEFAULT '[]',
  documents TEXT NOT NULL DEFAULT '[]',
  settings TEXT NOT NULL DEFAULT '{}',
  metrics TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('running', 'ready', 'failed', 'superseded')),
  epoch INTEGER NOT NULL DEFAULT 0,
  epochs INTEGER NOT NULL DEFAULT 0,
  loss REAL,
  message TEXT NOT NULL DEFAULT '',
  pid INTEGER,
  heartbeat TEXT,
  model BLOB)"""
    )
    db.execute("CREATE INDEX suggestion_models_language ON suggestion_models (language, status, id)")


# -- migrations of issue 4 (suggestion feedback) go here --


@migrations(name="m006_suggestion_feedback")
def m006_suggestion_feedback(db: sqlite_utils.Database) -> None:
    """A coder's decision on a suggested unit and code: accepted (became a coding) or rejected
    (never suggested to that coder again, a negative example for the model)."""
    db.execute(
        """CREATE TABLE suggestion_feedback (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
  origin TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK (0 <= start AND start < "end"),
  UNIQUE (document_id, start, "end", code_id, coder_id))"""
    )
    db.execute("CREATE INDEX suggestion_feedback_coder ON suggestion_feedback (coder_id, document_id)")


# -- migrations of issue 8 (accounts and sessions) go here --


@migrations(name="m008_accounts_and_sessions")
def m008_accounts_and_sessions(db: sqlite_utils.Database) -> None:
    """Team mode: accounts (a name is also a coder name), login sessions (only a hash of the token is
    stored) and failed logins (to slow down guessing, across processes)."""
    _run(
        db,
        """
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
  role TEXT NOT NULL CHECK (role IN ('lead', 'coder')),
  password_hash TEXT,
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)));
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  expires_at TEXT NOT NULL);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX login_failures_name ON login_failures (name, at)
""",
    )


# -- migrations of issue 8 (pseudonyms) go here --


@migrations(name="m009_pseudonyms")
def m009_pseudonyms(db: sqlite_utils.Database) -> None:
    """Pseudonymisation: each original name, place or organisation with its placeholder."""
    db.execute(
        """CREATE TABLE pseudonyms (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  original TEXT NOT NULL UNIQUE CHECK (trim(original) <> ''),
  placeholder TEXT NOT NULL CHECK (trim(placeholder) <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation', 'other')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL)"""
    )


# -- migrations of issue 7 (REFI-QDA exchange) go here --


# -- migrations of issue 6 (analysis cache) --


@migrations(name="m010_document_revisions")
def m010_document_revisions(db: sqlite_utils.Database) -> None:
    """A counter per document that every change of its codings, turns, speaker attributes or text
    increments, so that a cache of loaded codings knows which documents to read again. No foreign
    key: the counters of a deleted document may stay behind, and a later document with the same id
    continues its counter instead of starting again at a value a cache may have seen."""
    db.execute("CREATE TABLE document_revisions (document_id INTEGER PRIMARY KEY, revision INTEGER NOT NULL)")
    db.execute("INSERT INTO document_revisions (document_id, revision) SELECT id, 1 FROM documents")
    bump = (
        "INSERT INTO document_revisions (document_id, revision) VALUES ({row}.document_id, 1) "
        "ON CONFLICT(document_id) DO UPDATE SET revision = revision + 1;"
    )
    for table in ("codings", "turns", "speaker_attributes"):
        db.execute(
            f"CREATE TRIGGER {table}_revision_insert AFTER INSERT ON {table} BEGIN "
            f"{bump.format(row='NEW')} END"
        )
        db.execute(
            f"CREATE TRIGGER {table}_revision_update AFTER UPDATE ON {table} BEGIN "
            f"{bump.format(row='NEW')} {bump.format(row='OLD')} END"
        )
        db.execute(
            f"CREATE TRIGGER {table}_revision_delete AFTER DELETE ON {table} BEGIN "
            f"{bump.format(row='OLD')} END"
        )
    db.execute(
        "CREATE TRIGGER documents_revision_text AFTER UPDATE OF text ON documents BEGIN "
        "INSERT INTO document_revisions (document_id, revision) VALUES (NEW.id, 1) "
        "ON CONFLICT(document_id) DO UPDATE SET revision = revision + 1; END"
    )


# -- migrations of issue 14 (done marks) --


@migrations(name="m011_done_marks")
def m011_done_marks(db: sqlite_utils.Database) -> None:
    """A coder's mark "fertig kodiert" on a document: the document counts as coded by them (for
    agreement) even without a coding. Removed with the document or the coder."""
    db.execute(
        """CREATE TABLE done_marks (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE CASCADE,
  marked_by TEXT NOT NULL,
  marked_at TEXT NOT NULL,
  PRIMARY KEY (document_id, coder_id))"""
    )


# -- migrations of issue 16 (hostile input) --


@migrations(name="m012_login_failure_sources")
def m012_login_failure_sources(db: sqlite_utils.Database) -> None:
    """Failed logins also by source (the client's address), so that guessing with ever new names
    from one address slows down too."""
    db.execute("ALTER TABLE login_failures ADD COLUMN source TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX login_failures_source ON login_failures (source, at)")


# -- migrations of issue 18 (search) --

# What the search index holds in its second column: the text with ASCII case lowered, ß as ss and
# ae/oe/ue as a/o/u, so that the tokenizer (which drops case and diacritics) makes Bürger, Buerger
# and burger one token. Built from SQL functions only, so that every connection's writes keep it.
SEARCH_FOLD_SQL = (
    "replace(replace(replace(replace(replace(lower({t}), 'ß', 'ss'), 'ẞ', 'ss'), 'ae', 'a'), "
    "'oe', 'o'), 'ue', 'u')"
)


@migrations(name="m013_search_index")
def m013_search_index(db: sqlite_utils.Database) -> None:
    """A full-text index (FTS5, contentless: the text stays only in ``documents``) of every
    document's text, kept in step by triggers on ``documents``: an import, a pseudonymisation or a
    deletion changes the index in the same transaction, whichever module writes."""
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, folded, content='', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    new, old = SEARCH_FOLD_SQL.format(t="NEW.text"), SEARCH_FOLD_SQL.format(t="OLD.text")
    add = f"INSERT INTO search_index (rowid, body, folded) VALUES (NEW.id, NEW.text, {new});"
    remove = (
        "INSERT INTO search_index (search_index, rowid, body, folded) "
        f"VALUES ('delete', OLD.id, OLD.text, {old});"
    )
    db.execute(f"CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN {add} END")
    db.execute(f"CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN {remove} END")
    db.execute(
        f"CREATE TRIGGER documents_search_update AFTER UPDATE OF text ON documents BEGIN {remove} {add} END"
    )
    db.execute(
        "INSERT INTO search_index (rowid, body, folded) SELECT id, text, "
        f"{SEARCH_FOLD_SQL.format(t='text')} FROM documents"
    )


def _locked(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


class Store:
    """An open project database. Use :func:`open_store` or :func:`create_store`."""

    def __init__(self, path: str | Path, *, _migrate: bool = True) -> None:
        self.path = str(path)
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            self.db = sqlite_utils.Database(conn)
            self._with_lock_retry(self.db.enable_wal)
            self.db.execute("PRAGMA synchronous = NORMAL")
            if _migrate:
                self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}: cannot open the project database ({exc}); is it a coding-toolkit project?"
            ) from None

    def migrate(self) -> None:
        """Apply pending migrations under the write lock, so that processes opening the same new
        project at once do not race each other."""
        if not migrations.pending(self.db):
            return
        self._with_lock_retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            migrations.apply(self.db)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _with_lock_retry(fn: Any) -> Any:
        for attempt in range(LOCK_RETRIES):
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not _locked(exc) or attempt == LOCK_RETRIES - 1:
                    raise
                time.sleep(0.05 * 2**attempt)
        return None

    @contextmanager
    def write(self, actor: str) -> Iterator[Writer]:
        """One transaction: everything inside commits together or not at all."""
        if self.conn.in_transaction:
            with self.db.atomic():  # nested: a savepoint
                yield Writer(self, actor)
            return
        self._with_lock_retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield Writer(self, actor)
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.IntegrityError):
                raise Conflict(
                    f"the change was refused because it breaks a rule of the project ({exc})"
                ) from exc
            raise
        try:
            self._with_lock_retry(lambda: self.conn.execute("COMMIT"))
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def query(self, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, params))

    def one(self, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.one("SELECT value FROM project WHERE key = ?", (key,))
        return str(row["value"]) if row else default

    def applied_migrations(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]


class Writer:
    """Handle for changes inside :meth:`Store.write`; every change also writes an event."""

    def __init__(self, store: Store, actor: str) -> None:
        self.store = store
        self.actor = actor

    def execute(self, sql: str, params: Mapping[str, Any] | tuple[Any, ...] = ()) -> sqlite3.Cursor:
        return self.store.conn.execute(sql, params)

    def insert(self, table: str, row: Mapping[str, Any]) -> int:
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        cursor = self.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
        return int(cursor.lastrowid or 0)

    def update(
        self, table: str, row_id: int, changed: Mapping[str, Any], *, bump_version: bool = False
    ) -> None:
        """Set the changed columns of one row, its ``updated_at`` and, for codings, its version."""
        sets = "".join(f'"{k}" = ?, ' for k in changed)
        version = "version = version + 1, " if bump_version else ""
        self.execute(
            f"UPDATE {table} SET {sets}{version}updated_at = ? WHERE id = ?",
            (*changed.values(), now(), row_id),
        )

    def event(self, action: str, entity: str, guid: str | None, payload: Mapping[str, Any]) -> None:
        self.execute(
            "INSERT INTO events (at, actor, action, entity, guid, payload) VALUES (?, ?, ?, ?, ?, ?)",
            (now(), self.actor, action, entity, guid, json.dumps(payload, ensure_ascii=False)),
        )

    def set_setting(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO project (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        self.event("set", "setting", None, {"key": key, "value": value})


def open_store(path: str | Path) -> Store:
    """Open an existing project; a missing file is an error that says how to create one."""
    if not Path(path).exists():
        raise StoreError(f"{path}: no project here; create one with `coding-toolkit --db {path} init`")
    return Store(path)


def create_store(path: str | Path, *, actor: str = "system") -> Store:
    """Create a new, empty project file (parent folders included); refuses to overwrite."""
    p = Path(path)
    if p.exists():
        raise StoreError(f"{path}: a project already exists here; pick another --db path")
    p.parent.mkdir(parents=True, exist_ok=True)
    store = Store(p)
    with store.write(actor) as w:
        w.set_setting("project_guid", new_guid())
        w.set_setting("created_at", now())
    return store


def last_change(store: Store) -> int:
    """The id of the newest event: every change appends one, so it names the project's state."""
    row = store.conn.execute("SELECT max(id) FROM events").fetchone()
    return int(row[0] or 0)


def project_state(store: Store) -> tuple[Any, ...]:
    """The project's GUID and newest event id: changes with every change, and differs between two
    projects created one after the other at the same path."""
    return tuple(
        store.conn.execute(
            "SELECT (SELECT value FROM project WHERE key = 'project_guid'), (SELECT max(id) FROM events)"
        ).fetchone()
    )


T = TypeVar("T")


def cached_on(version: Callable[[Store], object]) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Cache ``fn(store, *args)`` per database file until ``version(store)`` changes; the version
    must change with every committed change that matters to ``fn``. Results are shared: callers
    must not mutate them. Inside an open transaction the cache is read but not written: a value
    seen there may be rolled back, and its version handed to another change later."""

    def decorate(fn: Callable[..., T]) -> Callable[..., T]:
        cache: OrderedDict[tuple[Any, ...], T] = OrderedDict()

        @functools.wraps(fn)
        def wrapper(store: Store, *args: Any) -> T:
            key = (store.path, version(store), *args)
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
            value = fn(store, *args)
            if not store.conn.in_transaction:
                cache[key] = value
                while len(cache) > 16:
                    cache.popitem(last=False)
            return value

        return wrapper

    return decorate


# Every change appends an event (AUTOINCREMENT: committed ids are never reused).
cached_by_change = cached_on(project_state)


def events(store: Store, *, limit: int | None = None) -> list[dict[str, Any]]:
    """The event log, oldest first, payloads decoded."""
    sql = "SELECT * FROM events ORDER BY id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.query(sql)
    for row in rows:
        row["payload"] = json.loads(row["payload"])
    return rows
