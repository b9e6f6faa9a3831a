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


_DOCUMENT = """(
  guid = :doc_guid
  OR json_extract(payload, '$.document') = :doc_name
  OR json_extract(payload, '$.before.document_id') = :doc_id
  OR (entity IN ('coding', 'memo') AND guid IN (
    SELECT guid FROM codings WHERE document_id = :doc_id
    UNION
    SELECT guid FROM events WHERE entity IN ('coding', 'memo') AND action IN ('add', 'delete')
      AND (json_extract(payload, '$.document') = :doc_name
           OR json_extract(payload, '$.before.document_id') = :doc_id))))"""

_CODER = """(
  actor = :coder
  OR json_extract(payload, '$.coder') = :coder
  OR json_extract(payload, '$.before.coder_id') = (SELECT id FROM coders WHERE name = :coder)
  OR (entity = 'coding' AND guid IN (
    SELECT c.guid FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.name = :coder
    UNION
    SELECT guid FROM events WHERE entity = 'coding' AND action = 'add'
      AND json_extract(payload, '$.coder') = :coder)))"""


def history(
    store: Store,
    *,
    document: str | None = None,
    coder: str | None = None,
    entity: str | None = None,
    since: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events, newest first, as dicts ``id, at, actor, action, entity, guid, summary, payload``.

    ``document``: events on the document and its codings and memos (also those deleted since);
    ``coder``: events made by that person or on their codings (also changes by others); ``entity``:
    ``coding``, ``code``, ``document``, ...; ``since``: an ISO date or time (UTC), e.g.
    ``2026-11-01``; ``limit``: at most this many (the newest). The filters run in SQL."""
    if limit is not None and limit < 1:
        raise InvalidValue("audit.limit", limit=limit)
    where: list[str] = []
    params: dict[str, Any] = {}
    if entity:
        where.append("entity = :entity")
        params["entity"] = entity
    if since:
        if not since[:4].isdigit():
            raise InvalidValue("audit.since", since=since)
        where.append("at >= :since")
        params["since"] = since
    if document:
        doc = document_row(store, document)
        where.append(_DOCUMENT)
        params.update(doc_guid=doc["guid"], doc_name=doc["name"], doc_id=doc["id"])
    if coder:
        where.append(_CODER)
        params["coder"] = coder
    sql = "SELECT id, at, actor, action, entity, guid, payload FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    out: list[dict[str, Any]] = []
    for row in store.query(sql, params):
        event = {**row, "payload": json.loads(row["payload"])}
        event["summary"] = summary(event)
        out.append(event)
    return out
