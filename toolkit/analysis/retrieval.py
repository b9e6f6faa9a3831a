"""Retrieval: the coded segments of a selection with their text, surrounding context and the
document, speaker and time stamp they come from."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from toolkit.analysis.data import CodingData, format_seconds
from toolkit.codings import check_weight
from toolkit.errors import InvalidValue
from toolkit.store import Store

SEGMENT_COLUMNS = (
    "document",
    "code",
    "coder",
    "speaker",
    "speaker_role",
    "timestamp",
    "time",
    "start",
    "end",
    "before",
    "text",
    "after",
)
_CHUNK = 900


def _by_ids(store: Store, sql: str, ids: Iterable[int]) -> dict[int, str]:
    """``{id: text}`` for ``ids``, in chunks that stay below SQLite's parameter limit."""
    wanted = sorted(set(ids))
    out: dict[int, str] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        out.update(store.conn.execute(sql.format(marks=marks), chunk).fetchall())
    return out


def _coded_texts(store: Store, frame: pd.DataFrame) -> list[str]:
    """The stored text of each coding, looked up by its unique key (document, code, coder, span)."""
    sql = (
        "SELECT text FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? "
        'AND start = ? AND "end" = ?'
    )
    coder_ids = {r["name"]: r["id"] for r in store.query("SELECT id, name FROM coders")}
    keys = zip(
        frame["document_id"].tolist(),
        frame["code_id"].tolist(),
        [coder_ids[str(c)] for c in frame["coder"]],
        frame["start"].tolist(),
        frame["end"].tolist(),
        strict=True,
    )
    return [str(store.conn.execute(sql, key).fetchone()[0]) for key in keys]


def segment_counts(data: CodingData) -> dict[str, int]:
    """How many segments :func:`segments` lists per code without a limit (a span coded alike by
    several coders of a pooled view once)."""
    frame = data.codings
    if frame["coder"].nunique() > 1:
        frame = frame.drop_duplicates(["document_id", "code_id", "start", "end"])
    counts = frame.groupby("code", observed=True, sort=False).size()
    return {str(k): int(v) for k, v in counts.items()}


def spread(frame: pd.DataFrame, limit: int) -> pd.DataFrame:
    """At most ``limit`` rows of each code of ``frame`` (sorted by code, document, start), taken
    across documents: the first segment of each document in document order, then each document's
    second, and so on, so that a few long documents do not fill the quota. The rows keep their
    order."""
    if limit < 0:
        raise InvalidValue("analysis.segments_limit", limit=limit)
    rank = frame.groupby(["code", "document"], observed=True, sort=False).cumcount()
    turn = frame.assign(_rank=rank.to_numpy()).sort_values(["code", "_rank"], kind="stable")
    chosen = turn.groupby("code", observed=True, sort=False).head(limit).index
    return frame.loc[frame.index.isin(chosen)]


def segments(
    store: Store,
    data: CodingData,
    *,
    context: int | str = 200,
    limit: int | None = None,
    min_weight: int = 0,
) -> pd.DataFrame:
    """The coded segments of ``data`` in codebook order, then document and position.

    ``text`` is the stored coded text. ``context``: a number of characters shown ``before`` and
    ``after`` the segment (never beyond the document), or ``"turn"`` for the rest of the speaker
    turn around it. ``timestamp`` is the turn's time in seconds, ``time`` the same as hh:mm:ss;
    when a segment comes from a PDF transcript, a column ``page`` (after ``time``) holds the page its
    turn begins on (empty for segments of other documents).
    ``limit`` keeps at most N segments of each code, spread over the documents (see
    :func:`spread`). Several coders (a pooled view): a span that more than one of them coded with
    the same code is one row whose ``coder`` lists them all. ``min_weight`` (0-100) keeps the
    codings weighted at least that much (0: all); a ``weight`` column follows ``coder`` when a
    listed coding has a weight (pooled: the highest of its coders')."""
    if context != "turn" and not (isinstance(context, int) and context >= 0):
        raise InvalidValue("analysis.context", context=context)
    check_weight(min_weight)
    frame = data.codings.sort_values(["code", "document", "start", "end", "coder"])
    weights = _weights(store, frame)
    if min_weight > 0:
        frame, weights = frame.loc[(weights >= min_weight).to_numpy()], weights.loc[weights >= min_weight]
    coders = frame["coder"].astype(str)
    if frame["coder"].nunique() > 1:  # a pooled view: a span coded alike by several coders once
        keys = ["document_id", "code_id", "start", "end"]
        groups = [frame[k] for k in keys]
        joined = coders.groupby(groups, sort=False).agg(", ".join)
        highest = weights.groupby(groups, sort=False).max()
        frame = frame.drop_duplicates(keys)
        coders = pd.Series(joined.to_numpy(), index=frame.index)
        weights = pd.Series(highest.to_numpy(), index=frame.index)
    if limit is not None:
        frame = spread(frame, limit)
        coders = coders.loc[frame.index]
        weights = weights.loc[frame.index]
    texts = _coded_texts(store, frame)
    docs = _by_ids(store, "SELECT id, text FROM documents WHERE id IN ({marks})", frame["document_id"])
    doc_ids: list[int] = frame["document_id"].tolist()
    starts: list[int] = frame["start"].tolist()
    ends: list[int] = frame["end"].tolist()
    turn_starts: list[int] = frame["turn_start"].tolist()
    turn_ends: list[int] = frame["turn_end"].tolist()
    stamps: list[float | None] = [None if pd.isna(t) else float(t) for t in frame["timestamp"].tolist()]
    before, after = [], []
    for doc_id, start, end, t_start, t_end in zip(doc_ids, starts, ends, turn_starts, turn_ends, strict=True):
        doc = docs[doc_id]
        if context == "turn":
            lo, hi = min(t_start, start), max(t_end, end)
        else:
            assert isinstance(context, int)
            lo, hi = max(0, start - context), min(len(doc), end + context)
        before.append(doc[lo:start])
        after.append(doc[end:hi])
    columns: dict[str, Any] = {
        "document": frame["document"].astype(str).tolist(),
        "code": frame["code"].astype(str).tolist(),
        "coder": coders.tolist(),
        "speaker": frame["speaker"].astype(str).tolist(),
        "speaker_role": frame["speaker_role"].astype(str).tolist(),
        "timestamp": stamps,
        "time": [format_seconds(t) for t in stamps],
        "start": starts,
        "end": ends,
        "before": before,
        "text": texts,
        "after": after,
    }
    order = list(SEGMENT_COLUMNS)
    if (weights > 0).any():  # weighted codings (issue 20): their weight beside the coder
        columns["weight"] = weights.astype("int64").tolist()
        order.insert(order.index("coder") + 1, "weight")
    pages = _pages(store, doc_ids, turn_starts)
    if any(page is not None for page in pages):  # PDF transcripts: the page a researcher cites
        columns["page"] = pd.Series(pages, dtype=object)  # whole numbers, None where there is none
        order.insert(order.index("time") + 1, "page")
    return pd.DataFrame(columns, columns=order)


def _weights(store: Store, frame: pd.DataFrame) -> pd.Series:
    """Each coding's weight (0: none), row by row of ``frame``; only weighted codings are read."""
    coder_ids = {str(r["name"]): int(r["id"]) for r in store.query("SELECT id, name FROM coders")}
    weighted: dict[tuple[int, int, int, int, int], int] = {}
    wanted = sorted(set(frame["document_id"].tolist()))
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for doc_id, code_id, coder_id, start, end, weight in store.conn.execute(
            'SELECT document_id, code_id, coder_id, start, "end", weight FROM codings '
            f"WHERE weight > 0 AND document_id IN ({marks})",
            chunk,
        ):
            weighted[(doc_id, code_id, coder_id, start, end)] = weight
    keys = zip(
        frame["document_id"].tolist(),
        frame["code_id"].tolist(),
        [coder_ids.get(str(c), -1) for c in frame["coder"]],
        frame["start"].tolist(),
        frame["end"].tolist(),
        strict=True,
    )
    return pd.Series([weighted.get(k, 0) for k in keys], index=frame.index, dtype="int64")


def _pages(store: Store, doc_ids: list[int], turn_starts: list[int]) -> list[int | None]:
    """The page of the turn each segment lies in (PDF transcripts), else None."""
    wanted = sorted(set(doc_ids))
    known: dict[tuple[int, int], int] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for doc_id, start, page in store.conn.execute(
            f"SELECT document_id, start, page FROM turns WHERE page IS NOT NULL AND document_id IN ({marks})",
            chunk,
        ):
            known[(doc_id, start)] = page
    if not known:
        return [None] * len(doc_ids)
    return [known.get(key) for key in zip(doc_ids, turn_starts, strict=True)]
