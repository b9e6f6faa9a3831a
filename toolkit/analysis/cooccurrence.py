"""Code co-occurrence within one coder's codings: overlapping codings, or codings in the same
unit (speaker turn).

- ``overlap``: two codings of different codes by the same coder in the same document whose spans
  share at least one character. ``count`` = overlapping pairs of codings; ``jaccard`` = codings of
  either code that overlap a coding of the other / all codings of the two codes.
- ``turn``: the unit is a speaker turn (of a coder). ``count`` = turns holding both codes;
  ``jaccard`` = turns with both / turns with either (the Jaccard index of the two sets of turns).
- ``sentence``: the same with sentences (toolkit.units.sentence_units, inside turns) as units.

A coding belongs to the unit that contains its start, as for its speaker.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from toolkit.analysis.data import CodingData
from toolkit.errors import InvalidValue
from toolkit.model import Turn
from toolkit.store import Store
from toolkit.units import sentence_units

METHODS = ("overlap", "turn", "sentence")
_COLUMNS = ["code_a", "code_b", "count", "jaccard", "n_a", "n_b"]


def _pairs_overlap(frame: pd.DataFrame) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Index pairs (i, j) of overlapping codings in the same document and coder (vectorised sweep:
    after sorting by start, coding i overlaps exactly the later codings that start before i ends)."""
    group = frame.groupby(["document_id", "coder"], observed=True, sort=False).ngroup().to_numpy(np.int64)
    start = frame["start"].to_numpy(np.int64)
    end = frame["end"].to_numpy(np.int64)
    order = np.lexsort((start, group))
    g, s, e = group[order], start[order], end[order]
    key_start = (g << 32) + s
    key_end = (g << 32) + e
    upto = np.searchsorted(key_start, key_end, side="left")  # first later coding starting at/after end
    first = np.arange(len(order)) + 1
    counts = np.maximum(upto - first, 0)
    i = np.repeat(np.arange(len(order)), counts)
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    j = i + 1 + offsets
    return order[i], order[j]


def sentence_starts(store: Store, data: CodingData) -> pd.Series:
    """For each coding, the start of the sentence containing its start, or of the next sentence
    when it starts between two (sentences found with toolkit.units.sentence_units in the turns of the
    document, in the document's language)."""
    frame = data.codings
    out = np.zeros(len(frame), dtype=np.int64)
    doc_ids = frame["document_id"].to_numpy(np.int64)
    starts = frame["start"].to_numpy(np.int64)
    for doc_id in np.unique(doc_ids).tolist():
        doc = store.one("SELECT text, language FROM documents WHERE id = ?", (doc_id,))
        if doc is None:
            continue
        turns = [
            Turn(r["speaker"], r["start"], r["end"], r["timestamp"])
            for r in store.query(
                'SELECT speaker, start, "end", timestamp FROM turns WHERE document_id = ? ORDER BY seq',
                (doc_id,),
            )
        ]
        spans = sentence_units(doc["text"], turns, doc["language"]) or [(0, len(doc["text"]))]
        first = np.array([u[0] for u in spans], dtype=np.int64)
        last = np.array([u[1] for u in spans], dtype=np.int64)
        mine = doc_ids == doc_id
        at = starts[mine]
        idx = np.searchsorted(first, at, side="right") - 1
        inside = (idx >= 0) & (at < last[np.clip(idx, 0, None)])
        # a start between sentences (on a speaker label) belongs to the sentence that follows
        idx = np.where(inside, idx, np.minimum(idx + 1, len(first) - 1))
        out[mine] = first[idx]
    return pd.Series(out, index=frame.index)


def cooccurrence(data: CodingData, method: str = "overlap", *, store: Store | None = None) -> pd.DataFrame:
    """Pairs of codes that co-occur, one row per pair (``code_a`` before ``code_b`` in codebook
    order): ``count``, ``jaccard``, and ``n_a``/``n_b`` (codings or units of each code). Codings
    of different coders never pair: filter to one coder (or the consensus) for a coder's view.
    ``method="sentence"`` needs the ``store`` to read the texts."""
    if method not in METHODS:
        raise InvalidValue("option.unsupported", option="co-occurrence method", value=method, choices=METHODS)
    if method == "sentence" and store is None:
        raise InvalidValue("analysis.sentences_need_store")
    frame = data.codings
    code = frame["code"].cat.codes.to_numpy(np.int64)
    if method == "overlap":
        i, j = _pairs_overlap(frame)
        a, b = np.minimum(code[i], code[j]), np.maximum(code[i], code[j])
        differ = a != b
        i, j, a, b = i[differ], j[differ], a[differ], b[differ]
        size = max(len(frame["code"].cat.categories), 1)
        count = np.bincount(a * size + b, minlength=size * size)
        # codings taking part: each coding once per code it overlaps (k * size + other code)
        touched = np.sort(np.concatenate([i * size + code[j], j * size + code[i]]))
        touched = touched[np.concatenate([[True], touched[1:] != touched[:-1]])] if len(touched) else touched
        k, other = touched // size, touched % size
        low, high = np.minimum(code[k], other), np.maximum(code[k], other)
        involved = np.bincount(low * size + high, minlength=size * size)
        n = np.bincount(code, minlength=size)
        used = np.flatnonzero(count)
        out = pd.DataFrame({"a": used // size, "b": used % size, "count": count[used]})
        out["n_a"], out["n_b"] = n[out["a"]], n[out["b"]]
        out["jaccard"] = (involved[used] / (out["n_a"] + out["n_b"])).round(4)
    else:
        if method == "turn":
            unit_start = frame["turn_start"]
        else:
            assert store is not None
            unit_start = sentence_starts(store, data)
        units = pd.DataFrame(
            {
                "unit": frame.assign(unit_start=unit_start)
                .groupby(["document_id", "unit_start", "coder"], observed=True)
                .ngroup(),
                "c": code,
            }
        ).drop_duplicates()
        both = units.merge(units, on="unit")
        both = both[both["c_x"] < both["c_y"]]
        out = both.groupby(["c_x", "c_y"]).size().rename("count").reset_index()
        out = out.rename(columns={"c_x": "a", "c_y": "b"})
        per_code = np.bincount(units["c"].to_numpy(np.int64), minlength=len(frame["code"].cat.categories))
        out["n_a"] = per_code[out["a"].to_numpy(np.int64)]
        out["n_b"] = per_code[out["b"].to_numpy(np.int64)]
        out["jaccard"] = (out["count"] / (out["n_a"] + out["n_b"] - out["count"])).round(4)
    categories = np.asarray(frame["code"].cat.categories, dtype=object)
    out["code_a"] = categories[out["a"].to_numpy(np.int64)] if len(out) else []
    out["code_b"] = categories[out["b"].to_numpy(np.int64)] if len(out) else []
    out = out.sort_values(["count", "code_a", "code_b"], ascending=[False, True, True])
    return out[_COLUMNS].astype({"count": "int64", "n_a": "int64", "n_b": "int64"}).reset_index(drop=True)


def cooccurrence_matrix(pairs: pd.DataFrame, value: str = "count") -> pd.DataFrame:
    """The symmetric code x code table of ``value`` (``count`` or ``jaccard``) from
    :func:`cooccurrence`, for heatmaps."""
    if value not in ("count", "jaccard"):
        raise InvalidValue("option.unsupported", option="value", value=value, choices="count, jaccard")
    codes = sorted(set(pairs["code_a"]) | set(pairs["code_b"]))
    table = pd.DataFrame(0.0, index=codes, columns=codes)
    for row in pairs.itertuples(index=False):
        table.loc[row.code_a, row.code_b] = getattr(row, value)
        table.loc[row.code_b, row.code_a] = getattr(row, value)
    return table
