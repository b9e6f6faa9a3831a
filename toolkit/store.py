"""The project store: one SQLite file per project, opened through sqlite-utils.

- WAL journal, foreign keys on, a busy timeout; writers take the lock up front
  (``BEGIN IMMEDIATE``) and retry, so concurrent coders wait instead of failing.
- Versioned, named migrations (sqlite-utils ``Migrations``, in toolkit/migrations/) that keep data.
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

from toolkit.errors import Conflict, StoreError
from toolkit.migrations import migrations

BUSY_TIMEOUT_MS = 30_000
LOCK_RETRIES = 8


def now() -> str:
    """UTC time as ISO 8601 with milliseconds, the one time format of the store."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_guid() -> str:
    return str(uuid.uuid4()).upper()


def _locked(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


CACHE_KIB = 65_536


class Store:
    """An open project database. Use :func:`open_store` or :func:`create_store`."""

    def __init__(self, path: str | Path, *, _migrate: bool = True) -> None:
        self.path = str(path)
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            # no sqlite-utils plugins: the project's connection is ours alone (and scanning every
            # installed package for plugins would slow down each command's start)
            self.db = sqlite_utils.Database(conn, execute_plugins=False)
            self._with_lock_retry(self.db.enable_wal)
            self.db.execute("PRAGMA synchronous = NORMAL")
            # up to 64 MiB of pages in memory (SQLite's default is 2 MiB, and it takes only what it
            # uses): an import of many transcripts, which writes the texts and builds the search
            # index in one transaction, no longer re-reads the index's pages from the file
            self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            if _migrate:
                self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError("store.cannot_open", path=self.path, reason=exc) from None

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
            from toolkit.search_index import flush_stale  # the search index follows texts and turns

            flush_stale(self.conn)
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.IntegrityError):
                raise Conflict("store.rule_broken", reason=exc) from exc
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
        raise StoreError("store.no_project", path=path)
    return Store(path)


def create_store(path: str | Path, *, actor: str = "system") -> Store:
    """Create a new, empty project file (parent folders included); refuses to overwrite."""
    p = Path(path)
    if p.exists():
        raise StoreError("store.exists", path=path)
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
