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

from toolkit.codes import code_tree
from toolkit.codings import NewCoding, delete_coding_in, insert_codings, update_coding_in
from toolkit.errors import Conflict
from toolkit.permissions import require_coding_owner, require_user
from toolkit.store import Store, Writer, cached_by_change, now

_CHANGES = ("add", "update", "delete")


@dataclass(frozen=True)
class Step:
    """One entry of a coder's undo or redo stack; ``count`` codings when it was an autocoding
    (undone as one step, ``action`` ``autocode``). ``code`` is the path of the coding's code,
    ``fields`` what an ``update`` changed (``start``, ``end``, ``code_id``, ``memo``, ``weight``),
    so a page can say in its language what the step does."""

    event_id: int
    action: str
    guid: str
    summary: str
    count: int = 1
    code: str = ""
    fields: tuple[str, ...] = ()


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


def _code_of(store: Store, row: dict[str, Any], paths: dict[Any, str]) -> str:
    """The path (now) of the code a logged coding change is about; ``paths`` maps code ids and
    GUIDs to paths. An added coding names its code's GUID; a deleted one keeps its row; an update
    names the code only when it changed it (else the coding's current code)."""
    p = row["payload"]
    code_id = (p.get("before") or {}).get("code_id")
    if code_id is None and row["action"] == "update":
        current = store.one("SELECT code_id FROM codings WHERE guid = ?", (row["guid"],))
        code_id = current["code_id"] if current else None
    found = paths.get(code_id) if code_id is not None else paths.get(p.get("code_guid"))
    return found or str(p.get("code") or "")


def _code_paths(store: Store) -> dict[Any, str]:
    return {key: c.path for c in code_tree(store) for key in (c.id, c.guid)}


def _step(store: Store, row: dict[str, Any], paths: dict[Any, str] | None = None) -> Step:
    fields = tuple(sorted(row["payload"].get("after") or {})) if row["action"] == "update" else ()
    code = _code_of(store, row, _code_paths(store) if paths is None else paths)
    return Step(row["id"], row["action"], row["guid"], _summary(row), code=code, fields=fields)


def undo_stack(store: Store, actor: str) -> list[Step]:
    """What ``undo`` would reverse, newest first (each coding change on its own)."""
    undo, _ = _stacks(store, actor)
    paths = _code_paths(store)
    return [_step(store, r, paths) for r in reversed(undo)]


def redo_stack(store: Store, actor: str) -> list[Step]:
    """What ``redo`` would re-apply, newest first (each coding change on its own)."""
    _, redo = _stacks(store, actor)
    paths = _code_paths(store)
    return [_step(store, r, paths) for r in reversed(redo)]


def next_undo(store: Store, actor: str) -> Step | None:
    """The step :func:`undo` would take now: the coder's newest autocoding as one step (``action``
    ``autocode``, ``count`` codings) or their newest change; None when there is nothing to undo."""
    return _next_step(store, actor, _stacks(store, actor)[0])


def next_redo(store: Store, actor: str) -> Step | None:
    """The step :func:`redo` would take now (an undone autocoding as one step); None when there is
    nothing to redo."""
    return _next_step(store, actor, _stacks(store, actor)[1])


def _next_step(store: Store, actor: str, stack: list[dict[str, Any]]) -> Step | None:
    if not stack:
        return None
    step = _step(store, stack[-1])
    group = _autocoded(store, actor, stack)
    if group > 1:
        return Step(step.event_id, "autocode", step.guid, step.summary, count=group, code=step.code)
    return step


def _row(w: Writer, guid: str) -> dict[str, Any] | None:
    return w.store.one("SELECT * FROM codings WHERE guid = ?", (guid,))


def _check_text(w: Writer, document_id: int, start: int, end: int, copy: str | None) -> None:
    """Refuse a replay that would put a coding where the document's text is no longer what the
    step saw (``copy``), as after pseudonymisation: the offsets would point at other words."""
    doc = w.store.one("SELECT name, text FROM documents WHERE id = ?", (document_id,))
    if copy is not None and doc is not None and doc["text"][start:end] != copy:
        raise Conflict("undo.text_changed", document=doc["name"])


def _apply(w: Writer, event: dict[str, Any], *, inverse: bool) -> dict[str, Any]:
    """Apply an event's change (or its inverse); returns what a later redo needs. The change goes
    through the one write path of codings (:mod:`toolkit.codings`), so a replay obeys the rules of
    every other change (span inside the text, one coding per coder, code and span); the undo/redo
    event is the caller's."""
    action, guid, payload = event["action"], event["guid"], event["payload"]
    current = _row(w, guid)
    creates = (action == "add" and not inverse) or (action == "delete" and inverse)
    removes = (action == "add" and inverse) or (action == "delete" and not inverse)
    if removes:
        if current is None:
            raise Conflict("undo.not_possible")
        delete_coding_in(w, current, log=False)
        return {k: v for k, v in current.items() if k != "id"}
    if creates:
        if current is not None:
            raise Conflict("redo.coding_exists")
        row = payload.get("row") or payload.get("before")
        if not row:
            raise Conflict("redo.no_coding_in_event")
        _check_text(w, int(row["document_id"]), int(row["start"]), int(row["end"]), row.get("text"))
        insert_codings(w, [_restored(w, row)], log=False)
        return dict(row)
    if current is None:
        raise Conflict("undo.coding_gone_change")
    values = payload["before"] if inverse else payload["after"]
    start, end = values.get("start", current["start"]), values.get("end", current["end"])
    _check_text(w, int(current["document_id"]), start, end, values.get("text"))
    update_coding_in(
        w,
        current,
        start=values.get("start"),
        end=values.get("end"),
        code_id=values.get("code_id"),
        memo=values.get("memo"),
        weight=values.get("weight"),
        log=False,
    )
    return {}


def _restored(w: Writer, row: dict[str, Any]) -> NewCoding:
    """The coding of a stored row as it is added again, with its GUID, version and creation time."""
    code = next((c for c in code_tree(w.store) if c.id == row["code_id"]), None)
    coder = w.store.one("SELECT name FROM coders WHERE id = ?", (row["coder_id"],))
    if code is None or coder is None:
        raise Conflict("undo.code_or_coder_gone")
    return NewCoding(
        int(row["document_id"]),
        code,
        str(coder["name"]),
        int(row["start"]),
        int(row["end"]),
        memo=str(row.get("memo") or ""),
        origin=str(row.get("origin") or "manual"),
        guid=str(row["guid"]),
        created_at=str(row.get("created_at") or ""),
        updated_at=now(),
        version=int(row.get("version") or 1),
        weight=int(row.get("weight") or 0),
    )


def _autocoded(store: Store, actor: str, stack: list[dict[str, Any]]) -> int:
    """How many of the newest undoable changes are the codings of the coder's newest autocoding
    (0 when the newest change is not one of them)."""
    row = store.one(
        "SELECT payload FROM events WHERE action = 'autocode' AND entity = 'search' AND actor = ? "
        "ORDER BY id DESC LIMIT 1",
        (actor,),
    )
    if row is None:
        return 0
    guids = {str(g).upper() for g in json.loads(row["payload"]).get("codings", [])}
    newest = stack[-len(guids) :] if guids else []
    ok = len(newest) == len(guids) and {str(e["guid"]).upper() for e in newest} == guids
    return len(guids) if ok and all(e["action"] == "add" for e in newest) else 0


def undo(store: Store, actor: str) -> Step | None:
    """Reverse the coder's newest change; None when there is nothing to undo. The codings of an
    autocoding are one change: undo removes them all (the step's ``count``)."""
    require_user(store, actor, "undo changes")
    stack, _ = _stacks(store, actor)
    if not stack:
        return None
    group = _autocoded(store, actor, stack)
    if group > 1:
        steps = undo_many(store, actor, group)
        first = steps[0]
        return Step(first.event_id, "autocode", first.guid, first.summary, count=len(steps), code=first.code)
    event = stack[-1]
    require_coding_owner(store, actor, event["guid"], "undo changes")
    step = _step(store, event)
    with store.write(actor) as w:
        row = _apply(w, event, inverse=True)
        w.event("undo", "coding", event["guid"], {"event": event["id"], "row": row})
    return step


def undo_many(store: Store, actor: str, count: int) -> list[Step]:
    """Reverse the coder's ``count`` newest changes in one transaction (all or none), as one step
    (an autocoding of many hits); returns what was reversed, newest first."""
    require_user(store, actor, "undo changes")
    stack, _ = _stacks(store, actor)
    chosen = list(reversed(stack[-count:])) if count > 0 else []
    for event in chosen:
        require_coding_owner(store, actor, event["guid"], "undo changes")
    paths = _code_paths(store)
    steps = [_step(store, e, paths) for e in chosen]
    with store.write(actor) as w:
        for event in chosen:
            row = _apply(w, event, inverse=True)
            w.event("undo", "coding", event["guid"], {"event": event["id"], "row": row})
    return steps


def _redo_autocoding(store: Store, actor: str, stack: list[dict[str, Any]]) -> Step | None:
    """Re-apply an undone autocoding as one step when its codings are the newest undone changes."""
    group = _autocoded(store, actor, stack)
    if group < 2:
        return None
    chosen = list(reversed(stack[-group:]))
    for event in chosen:
        require_coding_owner(store, actor, event["guid"], "redo changes")
    saved: dict[int, dict[str, Any]] = {}
    for row in store.query(
        "SELECT payload FROM events WHERE action = 'undo' AND actor = ? ORDER BY id", (actor,)
    ):
        payload = json.loads(row["payload"])
        saved[int(payload.get("event", 0))] = payload.get("row", {})
    first = _step(store, chosen[0])
    with store.write(actor) as w:
        for event in chosen:
            replay = {**event, "payload": {**event["payload"], "row": saved.get(event["id"], {})}}
            _apply(w, replay, inverse=False)
            w.event("redo", "coding", event["guid"], {"event": event["id"]})
    return Step(first.event_id, "autocode", first.guid, first.summary, count=len(chosen), code=first.code)


def redo(store: Store, actor: str) -> Step | None:
    """Re-apply the coder's newest undone change; None when there is nothing to redo. An undone
    autocoding comes back as one step, as it went."""
    require_user(store, actor, "redo changes")
    _, stack = _stacks(store, actor)
    if not stack:
        return None
    grouped = _redo_autocoding(store, actor, stack)
    if grouped is not None:
        return grouped
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
    step = _step(store, event)
    with store.write(actor) as w:
        _apply(w, replay, inverse=False)
        w.event("redo", "coding", event["guid"], {"event": event["id"]})
    return step
