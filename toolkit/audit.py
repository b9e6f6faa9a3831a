"""The event log read as history: who changed what and when, filtered by document, coder or
actor, entity and time. Every change of the project appends one event (``toolkit.store``), so this
is the complete record; nothing here writes."""

from __future__ import annotations

import json
from typing import Any

from toolkit.documents import document_row
from toolkit.errors import InvalidValue
from toolkit.store import Store

_VERBS = {
    "add": "added",
    "update": "changed",
    "delete": "deleted",
    "import": "imported",
    "rename": "renamed",
    "move": "moved",
    "set": "set",
    "undo": "undid a change of",
    "redo": "redid a change of",
    "restore": "restored",
    "pseudonymise": "pseudonymised",
}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _describe(payload: dict[str, Any]) -> str:
    before = _dict(payload.get("before"))
    after = _dict(payload.get("after"))
    parts = []
    for key in ("name", "path", "code", "document", "key"):
        value = payload.get(key, before.get(key))
        if isinstance(value, str | int) and value != "":
            parts.append(f"{value}")
    if "start" in payload and "end" in payload:
        parts.append(f"{payload['start']}-{payload['end']}")
    if after:
        parts.append(", ".join(f"{k}: {before.get(k)!r} -> {v!r}" for k, v in after.items() if k != "text"))
    return " ".join(p for p in parts if p)


def summary(event: dict[str, Any]) -> str:
    """One line a person can read: ``anna added coding Mensch/Treiber interview_cdo 10-42``."""
    verb = _VERBS.get(event["action"], event["action"])
    detail = _describe(event["payload"])
    return f"{event['actor']} {verb} {event['entity']}" + (f" {detail}" if detail else "")


def _document_guids(store: Store, name: str) -> tuple[str, int, set[str]]:
    """The document's GUID and id, and the GUIDs of every coding and memo ever made on it."""
    doc = document_row(store, name)
    guids = {str(doc["guid"])}
    guids.update(
        r["guid"] for r in store.query("SELECT guid FROM codings WHERE document_id = ?", (doc["id"],))
    )
    for row in store.query(
        "SELECT guid, payload FROM events WHERE entity IN ('coding', 'memo') AND action IN ('add', 'delete')"
    ):
        payload = json.loads(row["payload"])
        before = payload.get("before") or {}
        if payload.get("document") == doc["name"] or before.get("document_id") == doc["id"]:
            guids.add(row["guid"])
    return str(doc["name"]), int(doc["id"]), guids


def history(
    store: Store,
    *,
    document: str | None = None,
    coder: str | None = None,
    entity: str | None = None,
    since: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events, newest first, as dicts ``at, actor, action, entity, guid, summary, payload``.

    ``document``: events on the document and its codings and memos (also those deleted since);
    ``coder``: events made by that person or on their codings; ``entity``: ``coding``, ``code``,
    ``document``, ...; ``since``: an ISO date or time (UTC), e.g. ``2026-11-01``; ``limit``: at most
    this many (the newest)."""
    if limit is not None and limit < 1:
        raise InvalidValue(f"limit {limit}: give a positive number of events")
    where: list[str] = []
    params: list[Any] = []
    if entity:
        where.append("entity = ?")
        params.append(entity)
    if since:
        if not since[:4].isdigit():
            raise InvalidValue(
                f"since {since!r}: give an ISO date or time such as 2026-11-01 or 2026-11-01T09:30"
            )
        where.append("at >= ?")
        params.append(since)
    sql = "SELECT id, at, actor, action, entity, guid, payload FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    doc_filter = _document_guids(store, document) if document else None
    coder_guids: set[str] = set()
    coder_row = store.one("SELECT id FROM coders WHERE name = ?", (coder,)) if coder else None
    if coder:
        coder_guids = {
            r["guid"]
            for r in store.query(
                "SELECT c.guid FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.name = ?", (coder,)
            )
        }
    out: list[dict[str, Any]] = []
    for row in store.db.query(sql, params):
        payload = json.loads(row["payload"])
        if doc_filter is not None:
            name, doc_id, guids = doc_filter
            before = _dict(payload.get("before"))
            if not (
                row["guid"] in guids
                or payload.get("document") == name
                or (isinstance(before, dict) and before.get("document_id") == doc_id)
            ):
                continue
        before = _dict(payload.get("before"))
        if coder and not (
            row["actor"] == coder
            or payload.get("coder") == coder
            or (row["entity"] == "coding" and row["guid"] in coder_guids)
            or (coder_row is not None and before.get("coder_id") == coder_row["id"])
        ):
            continue
        event = {
            "id": row["id"],
            "at": row["at"],
            "actor": row["actor"],
            "action": row["action"],
            "entity": row["entity"],
            "guid": row["guid"],
            "payload": payload,
        }
        event["summary"] = summary(event)
        out.append(event)
        if limit is not None and len(out) >= limit:
            break
    return out
