"""The loaded codings kept on disk between commands, so that a table from an unchanged or slightly
changed project takes a fraction of a second instead of reading every coding again.

The cache is one ``.npz`` file beside the project database (``.<name>.analysis-cache.npz``, mode
0600). It holds numbers and the labels of the loaded frame (document names, code paths, coders,
speakers), no transcript text, together with the state it was read in: project GUID, migrations,
newest event (id and time) and every document's revision (a counter that triggers increment with
each change of the document's codings, turns, speaker attributes or text).

- Same project, migrations and codes (the codes revision counter), the cached event still in the
  log with the same time (history was not rewound by a restore), the same documents and coders:
  the documents whose revision changed are read again and spliced in; the others come from the file.
- Anything else, a file that cannot be read, or many changed documents: everything is read again.
The file is rewritten after every read that changed something. It is safe to delete at any time.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from toolkit.analysis.data import CodingData, label_tables, load_codings, select
from toolkit.store import Store

FORMAT = 2
_CATEGORICAL = "categorical"
# Columns whose categories come from the codes, documents and coders tables: a change there means
# reading everything again.
_LABEL_COLUMNS = ("document", "code", "field_of_action", "valence", "coder")
# Above this share of changed documents a full read is about as fast as a partial one.
_PARTIAL_SHARE = 0.2


@dataclass(frozen=True)
class _State:
    key: str
    event: tuple[int, str] | None
    revisions: dict[int, int]


@dataclass(frozen=True)
class _Cached:
    state: _State
    frame: pd.DataFrame


def cache_path(store: Store) -> Path | None:
    """Where the cache of this project lives; None for a database that is not a file."""
    if store.path in ("", ":memory:") or store.path.startswith("file:"):
        return None
    db = Path(store.path)
    return db.with_name(f".{db.name}.analysis-cache.npz")


def _state(store: Store) -> _State:
    guid, codes_revision = store.setting("project_guid"), store.setting("codes_revision")
    migrations = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations ORDER BY name")]
    event = store.conn.execute("SELECT id, at FROM events ORDER BY id DESC LIMIT 1").fetchone()
    revisions = dict(store.conn.execute("SELECT document_id, revision FROM document_revisions").fetchall())
    key = json.dumps([FORMAT, guid, codes_revision, migrations])
    return _State(key, tuple(event) if event else None, revisions)


def _pack(frame: pd.DataFrame) -> dict[str, np.ndarray[Any, Any]]:
    arrays: dict[str, np.ndarray[Any, Any]] = {}
    columns = []
    for name in frame.columns:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            arrays[f"{name}.codes"] = column.cat.codes.to_numpy()
            arrays[f"{name}.categories"] = np.array([str(c) for c in column.cat.categories], dtype=str)
            columns.append([name, _CATEGORICAL])
        else:
            values = column.to_numpy()
            if values.dtype == np.int64 and (len(values) == 0 or abs(values).max() < 2**31):
                values = values.astype(np.int32)
            arrays[name] = values
            columns.append([name, str(column.dtype)])
    arrays["_columns"] = np.array([json.dumps(columns)], dtype=str)
    return arrays


def _unpack(files: Any) -> pd.DataFrame:
    columns = json.loads(str(files["_columns"][0]))
    data: dict[str, Any] = {}
    for name, dtype in columns:
        if dtype == _CATEGORICAL:
            categories = pd.Index(files[f"{name}.categories"].tolist())
            data[name] = pd.Categorical.from_codes(files[f"{name}.codes"].astype(np.int64), categories)
        else:
            data[name] = files[name].astype(dtype)
    return pd.DataFrame(data)


def _read(path: Path) -> _Cached | None:
    try:
        with np.load(path, allow_pickle=False) as files:
            event = json.loads(str(files["_event"][0]))
            revisions = files["_revisions"]
            state = _State(
                str(files["_key"][0]),
                (int(event[0]), str(event[1])) if event else None,
                dict(zip(revisions[:, 0].tolist(), revisions[:, 1].tolist(), strict=True)),
            )
            return _Cached(state, _unpack(files))
    except (OSError, KeyError, ValueError, TypeError, IndexError, zipfile.BadZipFile, json.JSONDecodeError):
        return None


def _write(path: Path, state: _State, frame: pd.DataFrame) -> None:
    """Write atomically (a temporary file renamed into place); a folder that cannot be written
    only means there is no cache."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            revisions = np.array(sorted(state.revisions.items()), dtype=np.int64).reshape(-1, 2)
            arrays = {
                "_key": np.array([state.key], dtype=str),
                "_event": np.array([json.dumps(state.event)], dtype=str),
                "_revisions": revisions,
                **_pack(frame),
            }
            savez: Any = np.savez  # its stubs take **kwds as bool, after allow_pickle
            savez(out, allow_pickle=False, **arrays)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def _history_continues(store: Store, cached: _State) -> bool:
    """Whether the cached state is part of the project's history: its newest event is still there
    with the same time (a restore of an older backup removes it or gives it another time)."""
    if cached.event is None:
        return True
    row = store.conn.execute("SELECT at FROM events WHERE id = ?", (cached.event[0],)).fetchone()
    return row is not None and row[0] == cached.event[1]


def _update(store: Store, cached: _Cached, changed: list[int]) -> CodingData | None:
    """The cached codings with those of the ``changed`` documents read again; None when the labels
    changed too, so that everything must be read."""
    fresh = load_codings(store, document_ids=changed)
    part, frame = fresh.codings, cached.frame
    for column in _LABEL_COLUMNS:
        if list(part[column].cat.categories) != list(frame[column].cat.categories):
            return None
    # The fresh part carries the project's speaker and role categories (toolkit.analysis.data
    # computes them over all turns); the cached rows take them over.
    speakers, roles = (list(part[c].cat.categories) for c in ("speaker", "speaker_role"))
    old_speakers, old_roles = (list(frame[c].cat.categories) for c in ("speaker", "speaker_role"))
    if old_speakers != speakers or old_roles != roles:
        frame = frame.assign(
            speaker=frame["speaker"].cat.set_categories(speakers),
            speaker_role=frame["speaker_role"].cat.set_categories(roles),
        )
    # The frame is in document order: replace each changed document's rows by slicing, which is far
    # cheaper than filtering and sorting a million rows.
    ids = frame["document_id"].to_numpy()
    new_ids = part["document_id"].to_numpy()
    pieces, at = [], 0
    for doc in changed:
        low, high = int(np.searchsorted(ids, doc, "left")), int(np.searchsorted(ids, doc, "right"))
        pieces.append(frame.iloc[at:low])
        first, last = np.searchsorted(new_ids, doc, "left"), np.searchsorted(new_ids, doc, "right")
        pieces.append(part.iloc[first:last])
        at = high
    pieces.append(frame.iloc[at:])
    merged = pd.concat(pieces, ignore_index=True)
    return CodingData(merged, fresh.codes, fresh.documents, fresh.attributes)


def load_codings_cached(store: Store, *, coder: str | None = None) -> CodingData:
    """What :func:`toolkit.analysis.load_codings` returns, from the cache file where the project has
    not changed since it was written, reading again only the documents that changed."""
    path = cache_path(store)
    if path is None or store.conn.in_transaction:
        return load_codings(store, coder=coder)
    state = _state(store)
    cached = _read(path) if path.exists() else None
    data: CodingData | None = None
    unchanged = False
    if cached is not None and cached.state.key == state.key and _history_continues(store, cached.state):
        old, new = cached.state.revisions, state.revisions
        changed = sorted(d for d in old.keys() | new.keys() if old.get(d) != new.get(d))
        if not changed and cached.state.event == state.event:
            codes, documents, attribute_names = label_tables(store)
            data = CodingData(cached.frame, codes, documents, attribute_names)
            unchanged = True
        elif len(changed) <= max(1, _PARTIAL_SHARE * len(new)):
            data = _update(store, cached, changed)
    if data is None:
        data = load_codings(store)
    if not unchanged:
        _write(path, state, data.codings)
    return data if coder is None else select(data, coder=coder)
