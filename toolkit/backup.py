"""Backups, restores and rotating snapshots of a project file, through SQLite's online backup API.

The backup API copies a consistent state of the database page by page while the app and other
processes go on writing (WAL: readers never block writers), so a backup can be taken at any time.
A restore copies a checked backup *into* the live project file through the same API, under
SQLite's own locks, so processes that have the project open see the restored state instead of
writing into a file that was swapped under them.

What ``restore`` refuses (nothing is changed then):
- a file that is not a SQLite database, fails ``PRAGMA integrity_check`` or is not a project of
  this toolkit (no ``project_guid`` setting, no event log);
- a project written by a newer version of the toolkit (migrations this version does not know);
- a backup of a *different* project (another ``project_guid``) unless ``other_project=True``;
- in team mode, an actor who is not a lead.
The replaced state is kept as ``<name>.before-restore-<time>`` next to the project. A project file
that is itself damaged or unreadable (the usual reason to restore) is moved aside as it is, with its
``-wal`` file, and the backup is written in its place; roles cannot be checked in a broken file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from contextlib import closing, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from toolkit.atomic import create_private, data_mode
from toolkit.errors import Conflict, InvalidValue, StoreError
from toolkit.media import carry_media, folder_beside
from toolkit.migrations import migration_names, migrations
from toolkit.permissions import require_lead
from toolkit.store import Store, now, open_store

SNAPSHOT_STAMP = "%Y%m%dT%H%M%S%fZ"
_SNAPSHOT_RE = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)\.db$")
_REQUIRED_TABLES = ("project", "events", "documents", "codings", "codes", "_sqlite_migrations")


def _stamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).strftime(SNAPSHOT_STAMP)


def _integrity(conn: sqlite3.Connection, pragma: str = "integrity_check") -> str:
    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    return "; ".join(str(r[0]) for r in rows)


def check_project_file(path: str | Path, *, allow_newer: bool = False, quick: bool = False) -> dict[str, Any]:
    """Check that ``path`` is an intact project of this toolkit; returns its GUID, counts and
    migrations, or raises :class:`StoreError` saying what is wrong. ``quick``: SQLite's
    ``quick_check`` (every page and record well formed) instead of ``integrity_check`` (also every
    index matches its table, about eight times the work at a team's scale); for a copy just made by
    SQLite itself, whose indexes are the live project's pages copied as they are."""
    p = Path(path)
    if not p.is_file():
        raise StoreError("backup.no_such_file", path=p)
    try:
        with closing(sqlite3.connect(f"file:{p}?mode=ro", uri=True, timeout=30)) as conn:
            integrity = _integrity(conn, "quick_check" if quick else "integrity_check")
            if integrity != "ok":
                raise StoreError("backup.damaged", path=p, reason=integrity[:200])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = [t for t in _REQUIRED_TABLES if t not in tables]
            if missing:
                raise StoreError("backup.missing_tables", path=p, tables=missing)
            guid = conn.execute("SELECT value FROM project WHERE key = 'project_guid'").fetchone()
            if guid is None:
                raise StoreError("backup.no_project_guid", path=p)
            applied = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (migrations.name,)
                )
            ]
            counts = {
                t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in ("documents", "codings", "events")
            }
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise Conflict("backup.busy", path=p, reason=exc) from None
        raise StoreError("backup.unreadable", path=p, reason=exc) from None
    except sqlite3.DatabaseError as exc:
        raise StoreError("backup.not_sqlite", path=p, reason=exc) from None
    known = set(migration_names())
    newer = [name for name in applied if name not in known]
    if newer and not allow_newer:
        raise StoreError("backup.newer_toolkit", path=p, migrations=newer)
    return {"path": str(p), "project_guid": str(guid[0]), "migrations": applied, **counts}


def _remove_partial(tmp: Path) -> None:
    """Remove an unfinished copy with the journal files SQLite may have left beside it."""
    for side in ("", "-journal", "-wal", "-shm"):
        with suppress(OSError):
            tmp.with_name(tmp.name + side).unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    """Write the file's data to the disk (what SQLite's synchronous mode would have done)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup(store: Store, path: str | Path) -> dict[str, Any]:
    """Copy the project to ``path`` (a new file) while others may go on writing. The copy is
    written beside the target and renamed when complete and checked, so ``path`` is never a
    half-written backup. Returns what :func:`check_project_file` reports about the copy."""
    target = Path(path)
    if target.exists():
        raise InvalidValue("backup.target_exists", path=target)
    if target.resolve() == Path(store.path).resolve():
        raise InvalidValue("backup.target_is_project", path=target)
    tmp = target.with_name(f".{target.name}.{_stamp()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        create_private(tmp, data_mode(store.path))  # the copy is as private as the project
        with closing(sqlite3.connect(tmp)) as dest:
            # a new private file renamed only when complete: no journal, no sync per step; synced
            # once below before the rename (a crash leaves a .part file, never a half backup)
            dest.execute("PRAGMA journal_mode = OFF")
            dest.execute("PRAGMA synchronous = OFF")
            store.conn.backup(dest)  # one step: a consistent snapshot of the committed state
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        _fsync(tmp)
        report = check_project_file(tmp, quick=True)
        tmp.replace(target)
        # recordings beside the backup (target.media/), hard-linked where the disk allows
        report["media_missing"] = carry_media(target, store.path, target)
    except (OSError, sqlite3.OperationalError) as exc:
        _remove_partial(tmp)
        raise StoreError(
            "backup.cannot_write", path=target, reason=getattr(exc, "strerror", None) or exc
        ) from None
    except BaseException:
        _remove_partial(tmp)
        raise
    report["path"] = str(target)
    report["bytes"] = target.stat().st_size
    return report


def restore(
    path: str | Path, target: str | Path, *, actor: str, other_project: bool = False
) -> dict[str, Any]:
    """Replace the project ``target`` with the backup ``path`` (see the module docstring for what
    is refused). Returns the checked backup's report plus ``kept``, the file holding the state
    that was replaced (None when ``target`` did not exist)."""
    source = Path(path)
    dest_path = Path(target)
    if dest_path.exists() and source.resolve() == dest_path.resolve():
        raise InvalidValue("restore.source_is_project", path=source)
    report = check_project_file(source)
    kept: str | None = None
    seen = (0, 0)
    damaged = False
    if dest_path.exists():
        try:
            check_project_file(dest_path, allow_newer=True)
        except StoreError:  # not busy (Conflict), but not a readable, intact project either
            damaged = True
    if damaged:  # an unreadable or damaged project: keep its files as they are, write the backup anew
        kept = str(dest_path.with_name(f"{dest_path.name}.before-restore-{_stamp()}"))
        dest_path.replace(kept)
        for suffix in ("-wal", "-shm"):  # a stale WAL must never be replayed onto the restored file
            side = dest_path.with_name(dest_path.name + suffix)
            if side.exists():
                side.replace(kept + suffix)
    if not dest_path.exists():
        dest_path.parent.mkdir(parents=True, exist_ok=True)
        create_private(dest_path, data_mode(kept or source))
        with (
            closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(dest_path)) as dest,
        ):
            src.backup(dest)
    else:
        store = open_store(dest_path)
        try:
            require_lead(store, actor, "restore a backup")
            current = store.setting("project_guid")
            if current != report["project_guid"] and not other_project:
                raise Conflict(
                    "restore.other_project", path=source, guid=report["project_guid"], current=current
                )
            seen = _versions(store.conn)
            keep = dest_path.with_name(f"{dest_path.name}.before-restore-{_stamp()}")
            kept = str(backup(store, keep)["path"])
            with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src:
                src.backup(store.conn)
        finally:
            store.close()
    media_missing = carry_media(source, source, dest_path)  # the recordings beside the backup
    with Store(dest_path) as restored:  # applies migrations the backup may lack
        integrity = _integrity(restored.conn)
        if integrity != "ok":  # pragma: no cover - the source was checked
            raise StoreError("restore.integrity_failed", path=dest_path, reason=integrity, kept=kept)
        with restored.write(actor) as w:
            # Caches are keyed on the newest event id and the codes revision: both must go beyond
            # anything this file showed before, or a running app would take the restored state for
            # the replaced one.
            events_after, codes_after = _versions(restored.conn)
            w.execute(
                "UPDATE project SET value = ? WHERE key = 'codes_revision'",
                (str(max(seen[1], codes_after) + 1),),
            )
            w.execute(
                "INSERT INTO events (id, at, actor, action, entity, guid, payload) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    max(seen[0], events_after) + 1,
                    now(),
                    actor,
                    "restore",
                    "project",
                    report["project_guid"],
                    json.dumps({"from": str(source), "kept": kept}),
                ),
            )
    return {**report, "kept": kept, "target": str(dest_path), "media_missing": media_missing}


def _versions(conn: sqlite3.Connection) -> tuple[int, int]:
    """(newest event id, codes revision) of an open project."""
    row = conn.execute(
        "SELECT (SELECT max(id) FROM events), (SELECT value FROM project WHERE key = 'codes_revision')"
    ).fetchone()
    return int(row[0] or 0), int(row[1] or 0)


def _snapshots(folder: Path, stem: str) -> list[Path]:
    """Snapshots of project ``stem`` in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        m = _SNAPSHOT_RE.match(p.name)
        if m and m["stem"] == stem:
            found.append((m["stamp"], p))
    return [p for _, p in sorted(found)]


def list_snapshots(store: Store, folder: str | Path | None = None) -> list[str]:
    """The project's snapshots, oldest first."""
    return [str(p) for p in _snapshots(snapshot_folder(store, folder), Path(store.path).stem)]


def snapshot_folder(store: Store, folder: str | Path | None = None) -> Path:
    """``folder``, or ``snapshots/`` beside the project file."""
    return Path(folder) if folder is not None else Path(store.path).parent / "snapshots"


def snapshot(store: Store, folder: str | Path | None = None, *, keep: int = 24) -> str:
    """Write a timestamped backup ``<project>-<UTC time>.db`` into ``folder`` and delete the oldest
    snapshots of this project beyond the newest ``keep``. Returns the new snapshot's path."""
    if keep < 1:
        raise InvalidValue("snapshot.keep_none", keep=keep)
    where = snapshot_folder(store, folder)
    stem = Path(store.path).stem
    path = where / f"{stem}-{_stamp()}.db"
    backup(store, path)
    for old in _snapshots(where, stem)[:-keep]:
        old.unlink(missing_ok=True)
        shutil.rmtree(folder_beside(old), ignore_errors=True)  # its recordings (hard links)
    return str(path)


def snapshot_if_due(
    store: Store, folder: str | Path | None = None, *, every_minutes: float = 60, keep: int = 24
) -> str | None:
    """Take a snapshot when the newest one is older than ``every_minutes`` (or there is none);
    returns its path, or None when none was due. Cheap enough to call on every page load."""
    where = snapshot_folder(store, folder)
    existing = _snapshots(where, Path(store.path).stem)
    if existing:
        m = _SNAPSHOT_RE.match(existing[-1].name)
        assert m is not None
        taken = datetime.strptime(m["stamp"], SNAPSHOT_STAMP).replace(tzinfo=UTC)
        if datetime.now(UTC) - taken < timedelta(minutes=every_minutes):
            return None
    return snapshot(store, where, keep=keep)
