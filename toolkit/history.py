"""Undo and redo of a coder's own coding changes, from the event log.

Each coder has an undo stack: their ``add``/``update``/``delete`` events on codings, newest first,
that have not been undone. Undo applies the inverse change and appends an ``undo`` event naming the
event it reverses; redo re-applies the newest undone change and appends a ``redo`` event. A new
change by the coder clears what can be redone, as in any editor. Nothing is ever removed from the
log, so history stays complete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from toolkit.errors import Conflict
from toolkit.permissions import require_coding_owner, require_user
from toolkit.store import Store, Writer, cached_by_change, now

_CHANGES = ("add", "update", "delete")
_COLUMNS = (
    "guid",
    "document_id",
    "code_id",
    "coder_id",
    "start",
    "end",
    "text",
    "memo",
    "version",
    "created_at",
    "updated_at",
    "origin",
    "weight",
)


@dataclass(frozen=True)
class Step:
    """One entry of a coder's undo or redo stack."""

    event_id: int
    action: str
    guid: str
    summary: str


def _coding_events(store: Store, actor: str) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT id, action, guid, payload FROM events WHERE entity = 'coding' AND actor = ? ORDER BY id",
        (actor,),
    )
    for row in rows:
        row["payload"] = json.loads(row["payload"])
    return rows


@cached_by_change
def _stacks(store: Store, actor: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(undoable changes, redoable changes), newest last, by replaying the coder's log."""
    undo: list[dict[str, Any]] = []
    redo: list[dict[str, Any]] = []
    by_id: dict[int, dict[str, Any]] = {}
    for row in _coding_events(store, actor):
        by_id[row["id"]] = row
        if row["action"] in _CHANGES:
            undo.append(row)
            redo.clear()
        elif row["action"] == "undo":
            target = by_id.get(row["payload"]["event"])
            if target is not None and undo and undo[-1]["id"] == target["id"]:
                redo.append(undo.pop())
        elif row["action"] == "redo":
            target = by_id.get(row["payload"]["event"])
            if target is not None and redo and redo[-1]["id"] == target["id"]:
                undo.append(redo.pop())
    return undo, redo


def _summary(row: dict[str, Any]) -> str:
    p = row["payload"]
    if row["action"] == "add":
        return f"Codierung {p.get('code', '')} hinzugefügt"
    if row["action"] == "delete":
        return "Codierung gelöscht"
    return "Codierung geändert: " + ", ".join(sorted(p.get("after", {})))


def undo_stack(store: Store, actor: str) -> list[Step]:
    """What ``undo`` would reverse, newest first."""
    undo, _ = _stacks(store, actor)
    return [Step(r["id"], r["action"], r["guid"], _summary(r)) for r in reversed(undo)]


def redo_stack(store: Store, actor: str) -> list[Step]:
    """What ``redo`` would re-apply, newest first."""
    _, redo = _stacks(store, actor)
    return [Step(r["id"], r["action"], r["guid"], _summary(r)) for r in reversed(redo)]


def _row(w: Writer, guid: str) -> dict[str, Any] | None:
    return w.store.one("SELECT * FROM codings WHERE guid = ?", (guid,))


def _insert(w: Writer, row: dict[str, Any]) -> None:
    values = {k: row[k] for k in _COLUMNS if k in row}
    values["updated_at"] = now()
    w.insert("codings", values)


def _check_text(w: Writer, guid: str) -> None:
    """Refuse a replay that would bring back a coding whose copy of the text no longer matches the
    document, as after pseudonymisation (the old copy would hold the real name again)."""
    row = w.store.one(
        'SELECT c.text = substr(d.text, c.start + 1, c."end" - c.start) AS same, d.name '
        "FROM codings c JOIN documents d ON d.id = c.document_id WHERE c.guid = ?",
        (guid,),
    )
    if row is not None and not row["same"]:
        raise Conflict("undo.text_changed", document=row["name"])


def _apply(w: Writer, event: dict[str, Any], *, inverse: bool) -> dict[str, Any]:
    """Apply an event's change (or its inverse); returns what a later redo needs."""
    result = _replay(w, event, inverse=inverse)
    _check_text(w, event["guid"])
    return result


def _replay(w: Writer, event: dict[str, Any], *, inverse: bool) -> dict[str, Any]:
    action, guid, payload = event["action"], event["guid"], event["payload"]
    current = _row(w, guid)
    creates = (action == "add" and not inverse) or (action == "delete" and inverse)
    removes = (action == "add" and inverse) or (action == "delete" and not inverse)
    if removes:
        if current is None:
            raise Conflict("undo.not_possible")
        w.execute("DELETE FROM codings WHERE id = ?", (current["id"],))
        return {k: v for k, v in current.items() if k != "id"}
    if creates:
        if current is not None:
            raise Conflict("redo.coding_exists")
        row = payload.get("row") or payload.get("before")
        if not row:
            raise Conflict("redo.no_coding_in_event")
        _insert(w, row)
        return dict(row)
    if current is None:
        raise Conflict("undo.coding_gone_change")
    values = payload["before"] if inverse else payload["after"]
    w.update("codings", current["id"], values, bump_version=True)
    return {}


def undo(store: Store, actor: str) -> Step | None:
    """Reverse the coder's newest change; None when there is nothing to undo."""
    require_user(store, actor, "undo changes")
    stack, _ = _stacks(store, actor)
    if not stack:
        return None
    event = stack[-1]
    require_coding_owner(store, actor, event["guid"], "undo changes")
    with store.write(actor) as w:
        row = _apply(w, event, inverse=True)
        w.event("undo", "coding", event["guid"], {"event": event["id"], "row": row})
    return Step(event["id"], event["action"], event["guid"], _summary(event))


def undo_many(store: Store, actor: str, count: int) -> list[Step]:
    """Reverse the coder's ``count`` newest changes in one transaction (all or none), as one step
    (an autocoding of many hits); returns what was reversed, newest first."""
    require_user(store, actor, "undo changes")
    stack, _ = _stacks(store, actor)
    chosen = list(reversed(stack[-count:])) if count > 0 else []
    for event in chosen:
        require_coding_owner(store, actor, event["guid"], "undo changes")
    with store.write(actor) as w:
        for event in chosen:
            row = _apply(w, event, inverse=True)
            w.event("undo", "coding", event["guid"], {"event": event["id"], "row": row})
    return [Step(e["id"], e["action"], e["guid"], _summary(e)) for e in chosen]


def redo(store: Store, actor: str) -> Step | None:
    """Re-apply the coder's newest undone change; None when there is nothing to redo."""
    require_user(store, actor, "redo changes")
    _, stack = _stacks(store, actor)
    if not stack:
        return None
    event = stack[-1]
    require_coding_owner(store, actor, event["guid"], "redo changes")
    undo_event = store.one(
        "SELECT payload FROM events WHERE action = 'undo' AND actor = ? AND json_extract(payload, "
        "'$.event') = ? ORDER BY id DESC LIMIT 1",
        (actor, event["id"]),
    )
    saved = json.loads(undo_event["payload"]).get("row", {}) if undo_event else {}
    replay = dict(event)
    if event["action"] == "add":
        replay["payload"] = {**event["payload"], "row": saved}
    with store.write(actor) as w:
        _apply(w, replay, inverse=False)
        w.event("redo", "coding", event["guid"], {"event": event["id"]})
    return Step(event["id"], event["action"], event["guid"], _summary(event))
