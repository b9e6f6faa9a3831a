"""The loaded codings kept on disk between commands, so that a second table from an unchanged
project takes a fraction of a second instead of reading every coding again.

The cache is one ``.npz`` file beside the project database (``.<name>.analysis-cache.npz``, mode
0600). It holds numbers and the labels of the loaded frame (document names, code paths, coders,
speakers), no transcript text. It is used only while the project is in the state it was written
in: same project GUID, same newest event (id and time; every change appends an event), same
migrations and cache format. Anything else, including a file that cannot be read, means a fresh
load from the store, and the file is written anew. It is safe to delete at any time.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from toolkit.analysis.data import CodingData, label_tables, load_codings, select
from toolkit.store import Store

FORMAT = 1
_CATEGORICAL = "categorical"


def cache_path(store: Store) -> Path | None:
    """Where the cache of this project lives; None for a database that is not a file."""
    if store.path in ("", ":memory:") or store.path.startswith("file:"):
        return None
    db = Path(store.path)
    return db.with_name(f".{db.name}.analysis-cache.npz")


def state_key(store: Store) -> str:
    """The project's state: GUID, newest event (id and time), migrations, cache format."""
    guid, event_id, event_at = store.conn.execute(
        "SELECT (SELECT value FROM project WHERE key = 'project_guid'), id, at "
        "FROM events ORDER BY id DESC LIMIT 1"
    ).fetchone() or (None, None, None)
    migrations = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations ORDER BY name")]
    return json.dumps([FORMAT, guid, event_id, event_at, migrations])


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


def _read(path: Path, key: str) -> pd.DataFrame | None:
    try:
        with np.load(path, allow_pickle=False) as files:
            if str(files["_key"][0]) != key:
                return None
            return _unpack(files)
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile, json.JSONDecodeError):
        return None


def _write(path: Path, key: str, frame: pd.DataFrame) -> None:
    """Write atomically (a temporary file renamed into place); a folder that cannot be written
    only means there is no cache."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            arrays = {"_key": np.array([key], dtype=str), **_pack(frame)}
            savez: Any = np.savez  # its stubs take **kwds as bool, after allow_pickle
            savez(out, allow_pickle=False, **arrays)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def load_codings_cached(store: Store, *, coder: str | None = None) -> CodingData:
    """What :func:`toolkit.analysis.load_codings` returns, read from the cache file when the
    project has not changed since it was written (and the cache written otherwise)."""
    path = cache_path(store)
    if path is None or store.conn.in_transaction:
        return load_codings(store, coder=coder)
    key = state_key(store)
    frame = _read(path, key) if path.exists() else None
    if frame is None:
        data = load_codings(store)
        if len(data.codings):
            _write(path, key, data.codings)
    else:
        codes, documents, attribute_names = label_tables(store)
        data = CodingData(frame, codes, documents, attribute_names)
    return data if coder is None else select(data, coder=coder)
