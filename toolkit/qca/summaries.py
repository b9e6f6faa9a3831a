"""Thematic summaries (Kuckartz): one text per document x code x coder, written on the coded
segments of that code in that document.

The segments a summary is written on are the codings of the code and its subcodes in the document:
in team mode the coder's own, otherwise every coder's. A summary keeps a fingerprint of those
segments as they were when it was last written, so the grid can mark a summary whose segments have
changed since (added, deleted, moved or recoded).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.coders import coder_id
from toolkit.codes import CodeRow, code_tree, find_code, list_codes
from toolkit.documents import document_row
from toolkit.errors import InvalidValue, NotFound
from toolkit.permissions import require_user, require_writer_for, team_mode
from toolkit.qca import undo as qca_undo
from toolkit.store import Store, Writer, new_guid, now

MAX_SUMMARY = 20_000  # characters: a summary is a paragraph or a page, not a transcript
ENTITY = "summary"


@dataclass(frozen=True)
class Segment:
    """A coded segment a summary is written on."""

    guid: str
    code_path: str
    coder: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Summary:
    """A stored summary; ``changed`` when its segments differ from those it was written on."""

    guid: str
    document: str
    code_path: str
    coder: str
    text: str
    updated_at: str
    changed: bool


@dataclass(frozen=True)
class GridRow:
    """One document of the summary grid of a code: its segments and the coder's summary."""

    document: str
    segments: tuple[Segment, ...]
    summary: Summary | None


def fingerprint(segments: Sequence[Segment]) -> str:
    """A short digest of segments (span, code and text), the same for the same segments in any order."""
    key = sorted((s.code_path, s.coder, s.start, s.end, s.text) for s in segments)
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode()).hexdigest()[:20]


def _subtree(store: Store, code: CodeRow) -> dict[int, str]:
    return {c.id: c.path for c in list_codes(store) if c.id == code.id or c.path.startswith(code.path + "/")}


def summary_segments(
    store: Store, code: CodeRow, coder: str, document_id: int | None = None
) -> dict[int, list[Segment]]:
    """Segments of ``code`` (with subcodes) per document id, for ``coder`` (see module doc)."""
    return segments_by_document(store, code, coder if team_mode(store) else None, document_id)


def segments_by_document(
    store: Store, code: CodeRow, coder: str | None, document_id: int | None = None
) -> dict[int, list[Segment]]:
    """Segments of ``code`` (with subcodes) per document id: of ``coder``, or every coder's (None)."""
    paths = _subtree(store, code)
    where = [f"c.code_id IN ({','.join('?' for _ in paths)})"]
    params: list[Any] = list(paths)
    if coder is not None:
        where.append("k.name = ?")
        params.append(coder)
    if document_id is not None:
        where.append("c.document_id = ?")
        params.append(document_id)
    out: dict[int, list[Segment]] = {}
    for r in store.query(
        'SELECT c.guid, c.document_id, c.code_id, k.name AS coder, c.start, c."end", c.text '
        "FROM codings c JOIN coders k ON k.id = c.coder_id WHERE "
        + " AND ".join(where)
        + ' ORDER BY c.document_id, c.start, c."end", k.name',
        tuple(params),
    ):
        out.setdefault(r["document_id"], []).append(
            Segment(r["guid"], paths[r["code_id"]], r["coder"], r["start"], r["end"], r["text"])
        )
    return out


def segments_of(store: Store, document: str, code_path: str, coder: str) -> list[Segment]:
    """The segments a summary of ``coder`` on ``document`` x ``code_path`` is written on."""
    doc = document_row(store, document)
    return summary_segments(store, find_code(store, code_path), coder, doc["id"]).get(doc["id"], [])


def _summary(row: dict[str, Any], code_path: str, current: str) -> Summary:
    return Summary(
        row["guid"],
        row["document"],
        code_path,
        row["coder"],
        row["text"],
        row["updated_at"],
        row["segments"] != current,
    )


_SELECT = (
    "SELECT s.guid, s.document_id, s.code_id, s.text, s.segments, s.updated_at, d.name AS document, "
    "k.name AS coder FROM summaries s JOIN documents d ON d.id = s.document_id "
    "JOIN coders k ON k.id = s.coder_id"
)


def get_summary(store: Store, document: str, code_path: str, coder: str) -> Summary | None:
    """The coder's summary of ``document`` x ``code_path``, or None."""
    doc = document_row(store, document)
    code = find_code(store, code_path)
    row = store.one(
        _SELECT + " WHERE s.document_id = ? AND s.code_id = ? AND k.name = ?", (doc["id"], code.id, coder)
    )
    if row is None:
        return None
    current = fingerprint(summary_segments(store, code, coder, doc["id"]).get(doc["id"], []))
    return _summary(row, code.path, current)


def _check_text(text: str) -> str:
    if len(text) > MAX_SUMMARY:
        raise InvalidValue("summary.too_long", length=len(text), limit=MAX_SUMMARY)
    return text.strip()


def _coder_row(store: Store, coder: str) -> int | None:
    row = store.one("SELECT id FROM coders WHERE name = ?", (coder,))
    return int(row["id"]) if row else None


def _put(w: Writer, doc_id: int, code_id: int, coder_id: int, text: str, segments: str) -> str | None:
    """Store ``text`` as the summary (empty: delete it) without an event; returns its GUID."""
    row = w.store.one(
        "SELECT id, guid FROM summaries WHERE document_id = ? AND code_id = ? AND coder_id = ?",
        (doc_id, code_id, coder_id),
    )
    if row and not text:
        w.execute("DELETE FROM summaries WHERE id = ?", (row["id"],))
        return str(row["guid"])
    if row:
        w.update("summaries", row["id"], {"text": text, "segments": segments})
        return str(row["guid"])
    if not text:
        return None
    guid = new_guid()
    stamp = now()
    w.insert(
        "summaries",
        {
            "guid": guid,
            "document_id": doc_id,
            "code_id": code_id,
            "coder_id": coder_id,
            "text": text,
            "segments": segments,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    return guid


def set_summary(
    store: Store, document: str, code_path: str, text: str, *, coder: str, actor: str | None = None
) -> Summary | None:
    """Write (empty text: delete) ``coder``'s summary of ``document`` x ``code_path`` as one logged
    change; it records the segments as they are now. Returns the summary, None when deleted.
    Writing for another coder is a lead's action."""
    actor = coder if actor is None else actor
    require_writer_for(store, actor, coder, "write summaries")
    text = _check_text(text)
    doc = document_row(store, document)
    code = find_code(store, code_path)
    with store.write(actor) as w:
        cid = coder_id(w, coder)
        before = store.one(
            "SELECT guid, text FROM summaries WHERE document_id = ? AND code_id = ? AND coder_id = ?",
            (doc["id"], code.id, cid),
        )
        old = str(before["text"]) if before else ""
        segments = fingerprint(summary_segments(store, code, coder, doc["id"]).get(doc["id"], []))
        guid = _put(w, doc["id"], code.id, cid, text, segments)
        if guid is not None and (old != text or before is None):
            action = "add" if before is None else ("delete" if not text else "update")
            w.event(
                action,
                ENTITY,
                guid,
                {
                    "document": doc["name"],
                    "code": code.path,
                    "code_guid": code.guid,
                    "coder": coder,
                    "before": old,
                    "after": text,
                },
            )
    return get_summary(store, doc["name"], code.path, coder)


def list_summaries(
    store: Store, *, code: str | None = None, document: str | None = None, coder: str | None = None
) -> list[Summary]:
    """Summaries in document and code order, optionally of one code (not its subcodes), document or
    coder; each with whether its segments changed since it was written."""
    codes = {c.id: c for c in list_codes(store)}
    where: list[str] = []
    params: list[Any] = []
    if code is not None:
        where.append("s.code_id = ?")
        params.append(find_code(store, code).id)
    if document is not None:
        where.append("s.document_id = ?")
        params.append(document_row(store, document)["id"])
    if coder is not None:
        where.append("k.name = ?")
        params.append(coder)
    rows = store.query(_SELECT + (" WHERE " + " AND ".join(where) if where else ""), tuple(params))
    order = {c: i for i, c in enumerate(codes)}
    rows.sort(key=lambda r: (r["document"], order.get(r["code_id"], 0), r["coder"]))
    segments: dict[tuple[int, str], dict[int, list[Segment]]] = {}
    out = []
    for r in rows:
        key = (r["code_id"], r["coder"])
        if key not in segments:
            segments[key] = summary_segments(store, codes[r["code_id"]], r["coder"])
        current = fingerprint(segments[key].get(r["document_id"], []))
        out.append(_summary(r, codes[r["code_id"]].path, current))
    return out


def summary_grid(store: Store, code_path: str, coder: str, *, all_documents: bool = False) -> list[GridRow]:
    """The summary grid of a code for ``coder``: every document with segments of the code or a
    summary (``all_documents``: every document), in name order, each with its segments and the
    coder's summary. Two queries, whatever the number of documents."""
    code = find_code(store, code_path)
    per_doc = summary_segments(store, code, coder)
    summaries = {
        r["document_id"]: r
        for r in store.query(_SELECT + " WHERE s.code_id = ? AND k.name = ?", (code.id, coder))
    }
    out = []
    for d in store.query("SELECT id, name FROM documents ORDER BY name"):
        segs = per_doc.get(d["id"], [])
        row = summaries.get(d["id"])
        if not (all_documents or segs or row):
            continue
        summary = _summary(row, code.path, fingerprint(segs)) if row else None
        out.append(GridRow(d["name"], tuple(segs), summary))
    return out


def _apply(w: Writer, event: dict[str, Any], inverse: bool) -> None:
    p = event["payload"]
    store = w.store
    doc = store.one("SELECT id, name FROM documents WHERE name = ?", (p["document"],))
    code = store.one("SELECT id FROM codes WHERE guid = ?", (p["code_guid"],))
    cid = _coder_row(store, p["coder"])
    if doc is None or code is None or cid is None:
        raise NotFound("summary.gone")
    row = next(c for c in code_tree(store) if c.id == code["id"])
    segments = fingerprint(summary_segments(store, row, p["coder"], doc["id"]).get(doc["id"], []))
    _put(w, doc["id"], code["id"], cid, p["before"] if inverse else p["after"], segments)


def undo_summary(store: Store, actor: str) -> dict[str, Any] | None:
    """Reverse the actor's newest summary change; returns its event payload, None when none is left."""
    require_user(store, actor, "undo changes")
    event = qca_undo.replay(store, actor, ENTITY, _apply, inverse=True)
    return None if event is None else dict(event["payload"])


def redo_summary(store: Store, actor: str) -> dict[str, Any] | None:
    """Re-apply the actor's newest undone summary change."""
    require_user(store, actor, "redo changes")
    event = qca_undo.replay(store, actor, ENTITY, _apply, inverse=False)
    return None if event is None else dict(event["payload"])
