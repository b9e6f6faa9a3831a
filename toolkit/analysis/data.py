"""Codings as pandas frames: one SQL query for the codings, small lookup tables for codes,
documents, speakers and attributes, and filters that narrow all of it.

One row per coding carries integer ids and categorical labels (code path, document, coder), the
speaker of the turn that contains the coding's start and that turn's time stamp, so that every
aggregation is a pandas ``groupby`` without further queries.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from toolkit.codes import list_codes
from toolkit.errors import InvalidValue, NotFound, StoreError
from toolkit.store import Store

NONE_LABEL = "(none)"
ROLE_ATTRIBUTE = "speaker_role"

# The codings come from the covering index ``codings_same_span`` (the table itself holds the coded
# text and is ten times larger), packed into three integers per coding. Python's sqlite3 spends
# about a microsecond on every row it hands over, so the three columns come back as three
# comma-separated strings built by SQLite (``group_concat``) and parsed by numpy: one row per chunk
# of documents instead of one per coding. All three aggregates step over the same rows in the same
# order, so their values line up.
_CODINGS_SQL = (
    "SELECT count(*), group_concat((c.document_id << 32) | c.start), "
    'group_concat((c.code_id << 32) | c.coder_id), group_concat(c."end") '
    "FROM codings c INDEXED BY codings_same_span WHERE c.document_id BETWEEN ? AND ?"
)
# Documents per query: keeps each string far below SQLite's length limit of a billion bytes even
# with tens of thousands of codings per document.
_CHUNK_DOCUMENTS = 1_000
_LOW = (1 << 32) - 1
# Coded words are counted as toolkit.language.count_words counts them: runs of letters and digits,
# joined by one of these characters when it stands between two of them (E-Akte, Bürger:innen).
_JOINERS = "-'’:*_"


@functools.lru_cache(maxsize=1)
def _character_kinds() -> np.ndarray[Any, np.dtype[np.uint8]]:
    """For every character of the basic plane: 2 a word character (``[^\\W_]``, the class of
    count_words), 1 a joiner, 0 anything else."""
    plane = "".join(map(chr, range(0x10000)))
    kinds = np.zeros(0x10000, dtype=np.uint8)
    kinds[[m.start() for m in re.finditer(r"[^\W_]", plane)]] = 2
    kinds[[ord(c) for c in _JOINERS]] = 1
    return kinds


@dataclass(frozen=True)
class CodingData:
    """The codings of a project (or a filtered part) with the tables needed to label them.

    ``codings``: one row per coding with ``document_id, document, code_id, code,
    field_of_action, valence, coder, start, end, words, speaker, speaker_role, timestamp,
    turn_start, turn_end``. ``codes``: every code in tree order (``code, name, depth,
    field_of_action, valence, colour, definition``). ``documents``: every document in the
    selection (``document_id, document, words`` and one column per document attribute).
    ``filters``: what was selected, as ``(name, value)`` pairs for export headers.
    """

    codings: pd.DataFrame
    codes: pd.DataFrame
    documents: pd.DataFrame
    attributes: tuple[str, ...]
    filters: tuple[tuple[str, str], ...] = ()

    @property
    def coders(self) -> list[str]:
        return [str(c) for c in self.codings["coder"].cat.categories]


Ints = np.ndarray[Any, np.dtype[np.int64]]


def _lookup(ids: Ints, keys: Sequence[int]) -> Ints:
    """Positions of ``ids`` in ``keys`` through a dense array (ids are small positive ints)."""
    table: Ints = np.full((max(keys, default=0) + 1), -1, dtype=np.int64)
    table[np.asarray(keys, dtype=np.int64)] = np.arange(len(keys))
    if len(ids) == 0:
        return np.zeros(0, dtype=np.int64)
    out: Ints = table[ids]
    return out


def from_codes(codes: Ints, categories: Sequence[str]) -> pd.Categorical[str]:
    """A categorical from integer positions into ``categories`` (-1 is missing)."""
    return pd.Categorical.from_codes(codes.astype(np.int64), categories=pd.Index(list(categories)))


def _codes_frame(store: Store) -> pd.DataFrame:
    rows = list_codes(store)
    frame = pd.DataFrame(
        {
            "code_id": [r.id for r in rows],
            "code": [r.path for r in rows],
            "name": [r.name for r in rows],
            "depth": [r.depth for r in rows],
            "field_of_action": [r.field_of_action or NONE_LABEL for r in rows],
            "valence": [r.valence or NONE_LABEL for r in rows],
            "colour": [r.colour for r in rows],
            "definition": [r.definition for r in rows],
        }
    )
    if not rows:  # an empty codebook: keep the columns' types, so that merges on them still work
        frame = frame.astype({"code_id": "int64", "depth": "int64", "code": str, "name": str})
    return frame


def _documents_frame(store: Store) -> tuple[pd.DataFrame, tuple[str, ...]]:
    docs = store.query("SELECT id AS document_id, name AS document, words FROM documents ORDER BY name")
    frame = pd.DataFrame(docs, columns=["document_id", "document", "words"])
    attrs = store.query("SELECT document_id, name, value FROM document_attributes")
    names = tuple(sorted({a["name"] for a in attrs}))
    for name in names:
        values = {a["document_id"]: a["value"] for a in attrs if a["name"] == name}
        frame[name] = [values.get(i, NONE_LABEL) for i in frame["document_id"]]
    return frame, names


def _assign_turns(store: Store, codings: pd.DataFrame, document_ids: Ints) -> None:
    """Add the speaker, role, time stamp and bounds of the turn containing each coding's start.

    A coding that starts on a speaker label (between two turns) belongs to the turn that follows;
    one that starts after the last turn belongs to the last turn. Only the turns of
    ``document_ids`` are read; the speaker and role categories are those of the whole project."""
    turns = store.conn.execute(
        'SELECT document_id, start, "end", speaker, timestamp FROM turns '
        "WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, start",
        (json.dumps(document_ids.tolist()),),
    ).fetchall()
    n = len(codings)
    speaker_categories, role_categories = _turn_categories(store)
    if not turns or n == 0:
        none = np.full(n, speaker_categories.index(NONE_LABEL), dtype=np.int64)
        codings["speaker"] = from_codes(none, speaker_categories)
        codings["speaker_role"] = from_codes(np.full(n, role_categories.index(NONE_LABEL)), role_categories)
        codings["timestamp"] = np.full(n, np.nan)
        codings["turn_start"] = np.zeros(n, dtype=np.int64)
        codings["turn_end"] = np.zeros(n, dtype=np.int64)
        return
    doc_column, start_column, end_column, speaker_column, time_column = zip(*turns, strict=True)
    t_doc: Ints = np.array(doc_column, dtype=np.int64)
    t_start: Ints = np.array(start_column, dtype=np.int64)
    t_end: Ints = np.array(end_column, dtype=np.int64)
    t_time = np.array([np.nan if t is None else t for t in time_column], dtype=float)
    t_key = (t_doc << 32) + t_start
    doc = codings["document_id"].to_numpy(dtype=np.int64)
    start = codings["start"].to_numpy(dtype=np.int64)
    key = (doc << 32) + start
    last = len(turns) - 1
    idx = np.searchsorted(t_key, key, side="right") - 1  # last turn starting at or before
    prev_ok = (idx >= 0) & (t_doc[np.clip(idx, 0, last)] == doc)
    inside = prev_ok & (start < t_end[np.clip(idx, 0, last)])
    nxt = np.clip(idx + 1, 0, last)
    next_ok = (idx + 1 <= last) & (t_doc[nxt] == doc)
    chosen = np.where(inside, idx, np.where(next_ok, idx + 1, np.where(prev_ok, idx, -1)))
    has = chosen >= 0
    safe = np.clip(chosen, 0, last)
    roles = {
        (r["document_id"], r["speaker"]): r["value"]
        for r in store.query(
            "SELECT document_id, speaker, value FROM speaker_attributes WHERE name = ?", (ROLE_ATTRIBUTE,)
        )
    }
    speakers = [s or NONE_LABEL for s in speaker_column]
    speaker_roles = [roles.get(key, NONE_LABEL) for key in zip(doc_column, speaker_column, strict=True)]
    codings["speaker"] = _categorical(speakers, speaker_categories, safe, has)
    codings["speaker_role"] = _categorical(speaker_roles, role_categories, safe, has)
    codings["timestamp"] = np.where(has, t_time[safe], np.nan)
    codings["turn_start"] = np.where(has, t_start[safe], 0)
    codings["turn_end"] = np.where(has, t_end[safe], 0)


def _turn_categories(store: Store) -> tuple[list[str], list[str]]:
    """Every speaker label and every speaker role of the project's turns, sorted, with the label
    for none: the categories of the ``speaker`` and ``speaker_role`` columns."""
    speakers = {
        r[0] or NONE_LABEL for r in store.conn.execute("SELECT DISTINCT speaker FROM turns").fetchall()
    }
    roles = {
        r[0] or NONE_LABEL
        for r in store.conn.execute(
            "SELECT DISTINCT a.value FROM turns t LEFT JOIN speaker_attributes a ON a.document_id = "
            "t.document_id AND a.speaker = t.speaker AND a.name = ?",
            (ROLE_ATTRIBUTE,),
        ).fetchall()
    }
    return sorted(speakers | {NONE_LABEL}), sorted(roles | {NONE_LABEL})


def _categorical(
    labels: list[str], categories: list[str], idx: Ints, has: np.ndarray[Any, Any]
) -> pd.Categorical[str]:
    """Labels per coding from per-turn ``labels``, as a categorical of ``categories``."""
    position = {c: i for i, c in enumerate(categories)}
    per_turn = np.array([position[x] for x in labels], dtype=np.int64)
    codes: Ints = np.where(has, per_turn[idx], position[NONE_LABEL])
    return from_codes(codes, categories)


_WORDS_CHUNK = 4_000_000  # characters of text counted at once: about 60 MB of tables, not GBs


def _word_counter(texts: Sequence[tuple[int, str]]) -> tuple[Ints, Ints, np.ndarray[Any, Any]]:
    """Per-character tables over ``texts`` (document id, text) laid end to end: where each document
    starts (indexed by id), the number of word starts before each position, and whether a position
    is inside a word."""
    offsets: Ints = np.zeros(max((d for d, _ in texts), default=0) + 1, dtype=np.int64)
    position = 0
    for doc_id, text in texts:
        offsets[doc_id] = position
        position += len(text) + 1
    joined = "\n".join(t for _, t in texts) + "\n"
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    del joined
    kinds = _character_kinds()[points & 0xFFFF]
    kinds[points > 0xFFFF] = 0  # astral characters: emoji, not words
    del points
    core = kinds == 2
    between = np.zeros_like(core)
    between[1:-1] = core[:-2] & core[2:]
    in_word = core | ((kinds == 1) & between)
    del kinds, core, between
    word_start = in_word.copy()
    word_start[1:] &= ~in_word[:-1]
    before: Ints = np.zeros(len(word_start) + 1, dtype=np.int64)
    np.cumsum(word_start, dtype=np.int64, out=before[1:])
    return offsets, before, in_word & ~word_start


def _words_of(store: Store, doc_ids: Ints, starts: Ints, ends: Ints) -> Ints:
    """:func:`coded_words` of every coding, reading the documents' texts a few at a time (about
    :data:`_WORDS_CHUNK` characters), so that a team's 10 M words never sit in memory at once."""
    out: Ints = np.zeros(len(doc_ids), dtype=np.int64)
    rows = store.conn.execute(
        "SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (json.dumps(np.unique(doc_ids).tolist()),),
    )
    batch: list[tuple[int, str]] = []
    size = 0

    def count() -> None:
        inside = np.isin(doc_ids, [d for d, _ in batch])
        tables = _word_counter(batch)
        out[inside] = coded_words(*tables, doc_ids[inside], starts[inside], ends[inside])

    for doc_id, text in rows:
        batch.append((int(doc_id), str(text)))
        size += len(text)
        if size >= _WORDS_CHUNK:
            count()
            batch, size = [], 0
    if batch:
        count()
    return out


def coded_words(
    offsets: Ints, before: Ints, mid_word: np.ndarray[Any, Any], doc: Ints, start: Ints, end: Ints
) -> Ints:
    """Words in ``text[start:end]`` of each coding: word starts inside the span, plus the word the
    span starts in the middle of: what toolkit.language.count_words gives for the coded text,
    for all codings at once."""
    a = offsets[doc] + start
    b = offsets[doc] + end
    out: Ints = before[b] - before[a] + mid_word[a]
    return out


def _parse(numbers: str | None) -> Ints:
    out: Ints = np.fromstring(numbers or "", dtype=np.int64, sep=",")
    return out


def _fetch_codings(store: Store, sql: str, params: tuple[int, ...], ids: Sequence[int]) -> Ints:
    """The codings of documents ``ids`` (ascending) selected by ``sql`` as an ``n x 3`` array,
    fetched in chunks of consecutive documents."""
    parts: list[Ints] = []
    for i in range(0, len(ids), _CHUNK_DOCUMENTS):
        chunk = ids[i : i + _CHUNK_DOCUMENTS]
        n, *columns = store.conn.execute(sql, (chunk[0], chunk[-1], *params)).fetchone()
        if not n:
            continue
        block = np.stack([_parse(c) for c in columns], axis=1)
        if block.shape[0] != n:
            raise StoreError("analysis.codings_unreadable", path=store.path)
        parts.append(block)
    return np.concatenate(parts) if parts else np.zeros((0, 3), dtype=np.int64)


def label_tables(store: Store) -> tuple[pd.DataFrame, pd.DataFrame, tuple[str, ...]]:
    """The codes and documents tables of :class:`CodingData`, and the document attribute names."""
    documents, attribute_names = _documents_frame(store)
    return _codes_frame(store), documents, attribute_names


def load_codings(
    store: Store, *, coder: str | None = None, document_ids: Sequence[int] | None = None
) -> CodingData:
    """Read the project's codings (of one coder, e.g. the consensus coder, when ``coder`` is given;
    of some documents, by id, when ``document_ids`` is given), labelled with codes, documents,
    speakers and attributes."""
    codes, documents, attribute_names = label_tables(store)
    coders = store.query("SELECT id, name FROM coders ORDER BY name")
    sql = _CODINGS_SQL
    params: tuple[int, ...] = ()
    if coder is not None:
        match = [c["id"] for c in coders if c["name"] == coder]
        if not match:
            raise NotFound("coder.not_found", name=coder, coders=[c["name"] for c in coders])
        sql += " AND c.coder_id = ?"
        params = (match[0],)
    if document_ids is None:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY id")]
        raw = _fetch_codings(store, sql, params, ids)
    else:  # each document on its own: the ids need not be consecutive
        raw = np.concatenate(
            [np.zeros((0, 3), dtype=np.int64)]
            + [_fetch_codings(store, sql, params, [i]) for i in sorted(set(document_ids))]
        )
    doc_ids, starts = raw[:, 0] >> 32, raw[:, 0] & _LOW
    code_ids, coder_ids, ends = raw[:, 1] >> 32, raw[:, 1] & _LOW, raw[:, 2]
    frame = pd.DataFrame({"document_id": doc_ids, "code_id": code_ids, "start": starts, "end": ends})
    code_pos = _lookup(code_ids, codes["code_id"].tolist())
    frame["document"] = from_codes(
        _lookup(doc_ids, documents["document_id"].tolist()), documents["document"].tolist()
    )
    frame["code"] = from_codes(code_pos, codes["code"].tolist())
    for column in ("field_of_action", "valence"):
        labels = list(dict.fromkeys(codes[column]))
        per_code: Ints = np.array([labels.index(v) for v in codes[column]] or [0], dtype=np.int64)
        frame[column] = from_codes(per_code[code_pos], labels)
    frame["coder"] = from_codes(_lookup(coder_ids, [c["id"] for c in coders]), [c["name"] for c in coders])
    frame["words"] = _words_of(store, doc_ids, starts, ends) if len(frame) else []
    _assign_turns(store, frame, np.unique(doc_ids))
    filters = (("coder", coder),) if coder is not None else ()
    return CodingData(frame, codes, documents, attribute_names, filters)


def attribute_column(data: CodingData, name: str) -> pd.Series:
    """The value of document attribute ``name`` for each coding, as a categorical whose categories
    are all values the selected documents have."""
    if name not in data.documents.columns or name in ("document_id", "document", "words"):
        raise NotFound("attribute.not_found", name=name, attributes=data.attributes)
    per_document = data.documents[name].astype(str).tolist()
    categories = sorted(set(per_document))
    position = {c: i for i, c in enumerate(categories)}
    document_code = data.codings["document"].cat.codes.to_numpy().astype(np.int64)
    lookup: Ints = np.array([position[v] for v in per_document] + [-1], dtype=np.int64)
    values = from_codes(lookup[document_code], categories)  # code -1 (no document) stays -1
    return pd.Series(values, index=data.codings.index, name=name)


def _subcodes(data: CodingData, paths: Iterable[str]) -> list[str]:
    all_codes = data.codes["code"].tolist()
    out: list[str] = []
    for path in paths:
        wanted = path.strip().strip("/")
        matches = [c for c in all_codes if c == wanted or c.rsplit("/", 1)[-1] == wanted]
        if not matches:
            raise NotFound("code.not_found_listed", path=path)
        root = wanted if wanted in all_codes else matches[0]
        out.extend(c for c in all_codes if c == root or c.startswith(root + "/"))
    return out


def select(
    data: CodingData,
    *,
    coder: str | None = None,
    coders: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    codes: Sequence[str] | None = None,
    speakers: Sequence[str] | None = None,
    roles: Sequence[str] | None = None,
    attributes: Mapping[str, Sequence[str]] | None = None,
) -> CodingData:
    """Narrow ``data``: codings of a coder (or of several ``coders``, pooled), in some documents,
    of some codes (with subcodes), by some speakers or speaker roles, in documents whose attributes
    take the given values. Documents filtered out by name or attribute leave the document table
    too (so shares refer to them)."""
    frame, docs = data.codings, data.documents
    keep = np.ones(len(frame), dtype=bool)
    doc_keep = np.ones(len(docs), dtype=bool)
    filters = list(data.filters)
    if coder is not None:
        if coder not in data.coders:
            raise NotFound("coder.not_found", name=coder, coders=data.coders)
        keep &= (frame["coder"] == coder).to_numpy()
        filters.append(("coder", coder))
    if coders:
        unknown = [c for c in coders if c not in data.coders]
        if unknown:
            raise NotFound("coder.not_found", name=unknown[0], coders=data.coders)
        keep &= frame["coder"].isin(list(coders)).to_numpy()
        filters.append(("coders", ", ".join(coders)))
    if documents:
        missing = sorted(set(documents) - set(docs["document"]))
        if missing:
            raise NotFound("search.document_not_found", document=missing[0])
        doc_keep &= docs["document"].isin(documents).to_numpy()
        filters.append(("documents", ", ".join(documents)))
    for name, values in (attributes or {}).items():
        if name not in data.attributes:
            raise NotFound("attribute.not_found", name=name, attributes=data.attributes)
        doc_keep &= docs[name].isin(list(values)).to_numpy()
        filters.append((name, ", ".join(values)))
    if codes:
        keep &= frame["code"].isin(_subcodes(data, codes)).to_numpy()
        filters.append(("codes", ", ".join(codes)))
    if speakers:
        keep &= frame["speaker"].isin(list(speakers)).to_numpy()
        filters.append(("speakers", ", ".join(speakers)))
    if roles:
        keep &= frame["speaker_role"].isin(list(roles)).to_numpy()
        filters.append(("speaker roles", ", ".join(roles)))
    if not doc_keep.all():
        keep &= frame["document_id"].isin(docs.loc[doc_keep, "document_id"]).to_numpy()
        docs = docs.loc[doc_keep].reset_index(drop=True)
        frame = frame.assign(document=frame["document"].cat.set_categories(docs["document"].tolist()))
    return replace(
        data, codings=frame.loc[keep].reset_index(drop=True), documents=docs, filters=tuple(filters)
    )


def format_seconds(seconds: float | None) -> str:
    """``3723.4`` -> ``01:02:03``; no time stamp -> empty string."""
    if seconds is None or (isinstance(seconds, float) and np.isnan(seconds)):
        return ""
    if seconds < 0:
        raise InvalidValue("analysis.time_negative", seconds=seconds)
    total = int(seconds)
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"
